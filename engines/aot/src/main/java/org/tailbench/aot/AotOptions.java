package org.tailbench.aot;

import org.tailbench.tune.TuningFile;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.EngineOptions;

/**
 * Compiler options, made from {@link EngineOptions} ({@link #of}); the engine-option names and system
 * properties are in {@link EngineOptions}' table.
 *
 * @param trampoline true: {@code return_call*} to another function leaves a pending call for the
 *                   trampoline (constant stack; engine {@code aot}); false: call + return (engine {@code aot-naive})
 * @param profiling  keep per-function tail-call counters ({@code AotContext.tailCalls}, and the JFR event
 *                   {@code tailbench.TailCalls} through {@code Linkage.tailCounter}); option {@code aot.profile}
 *                   ({@code -Dtailbench.aot.profile=true}), or on when the module is compiled while a JFR
 *                   recording enables {@code tailbench.TailCalls}. Off costs nothing: no counter code is
 *                   generated (chosen over the interpreters' one volatile read per tail call, so the
 *                   benchmarked default code is unchanged); a module compiled before the recording started
 *                   (e.g. {@code ./tailbench profile}'s warm-up) therefore has no TailCalls events unless the
 *                   option is set. On: a static call per {@code return_call*} (an array increment, plus one
 *                   volatile read of {@code WasmJfr.countTailCalls()}).
 * @param log        print one line per function to stderr (option {@code aot.log}, or {@code tailbench compile --log})
 * @param split      which function-splitting passes run before code generation (issue 5; see {@link AotCompiler#prepare}):
 *                   option {@code aot.split=none|hard|all}, default {@code all}
 * @param cheapBudget estimated bytecode bytes ({@link BytecodeSize#estimate}) a function may have before the cheap
 *                   pass splits it, and the size it aims each piece at (default {@value #CHEAP_BUDGET}, C2's
 *                   {@code HugeMethodLimit}; the estimate leans high); option {@code aot.cheapBudget} (for tests and measurement)
 * @param hardBudget estimated bytecode bytes a function may have before the hard pass splits it, and the size of
 *                   each piece (default {@value #HARD_BUDGET}, under the JVM's 65535-byte method limit);
 *                   option {@code aot.hardBudget}. When a method still comes out above 64 KB, the module is
 *                   compiled again with smaller hard budgets ({@link AotCompiler#compile}).
 * @param frame      whether the frame strategy runs with {@code split=ALL} (option {@code aot.frame}, default true;
 *                   false for measurement: functions the cheap split cannot bring under the budget then keep their
 *                   locals as JVM locals and are only hard-split)
 * @param tuning     profile-guided decisions (issue 17; README "Tuning"), or null: none, code exactly as without tuning.
 *                   Option {@code aot.tuning=FILE} ({@code -Dtailbench.aot.tuning=FILE}), {@code run --tuning FILE},
 *                   {@code compile --tuning FILE}; decisions for other modules than the one compiled are ignored
 * @param hiddenClasses whether the classes will be defined as hidden classes (option {@code aot.hiddenClasses}): they
 *                   cannot name each other, so calls between them are {@code invokedynamic} in classes of up to 1000
 *                   functions; false (the default): small classes of a {@code ModuleClassLoader} that call each other by
 *                   name, so the JVM loads a class when a call into it first runs (issue 14, start-up; see {@link ModulePlan})
 */
