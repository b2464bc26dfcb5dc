package org.tailbench.aot;

import java.util.ArrayList;
import java.util.List;
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
 * @param originalFunction per function index, the Wasm function of the input module it stands for
 *                         (itself unless a split produced it)
 * @param frameLocals      per function index, 0 or the size of the shared frame array it runs on (the frame
 *                         strategy: the function that owns it allocates it, its pieces take it from
 *                         {@code AotContext.frame}, set by the caller just before the call)
 * @param arrayMemory      the memory access path: true when memory 0 is defined by the module and heap-backed
 *                         ({@link #arrayMemoryFor}), so generated code holds its {@code byte[]}; false for the
 *                         {@code MemorySegment} path (imported or mapped memory, or none)
 * @param tuning           guarded devirtualization decisions by original function and body offset ({@link AotTuning#NONE}: none)
 */
record ModulePlan(ValidatedModule validated, AotOptions options, String baseName, int[] classOf, String[] className,
                  String[] methodName, int[] originalFunction, boolean[] mayTailCall, int[] frameLocals,
                  boolean arrayMemory, AotTuning tuning) {
    /** Most functions one generated class holds (its constant pool and {@code $invoke} switch stay small). */
    static final int MAX_FUNCTIONS_PER_CLASS = 1000;
    /** Most Wasm body bytes one generated class holds. */
    static final int MAX_WASM_BYTES_PER_CLASS = 160_000;

    Module module() { return validated.module(); }

    static ModulePlan of(ValidatedModule vm, int[] originalFunction, int[] frameLocals, AotOptions options, String moduleName,
                         AotTuning tuning) {
        Module m = vm.module();
        int imported = m.importedFunctions(), n = m.functionCount();
        String base = "org/tailbench/aot/rt/Wasm$" + Names.sanitize(moduleName);
        int[] classOf = new int[n];
        List<String> classes = new ArrayList<>();
        int k = -1, count = 0, bytes = 0;
        for (int f = 0; f < n; f++) {
            if (f < imported) { classOf[f] = -1; continue; }
            int size = m.functions.get(f - imported).body().length * 3;
            if (k < 0 || count >= MAX_FUNCTIONS_PER_CLASS || (count > 0 && bytes + size > MAX_WASM_BYTES_PER_CLASS)) {
                k++;
                classes.add(base + "$" + k);
                count = 0;
                bytes = 0;
            }
            classOf[f] = k;
            count++;
            bytes += size;
        }
        if (classes.isEmpty()) classes.add(base + "$0");
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
        return new ModulePlan(vm, options, base, classOf, classes.toArray(String[]::new), names, originalFunction, may,
                frameLocals, arrayMemoryFor(m), tuning);
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
