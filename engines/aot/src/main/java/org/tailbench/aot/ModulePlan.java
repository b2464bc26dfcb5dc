package org.tailbench.aot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.runtime.Memory;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Module-wide decisions made before code generation: which generated class holds which function,
 * the method name of every function, and which functions may return with a pending tail call.
 *
 * <p>Classes (issue 14, start-up: load only what runs). Functions are cut, in index order, into <em>groups</em> of
 * at most {@value #MAX_FUNCTIONS_PER_CLASS} functions / {@value #MAX_WASM_BYTES_PER_CLASS} estimated bytes (three per
 * instruction). With hidden classes ({@link AotOptions#hiddenClasses}) a group is one class, as before: its functions
 * and its helpers, calls into other groups through {@code invokedynamic}. Otherwise (the default) each group is cut
 * again into small classes of at most {@value #MAX_FUNCTIONS_PER_SMALL_CLASS} functions /
 * {@value #MAX_WASM_BYTES_PER_SMALL_CLASS} estimated bytes that hold only function methods and their private helpers,
 * plus one <em>dispatch class</em> per group with the group's {@code $invoke}, {@code $drain} and {@code $ci<T>}
 * (the same switches over the same functions as a group class). All of them call each other with
 * {@code invokestatic} by name, which the JVM resolves, and loads the target class for, when the call first runs: a
 * start-up that runs a few functions of a group loads (parses, verifies) only their small classes.
 *
 * @param classOf          per function index, the class holding its method (-1 for imports)
 * @param groupOf          per function index, the class holding its group's {@code $invoke}, {@code $drain} and
 *                         {@code $ci<T>} (its dispatch class; {@code classOf} itself with hidden classes); -1 for imports
 * @param className        internal names by class index: the small classes, then the dispatch classes
 * @param originalFunction per function index, the Wasm function of the input module it stands for
 *                         (itself unless a split produced it)
 * @param frameLocals      per function index, 0 or the size of the shared frame array it runs on (the frame
 *                         strategy: the function that owns it allocates it, its pieces take it from
 *                         {@code AotContext.frame}, set by the caller just before the call)
 * @param arrayMemory      the memory access path: true when memory 0 is defined by the module and heap-backed
 *                         ({@link #arrayMemoryFor}), so generated code holds its {@code byte[]}; false for the
 *                         {@code MemorySegment} path (imported or mapped memory, or none)
 * @param tuning           guarded devirtualization decisions by original function and body offset ({@link AotTuning#NONE}: none)
 * @param groupsOfType     per function type (structural), the dispatch classes ({@code groupOf} values, ascending) whose
 *                         groups hold a function of that type: a {@code call_indirect} of a function of this instance
 *                         in another group goes straight to that group's {@code $cx<T>} (no boxing; see {@link ClassGen})
 */
record ModulePlan(ValidatedModule validated, AotOptions options, String baseName, int[] classOf, int[] groupOf, String[] className,
                  String[] methodName, int[] originalFunction, boolean[] mayTailCall, int[] frameLocals,
                  boolean arrayMemory, AotTuning tuning, Map<FuncType, int[]> groupsOfType) {
    /** Most functions one group holds (its dispatch class's constant pool and {@code $invoke} switch stay small). */
    static final int MAX_FUNCTIONS_PER_CLASS = 1000;
    /** Most estimated Wasm body bytes (three per instruction) one group holds. */
    static final int MAX_WASM_BYTES_PER_CLASS = 160_000;
    /** Most functions one small class holds (classes a start-up loads hold little it does not run). */
    static final int MAX_FUNCTIONS_PER_SMALL_CLASS = 32;
    /** Most estimated Wasm body bytes one small class holds (one larger function gets a class of its own). */
    static final int MAX_WASM_BYTES_PER_SMALL_CLASS = 12_000;

    Module module() { return validated.module(); }

    /** @return whether classes call each other by name (small classes and dispatch classes), not through {@code invokedynamic} */
    boolean namedCalls() { return !options.hiddenClasses(); }

    static ModulePlan of(ValidatedModule vm, int[] originalFunction, int[] frameLocals, AotOptions options, String moduleName,
                         AotTuning tuning) {
        Module m = vm.module();
        int imported = m.importedFunctions(), n = m.functionCount();
        String base = "org/tailbench/aot/rt/Wasm$" + Names.sanitize(moduleName);
        int[] group = cut(m, MAX_FUNCTIONS_PER_CLASS, MAX_WASM_BYTES_PER_CLASS, null);
        int groups = 0;
        for (int g : group) groups = Math.max(groups, g + 1);
        groups = Math.max(groups, 1);
        List<String> classes = new ArrayList<>();
        int[] classOf, groupOf;
        if (options.hiddenClasses()) {
            classOf = group;
            groupOf = group;
            for (int g = 0; g < groups; g++) classes.add(base + "$" + g);
        } else {
            classOf = cut(m, MAX_FUNCTIONS_PER_SMALL_CLASS, MAX_WASM_BYTES_PER_SMALL_CLASS, group);
            int small = 0;
            for (int c : classOf) small = Math.max(small, c + 1);
            for (int c = 0; c < small; c++) classes.add(base + "$" + c);
            groupOf = new int[n];
            for (int f = 0; f < n; f++) groupOf[f] = f < imported ? -1 : small + group[f];
            for (int g = 0; g < groups; g++) classes.add(base + "$d" + g);
        }
        String[] names = new String[n];
        for (int f = 0; f < n; f++) {
            int orig = originalFunction[f];
            String wasmName = m.functionNames.get(orig);
            names[f] = "f" + orig + "_" + Names.sanitize(wasmName != null ? wasmName : "") + (orig != f ? "$part" + f : "");
        }
        boolean[] may = new boolean[n];
        if (options.trampoline()) {
            for (int f = imported; f < n; f++) {
                Code c = m.functions.get(f - imported).body();
                for (int i = 0; i < c.length; i++) {
                    Op op = c.opAt(i);
                    if (op == Op.RETURN_CALL_INDIRECT || (op == Op.RETURN_CALL && c.a[i] != f && c.a[i] >= imported)) {
                        may[f] = true;
                        break;
                    }
                }
            }
        }
        Map<FuncType, java.util.TreeSet<Integer>> byType = new HashMap<>();
        for (int f = imported; f < n; f++) byType.computeIfAbsent(m.functionType(f), x -> new java.util.TreeSet<>()).add(groupOf[f]);
        Map<FuncType, int[]> groupsOfType = new HashMap<>();
        byType.forEach((t, gs) -> groupsOfType.put(t, gs.stream().mapToInt(Integer::intValue).toArray()));
        return new ModulePlan(vm, options, base, classOf, groupOf, classes.toArray(String[]::new), names, originalFunction, may,
                frameLocals, arrayMemoryFor(m), tuning, groupsOfType);
    }

    /** @return the dispatch classes ({@code groupOf} values, ascending) other than {@code self} */
    int[] otherDispatchClasses(int self) {
        return java.util.Arrays.stream(groupOf).filter(g -> g >= 0 && g != self).distinct().sorted().toArray();
    }

    /**
     * Cuts the defined functions, in index order, into runs of at most {@code maxFunctions} functions and
     * {@code maxBytes} estimated bytes (three per instruction; a larger function gets a run of its own), never
     * across a change of {@code within} (null: no such bound).
     * @return per function index, its run (0, 1, ...); -1 for imports
     */
    private static int[] cut(Module m, int maxFunctions, int maxBytes, int[] within) {
        int imported = m.importedFunctions(), n = m.functionCount();
        int[] out = new int[n];
        int k = -1, count = 0, bytes = 0;
        for (int f = 0; f < n; f++) {
            if (f < imported) { out[f] = -1; continue; }
            int size = m.functions.get(f - imported).body().length * 3;
            if (k < 0 || count >= maxFunctions || (count > 0 && bytes + size > maxBytes)
                    || (within != null && within[f] != within[f - 1])) {
                k++;
                count = 0;
                bytes = 0;
            }
            out[f] = k;
            count++;
            bytes += size;
        }
        return out;
    }

    /**
     * @return whether generated code for {@code m} uses the {@code byte[]} access path: memory 0 is defined
     *         by the module (an imported one may be either backing) and {@link Memory#backingFor} makes it
     *         heap-backed; {@link AotModule#instantiate} then requires that backing
     */
    static boolean arrayMemoryFor(Module m) {
        return m.importedMemories() == 0 && !m.memories.isEmpty()
                && Memory.backingFor(m.memories.get(0).limits()) == Memory.Backing.HEAP;
    }

    FuncType type(int f) { return module().functionType(f); }

    /** @return whether {@code f} is a piece running on its caller's shared frame (not the frame's owner) */
    boolean framePiece(int f) { return frameLocals[f] > 0 && originalFunction[f] != f; }
}