public record AotOptions(boolean trampoline, boolean profiling, boolean log, Split split, int cheapBudget, int hardBudget,
                         boolean frame, TuningFile tuning, boolean hiddenClasses) {
    /**
     * Function-splitting passes: {@code NONE} (a method above 64 KB fails to compile with {@link AotCompileException}),
     * {@code HARD} (only functions above the JVM method limit), {@code ALL} (also a cheap pass for C2's
     * {@code HugeMethodLimit}: code outside loops only, so each added call runs at most once per invocation).
     */
    public enum Split { NONE, HARD, ALL }

    /**
     * Default cheap budget, estimated bytes: C2's HugeMethodLimit (8000). The estimate leans high: on the 21
     * workloads and the generators, real method sizes (ASM) are 0.29–0.81 of it for functions above 2000 B
     * (0.72–0.75 in total), so a piece estimated at 8000 B is at most about 6500 B of bytecode.
     */
    public static final int CHEAP_BUDGET = 8000;
    /** Default hard budget, estimated bytes: 48 KB, about 39 KB of bytecode at the worst ratio seen (0.81). */
    public static final int HARD_BUDGET = 48_000;

    public AotOptions {
        if (split == null) throw new IllegalArgumentException("split is null");
        if (cheapBudget <= 0 || hardBudget <= 0) {
            throw new IllegalArgumentException("split budgets must be positive, got " + cheapBudget + " / " + hardBudget);
        }
    }

    /** Options without tuning; hidden classes per {@link EngineOptions#process()} (option {@code aot.hiddenClasses}). */
    public AotOptions(boolean trampoline, boolean profiling, boolean log, Split split, int cheapBudget, int hardBudget, boolean frame) {
        this(trampoline, profiling, log, split, cheapBudget, hardBudget, frame, null,
                EngineOptions.process().get(EngineOptions.AOT_HIDDEN_CLASSES));
    }

    /**
     * Options with {@code profiling} and {@code log} as given, the split mode, budgets and frame strategy of
     * {@link EngineOptions#process()} (options {@code aot.split}, {@code aot.cheapBudget}, {@code aot.hardBudget},
     * {@code aot.frame}, {@code aot.hiddenClasses}, or their system properties), and no tuning.
     */
    public AotOptions(boolean trampoline, boolean profiling, boolean log) {
        this(trampoline, profiling, log, EngineOptions.process());
    }

    private AotOptions(boolean trampoline, boolean profiling, boolean log, EngineOptions o) {
        this(trampoline, profiling, log, Split.valueOf(o.get(EngineOptions.AOT_SPLIT).toUpperCase(java.util.Locale.ROOT)),
                o.get(EngineOptions.AOT_CHEAP_BUDGET), o.get(EngineOptions.AOT_HARD_BUDGET), o.get(EngineOptions.AOT_FRAME), null,
                o.get(EngineOptions.AOT_HIDDEN_CLASSES));
    }

    /**
     * @return the options of engine {@code aot} ({@code trampoline}) or {@code aot-naive} from {@code options}:
     *         profiling when {@code aot.profile} is true or a running recording enables {@code tailbench.TailCalls},
     *         log from {@code aot.log}, split mode, budgets, frame strategy and hidden classes from theirs, tuning from {@code aot.tuning}
     * @throws IllegalArgumentException when {@code aot.tuning} names a missing or invalid file
     */
    public static AotOptions of(boolean trampoline, EngineOptions options) {
        boolean profiling = options.get(EngineOptions.AOT_PROFILE) || WasmJfr.countTailCalls();
        return new AotOptions(trampoline, profiling, options.get(EngineOptions.AOT_LOG), options)
                .withTuning(TuningFile.of(options.get(EngineOptions.AOT_TUNING)));
    }

    public AotOptions withLog(boolean on) { return new AotOptions(trampoline, profiling, on, split, cheapBudget, hardBudget, frame, tuning, hiddenClasses); }

    /** @return these options with another split mode and budgets (estimated bytecode bytes) */
    public AotOptions withSplit(Split mode, int cheap, int hard) {
        return new AotOptions(trampoline, profiling, log, mode, cheap, hard, frame, tuning, hiddenClasses);
    }

    /** @return these options with tuning {@code t} (null: none) */
    public AotOptions withTuning(TuningFile t) {
        return new AotOptions(trampoline, profiling, log, split, cheapBudget, hardBudget, frame, t, hiddenClasses);
    }
}
