package org.tailbench.aot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;
import org.tailbench.jfr.CompileEvent;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.split.FunctionSplitter;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Compiles a validated module to JVM class files (one static method per Wasm function, see
 * {@link CallingConvention}; which class holds which function: {@link ModulePlan}); {@link AotModule#define} defines them.
 *
 * <p>Per input function, the compile log ({@link AotOptions#log}) prints index, name, Wasm bytes, bytecode
 * bytes (all its methods), JVM methods and whether it was split and why, and a JFR {@link CompileEvent} is
 * committed. Functions too large for one method are split first ({@link #prepare}).
 */
public final class AotCompiler {
    private AotCompiler() {}

    /**
     * What code generation starts from. {@link #prepare} is the one place a module is taken before code
     * generation: the Wasm → Wasm split pass ({@link FunctionSplitter}: functions too large for one JVM method
     * become several functions) runs there and fills {@code originalFunction} and {@code splitReasons}.
     *
     * @param originalFunction per function index of {@code module}, the function of the input it came from
     * @param splitReasons     per original function index, why it was split or why it was over a limit and
     *                         not split (null when it was within every budget)
     * @param frameLocals      per function index of {@code module}: 0, or the size of the shared frame (the
     *                         original function's locals) it runs on ({@code FunctionSplitter.Result#frameLocals})
     */
    public record Prepared(ValidatedModule module, int[] originalFunction, String[] splitReasons, int[] frameLocals) {}

    /** The retries with a smaller hard budget after a method came out above 64 KB, and the factor per retry. */
    static final int RETRIES = 2;
    static final double RETRY_FACTOR = 0.6;

    /**
     * Splits the functions of {@code vm} that are too large, per {@code options.split()}, with aot's own size
     * model ({@link BytecodeSize#estimate}, estimated JVM bytecode bytes):
     * <ol>
     *   <li>cheap pass ({@code ALL}): functions estimated above {@code cheapBudget} (default 8000 B, C2's
     *       {@code HugeMethodLimit}; the estimate leans high, see {@link AotOptions#CHEAP_BUDGET}) lose code outside their loops to new functions until every piece fits
     *       ({@code cheapOnly}: each added call runs at most once per invocation), or are left as they are;</li>
     *   <li>frame strategy ({@code ALL}, unless option {@code aot.frame=false} ({@link AotOptions#frame}); issue 14): input functions still
     *       estimated above {@code cheapBudget} are split anywhere to that budget with their locals in one frame array
     *       shared by the pieces ({@code FunctionSplitter.Options#sharedFrame}), kept when the largest piece is
     *       estimated within 1.6 budgets; see the README's "frame strategy";</li>
     *   <li>hard pass ({@code HARD}, {@code ALL}): functions not on a shared frame still estimated above {@code hardBudget} (default
     *       48 KB, under the JVM's 65535-byte method limit) are split anywhere, loops included.</li>
     * </ol>
     * @return the module code generation compiles (the input itself when nothing was over budget)
     */
    public static Prepared prepare(ValidatedModule vm, AotOptions options) {
        int n = vm.module().functionCount();
        int[] orig = new int[n];
        for (int i = 0; i < n; i++) orig[i] = i;
        String[] reasons = new String[n];
        ValidatedModule cur = vm;
        if (options.split() == AotOptions.Split.ALL) {
            FunctionSplitter.Result r = FunctionSplitter.split(cur,
                    new FunctionSplitter.Options(options.cheapBudget(), BytecodeSize::estimate, true));
            for (FunctionSplitter.Report rep : r.reports()) {
                note(reasons, orig[rep.functionIndex()], "above C2's HugeMethodLimit " + BytecodeSize.HUGE_METHOD_LIMIT
                        + " B (est. " + rep.estimatedBytes() + " B, cheap budget " + options.cheapBudget() + " B): "
                        + (rep.pieces() > 1 ? "cheap split into " + rep.pieces() + " pieces (" + rep.reason() + ")"
                        : rep.reason().replaceFirst("^not split: ", "no cheap split: ")));
            }
            orig = compose(orig, r.originalFunction());
            cur = r.module();
        }
        int[] frame = new int[cur.module().functionCount()];
        if (options.split() == AotOptions.Split.ALL && options.frame()) {
            // the frame strategy (rule in the README): every input function still estimated above the cheap budget
            // after the cheap pass (not a piece of it) keeps its locals in one frame array per activation shared
            // with its pieces, which are then cut anywhere (loops, br_table targets) to the cheap budget
            int[] o1 = orig;
            ValidatedModule c1 = cur;
            java.util.function.IntPredicate select = f -> o1[f] == f
                    && BytecodeSize.estimate(c1.module().functions.get(f - c1.module().importedFunctions()).body()) > options.cheapBudget();
            FunctionSplitter.Result r = FunctionSplitter.split(cur,
                    new FunctionSplitter.Options(options.cheapBudget(), BytecodeSize::estimateFrame, false, select, true));
            for (FunctionSplitter.Report rep : r.reports()) {
                note(reasons, orig[rep.functionIndex()], "frame strategy (locals in a shared frame array, est. "
                        + rep.estimatedBytes() + " B with frame accesses): "
                        + (rep.pieces() > 1 ? "split into " + rep.pieces() + " pieces (" + rep.reason() + ")"
                        : rep.reason().replaceFirst("^not split: ", "not used: ")));
            }
            orig = compose(orig, r.originalFunction());
            frame = r.frameLocals();
            cur = r.module();
        }
        if (options.split() != AotOptions.Split.NONE) {
            int[] fr = frame;   // a function on a shared frame is never cut again with locals passed as arguments
            FunctionSplitter.Result r = FunctionSplitter.split(cur,
                    new FunctionSplitter.Options(options.hardBudget(), BytecodeSize::estimate, false, f -> fr[f] == 0, false));
            for (FunctionSplitter.Report rep : r.reports()) {
                note(reasons, orig[rep.functionIndex()], "above the JVM method limit " + BytecodeSize.JVM_METHOD_LIMIT
                        + " B with margin (est. " + rep.estimatedBytes() + " B, hard budget " + options.hardBudget() + " B): "
                        + (rep.pieces() > 1 ? "split into " + rep.pieces() + " pieces (" + rep.reason() + ")"
                        : rep.reason().replaceFirst("^not split: ", "no split: ")));
            }
            orig = compose(orig, r.originalFunction());
            int[] f2 = new int[r.originalFunction().length];
            for (int i = 0; i < f2.length; i++) f2[i] = r.originalFunction()[i] == i ? frame[i] : 0;
            frame = f2;
            cur = r.module();
        }
        return new Prepared(cur, orig, reasons, frame);
    }

    private static void note(String[] reasons, int o, String why) {
        reasons[o] = reasons[o] == null ? why : reasons[o] + "; " + why;
    }

    /** @return for each function of the second pass's output, the input function: {@code first[second[i]]} */
    private static int[] compose(int[] first, int[] second) {
        int[] out = new int[second.length];
        for (int i = 0; i < second.length; i++) out[i] = first[second[i]];
        return out;
    }

    /**
     * Splits (per {@link #prepare}) and compiles; when a method still exceeds 64 KB, compiles again with the hard
     * budget times {@value #RETRY_FACTOR}, up to {@value #RETRIES} times, then once without the hard pass (splitting
     * can make a function's root method larger: every outlined piece leaves a call stub, e.g. ~42 B per handler
     * of a dense {@code br_table} loop whose handlers are ~38 B each). The log says each retry.
     *
     * @param engine     engine name recorded in events and the jar ({@code aot} / {@code aot-naive})
     * @param moduleName used for generated class names and their SourceFile attribute (e.g. {@code nbody.wasm})
     * @throws AotCompileException when a function's method exceeds the JVM limits (names the function and says
     *                             what splitting did)
     */
    public static AotClasses compile(ValidatedModule input, AotOptions options, String engine, String moduleName) {
        checkLimits(input);
        AotTuning tuning = AotTuning.of(options.tuning(), input);
        if (options.log()) tuning.log().forEach(line -> System.err.println(engine + ": " + line));
        AotOptions o = options;
        List<String> retries = new ArrayList<>();
        AotCompileException first = null;
        for (int attempt = 0;; attempt++) {
            try {
                return compileOnce(input, prepare(input, o), o, engine, moduleName, retries, tuning);
            } catch (AotCompileException e) {
                if (!(e.getCause() instanceof MethodTooLargeException) || o.split() == AotOptions.Split.NONE) throw e;
                if (first == null) first = e;
                if (attempt > RETRIES || o.hardBudget() == Integer.MAX_VALUE) {
                    // the first failure says what splitting did at the configured budgets
                    throw new AotCompileException(first.getMessage() + "; it did not fit either after " + retries.size()
                            + " retries (smaller hard budgets, then no hard pass: " + e.getMessage().replaceFirst("^aot: ", "")
                            + ")", first.getCause());
                }
                // smaller pieces; last, no hard pass at all: when the outlined pieces' call stubs cost as much as
                // the code they replace (e.g. a dense br_table with small handlers), the unsplit method may fit
                int hard = attempt < RETRIES ? (int) (o.hardBudget() * RETRY_FACTOR) : Integer.MAX_VALUE;
                AotOptions smaller = o.withSplit(o.split(), o.cheapBudget(), hard);
                String line = engine + ": " + e.getMessage().replaceFirst("^aot: ", "") + " — compiling " + moduleName + " again "
                        + (hard == Integer.MAX_VALUE ? "without the hard split pass" : "with hard budget " + hard + " B");
                retries.add(line);
                if (options.log()) System.err.println(line);
                o = smaller;
            }
        }
    }

    /**
     * Most values on a function's operand stack (the validator's maximum height) aot compiles: the JVM's operand
     * stack holds at most 65535 slots (i64/f64 take two) and a method 65535 bytes of code, which a stack this deep
     * (at least one push and one combining instruction per value) could not fit; deeper ones are refused up front
     * instead of after minutes in ASM (issue: reliability, a 100,000-deep expression).
     */
    public static final int MAX_OPERAND_STACK = 16_384;

    /** @throws AotCompileException naming the function and the limit, when a function is above {@link #MAX_OPERAND_STACK} */
    static void checkLimits(ValidatedModule vm) {
        Module m = vm.module();
        int imported = m.importedFunctions();
        for (int d = 0; d < m.functions.size(); d++) {
            int f = imported + d;
            int height = vm.functions()[d].maxStackHeight();
            if (height > MAX_OPERAND_STACK) {
                throw new AotCompileException("aot: function " + f + " (" + m.functionName(f) + ") has an operand stack of "
                        + height + " values, which exceeds the aot engine's limit of " + MAX_OPERAND_STACK
                        + " (JVM methods hold at most 65535 stack slots in 65535 bytes of code); the interpreters run it", null);
            }
        }
    }

    private static AotClasses compileOnce(ValidatedModule input, Prepared p, AotOptions options, String engine,
                                          String moduleName, List<String> retries, AotTuning tuning) {
        ModulePlan plan = ModulePlan.of(p.module(), p.originalFunction(), p.frameLocals(), options, moduleName, tuning);
        Module m = plan.module();
        Module in = input.module();
        int imported = m.importedFunctions();
        String[] names = plan.className();
        byte[][] files = new byte[names.length][];
        List<String> log = new ArrayList<>(tuning.log());
        log.addAll(retries);
        CompileEvent[] events = new CompileEvent[in.functionCount() - imported];
        ClassGen[] gens = new ClassGen[names.length];
        for (int k = 0; k < names.length; k++) gens[k] = new ClassGen(plan, k, moduleName);
        for (int f = imported; f < m.functionCount(); f++) gens[plan.classOf()[f]].group = gens[plan.groupOf()[f]];
        for (ClassGen g : gens) g.all = gens;
        for (int f = imported; f < m.functionCount(); f++) {
            int o = p.originalFunction()[f];
            CompileEvent ev = events[o - imported];
            if (ev == null) {
                ev = events[o - imported] = new CompileEvent();
                ev.begin();
            }
            try {
                gens[plan.classOf()[f]].function(f);
            } catch (AotCompileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new AotCompileException("aot: cannot compile function " + o + " (" + in.functionName(o) + ")"
                        + (o != f ? ", part " + f : "") + ": internal compiler error"
                        + (e.getMessage() != null ? " (" + e.getMessage() + ")" : ""), e);
            }
            ev.end();   // a split function's event spans its first to its last part
        }
        for (int k = 0; k < names.length; k++) {
            try {
                files[k] = gens[k].finish();
            } catch (MethodTooLargeException e) {
                int f = org.tailbench.aot.rt.Linkage.functionOfMethod(e.getMethodName());
                String why = f >= 0 && f < in.functionCount() && p.splitReasons()[f] != null ? " (" + p.splitReasons()[f] + ")"
                        : options.split() == AotOptions.Split.NONE ? " (splitting is off: aot.split=none)" : "";
                throw new AotCompileException("aot: function " + f + " (" + (f >= 0 ? in.functionName(f) : e.getMethodName())
                        + "), method " + e.getMethodName() + ", needs " + e.getCodeSize()
                        + " bytes of JVM bytecode, above the JVM's 65535-byte method limit" + why, e);
            } catch (ClassTooLargeException e) {
                throw new AotCompileException("aot: generated class " + k + " of " + moduleName + " has "
                        + e.getConstantPoolCount() + " constants, above the JVM limit", e);
            }
        }
        // one event and one log line per input function: a split function's parts add their methods and bytecode
        int[] bytecode = new int[in.functionCount()], methods = new int[in.functionCount()], largest = new int[in.functionCount()];
        for (int k = 0; k < names.length; k++) {
            Map<String, Integer> sizes = ClassFiles.codeSizes(files[k]);
            for (var e : new java.util.TreeMap<>(sizes).entrySet()) {   // dispatch helpers are windowed (SwitchChunks): none expected
                if (!e.getKey().startsWith("$") || e.getValue() <= BytecodeSize.HUGE_METHOD_LIMIT) continue;
                String line = String.format("%s: helper %s of %s: bytecode %d B, above C2's HugeMethodLimit %d B: stays "
                        + "interpreted/C1 unless -XX:-DontCompileHugeMethods", engine, e.getKey(), names[k], e.getValue(),
                        BytecodeSize.HUGE_METHOD_LIMIT);
                log.add(line);
                if (options.log()) System.err.println(line);
            }
            for (int f = imported; f < m.functionCount(); f++) {
                if (plan.classOf()[f] != k) continue;
                int b = sizes.getOrDefault(plan.methodName()[f], 0);
                int o = p.originalFunction()[f];
                bytecode[o] += b;
                methods[o]++;
                largest[o] = Math.max(largest[o], b);
            }
        }
        for (int o = imported; o < in.functionCount(); o++) {
            String reason = p.splitReasons()[o];
            boolean split = methods[o] > 1;
            CompileEvent ev = events[o - imported];
            ev.engine = engine;
            ev.functionIndex = o;
            ev.functionName = in.functionName(o);
            ev.wasmBytes = wasmBytes(in, o);
            ev.bytecodeBytes = bytecode[o];
            ev.methods = methods[o];
            ev.split = split;
            ev.reason = reason == null ? "" : reason;
            String line = String.format("%s: func[%d] %s: wasm %d B, bytecode %d B, %d method%s, %s%s", engine, o,
                    in.functionName(o), ev.wasmBytes, bytecode[o], methods[o], methods[o] == 1 ? "" : "s",
                    split ? "split: " + reason : reason == null ? "not split" : "not split: " + reason,
                    largest[o] > BytecodeSize.HUGE_METHOD_LIMIT ? " (" + (split ? "largest method " + largest[o] + " B " : "")
                            + "above C2's HugeMethodLimit " + BytecodeSize.HUGE_METHOD_LIMIT
                            + " B: stays interpreted/C1 unless -XX:-DontCompileHugeMethods)"
                            : split ? " (largest method " + largest[o] + " B, below C2's HugeMethodLimit)" : "");
            log.add(line);
            if (options.log()) System.err.println(line);
            if (ev.shouldCommit()) ev.commit();
        }
        String sha = AotClasses.sha256(in.bytes);
        int maxValues = 0;
        for (org.tailbench.wasm.FuncType t : m.types) maxValues = Math.max(maxValues, Math.max(t.params().length, t.results().length));
        return new AotClasses(engine, sha, names, files, plan.groupOf(), plan.originalFunction(), options.profiling(), log, maxValues,
                plan.arrayMemory(), plan.namedCalls());
    }

    /** @return bytes of function {@code f}'s body: from its offset to the next function's (or the last instruction) */
    static int wasmBytes(Module m, int f) {
        Module.Function fn = m.functions.get(f - m.importedFunctions());
        int[] pos = fn.body().pos;
        return pos.length == 0 ? 0 : pos[pos.length - 1] + 1 - fn.bodyOffset();
    }
}
