package org.tailbench.aot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;
import org.tailbench.jfr.CompileEvent;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Compiles a validated module to JVM class files (one static method per Wasm function, see
 * {@link CallingConvention}); {@link AotModule#define} turns them into hidden classes.
 *
 * <p>Per function, the compile log ({@link AotOptions#log}) prints index, name, Wasm bytes, bytecode
 * bytes, JVM methods and whether it was split and why, and a JFR {@link CompileEvent} is committed.
 */
public final class AotCompiler {
    private AotCompiler() {}

    /**
     * What code generation starts from. {@link #prepare} is the one place a module is taken before code
     * generation: a Wasm → Wasm split pass (functions too large for one JVM method become several
     * functions) plugs in there and fills {@code originalFunction} and {@code splitReasons}.
     *
     * @param originalFunction per function index of {@code module}, the function of the input it came from
     * @param splitReasons     per original function index, why it was split (null when not)
     */
    public record Prepared(ValidatedModule module, int[] originalFunction, String[] splitReasons) {}

    /** The module as code generation sees it (today: unchanged; identity mapping of functions). */
    public static Prepared prepare(ValidatedModule vm) {
        int n = vm.module().functionCount();
        int[] orig = new int[n];
        for (int i = 0; i < n; i++) orig[i] = i;
        return new Prepared(vm, orig, new String[n]);
    }

    /**
     * @param engine     engine name recorded in events and the jar ({@code aot} / {@code aot-naive})
     * @param moduleName used for generated class names and their SourceFile attribute (e.g. {@code nbody.wasm})
     * @throws AotCompileException when a function's method exceeds the JVM limits (names the function)
     */
    public static AotClasses compile(ValidatedModule input, AotOptions options, String engine, String moduleName) {
        Prepared p = prepare(input);
        ModulePlan plan = ModulePlan.of(p.module(), p.originalFunction(), options, moduleName);
        Module m = plan.module();
        int imported = m.importedFunctions();
        String[] names = plan.className();
        byte[][] files = new byte[names.length][];
        List<String> log = new ArrayList<>();
        List<CompileEvent> events = new ArrayList<>();
        ClassGen[] gens = new ClassGen[names.length];
        for (int k = 0; k < names.length; k++) gens[k] = new ClassGen(plan, k, moduleName);
        for (int f = imported; f < m.functionCount(); f++) {
            CompileEvent ev = new CompileEvent();
            ev.begin();
            try {
                gens[plan.classOf()[f]].function(f);
            } catch (RuntimeException e) {
                throw new AotCompileException("aot: cannot compile function " + f + " (" + m.functionName(f) + "): " + e, e);
            }
            ev.end();
            events.add(ev);
        }
        for (int k = 0; k < names.length; k++) {
            try {
                files[k] = gens[k].finish();
            } catch (MethodTooLargeException e) {
                int f = org.tailbench.aot.rt.Linkage.functionOfMethod(e.getMethodName());
                throw new AotCompileException("aot: function " + f + " (" + (f >= 0 ? m.functionName(f) : e.getMethodName())
                        + ") needs " + e.getCodeSize() + " bytes of JVM bytecode, above the JVM's 65535-byte method limit;"
                        + " it must be split into several methods (FunctionSplitter) before aot can compile it", e);
            } catch (ClassTooLargeException e) {
                throw new AotCompileException("aot: generated class " + k + " of " + moduleName + " has "
                        + e.getConstantPoolCount() + " constants, above the JVM limit", e);
            }
        }
        for (int k = 0; k < names.length; k++) {
            Map<String, Integer> sizes = ClassFiles.codeSizes(files[k]);
            for (int f = imported; f < m.functionCount(); f++) {
                if (plan.classOf()[f] != k) continue;
                int bytecode = sizes.getOrDefault(plan.methodName()[f], 0);
                int wasmBytes = wasmBytes(m, f);
                String reason = p.splitReasons()[p.originalFunction()[f]];
                // one event per input function: the parts a split made add their methods and bytecode to it
                int o = p.originalFunction()[f];
                CompileEvent ev = events.get(o - imported);
                if (ev.engine == null) {
                    ev.engine = engine;
                    ev.functionIndex = o;
                    ev.functionName = m.functionName(o);
                    ev.wasmBytes = wasmBytes(input.module(), o);
                    ev.split = reason != null;
                    ev.reason = reason == null ? "" : reason;
                }
                ev.bytecodeBytes += bytecode;
                ev.methods++;
                String line = String.format("%s: func[%d] %s: wasm %d B, bytecode %d B, %d method%s, %s%s", engine, f,
                        m.functionName(f), wasmBytes, bytecode, 1, "",
                        reason == null ? "not split" : "split: " + reason,
                        bytecode > BytecodeSize.HUGE_METHOD_LIMIT ? " (above C2's HugeMethodLimit " + BytecodeSize.HUGE_METHOD_LIMIT + " B: stays interpreted/C1 unless -XX:-DontCompileHugeMethods)" : "");
                log.add(line);
                if (options.log()) System.err.println(line);
            }
        }
        for (int o = imported; o < input.module().functionCount(); o++) {
            CompileEvent ev = events.get(o - imported);
            if (ev.shouldCommit()) ev.commit();
        }
        String sha = AotClasses.sha256(input.module().bytes);
        return new AotClasses(engine, sha, names, files, plan.classOf(), plan.originalFunction(), options.profiling(), log);
    }

    /** @return bytes of function {@code f}'s body: from its offset to the next function's (or the last instruction) */
    static int wasmBytes(Module m, int f) {
        Module.Function fn = m.functions.get(f - m.importedFunctions());
        int[] pos = fn.body().pos;
        return pos.length == 0 ? 0 : pos[pos.length - 1] + 1 - fn.bodyOffset();
    }
}
