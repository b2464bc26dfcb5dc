package org.tailbench.aot;

import org.tailbench.aot.tune.TuningFile;
import org.tailbench.jfr.WasmJfr;

/**
 * Compiler options.
 *
 * @param trampoline true: {@code return_call*} to another function leaves a pending call for the
 *                   trampoline (constant stack; engine {@code aot}); false: call + return (engine {@code aot-naive})
 * @param profiling  keep per-function tail-call counters ({@code AotContext.tailCalls}, and the JFR event
 *                   {@code tailbench.TailCalls} through {@code Linkage.tailCounter}); on with
 *                   {@code -Dtailbench.aot.profile=true}, or when the module is compiled while a JFR
 *                   recording enables {@code tailbench.TailCalls}. Off costs nothing: no counter code is
 *                   generated (chosen over the interpreters' one volatile read per tail call, so the
 *                   benchmarked default code is unchanged); a module compiled before the recording started
 *                   (e.g. {@code ./tailbench profile}'s warm-up) therefore has no TailCalls events unless the
 *                   property is set. On: a static call per {@code return_call*} (an array increment, plus one
 *                   volatile read of {@code WasmJfr.countTailCalls()}).
 * @param log        print one line per function to stderr ({@code -Dtailbench.aot.log=true} or {@code --log})
 * @param split      which function-splitting passes run before code generation (issue 5; see {@link AotCompiler#prepare}):
 *                   {@code -Dtailbench.aot.split=none|hard|all}, default {@code all}
 * @param cheapBudget estimated bytecode bytes ({@link BytecodeSize#estimate}) a function may have before the cheap
 *                   pass splits it, and the size it aims each piece at (default {@value #CHEAP_BUDGET}, C2's
 *                   {@code HugeMethodLimit}; the estimate leans high); {@code -Dtailbench.aot.cheapBudget=N} (for tests and measurement)
 * @param hardBudget estimated bytecode bytes a function may have before the hard pass splits it, and the size of
 *                   each piece (default {@value #HARD_BUDGET}, under the JVM's 65535-byte method limit);
 *                   {@code -Dtailbench.aot.hardBudget=N}. When a method still comes out above 64 KB, the module is
 *                   compiled again with smaller hard budgets ({@link AotCompiler#compile}).
 * @param tuning     profile-guided decisions (issue 17; README "Tuning"), or null: none, code exactly as without tuning.
 *                   {@code -Dtailbench.aot.tuning=FILE} ({@link TuningFile#fromProperty}), {@code run --tuning FILE},
 *                   {@code compile --tuning FILE}; decisions for other modules than the one compiled are ignored
 */
public record AotOptions(boolean trampoline, boolean profiling, boolean log, Split split, int cheapBudget, int hardBudget,
                         TuningFile tuning) {
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

    /** Options without tuning. */
    public AotOptions(boolean trampoline, boolean profiling, boolean log, Split split, int cheapBudget, int hardBudget) {
        this(trampoline, profiling, log, split, cheapBudget, hardBudget, null);
    }

    /** Options with the system properties' split mode and budgets ({@code tailbench.aot.split}, ...), without tuning. */
    public AotOptions(boolean trampoline, boolean profiling, boolean log) {
        this(trampoline, profiling, log, splitFromProperty(), Integer.getInteger("tailbench.aot.cheapBudget", CHEAP_BUDGET),
                Integer.getInteger("tailbench.aot.hardBudget", HARD_BUDGET));
    }

    /** @throws IllegalArgumentException when {@code tailbench.aot.split} is not none, hard or all */
    static Split splitFromProperty() {
        String v = System.getProperty("tailbench.aot.split", "all").trim();
        try {
            return Split.valueOf(v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Dtailbench.aot.split=" + v + ": expected none, hard or all", e);
        }
    }

    /**
     * @return the options of engine {@code aot} ({@code trampoline}) or {@code aot-naive}, with the system
     *         properties' profiling (or a running recording's {@code tailbench.TailCalls}), log and tuning
     *         ({@code tailbench.aot.tuning})
     * @throws IllegalArgumentException when {@code tailbench.aot.tuning} names a missing or invalid file
     */
    public static AotOptions fromSystemProperties(boolean trampoline) {
        boolean profiling = Boolean.getBoolean("tailbench.aot.profile") || WasmJfr.countTailCalls();
        return new AotOptions(trampoline, profiling, Boolean.getBoolean("tailbench.aot.log")).withTuning(TuningFile.fromProperty());
    }

    public AotOptions withLog(boolean on) { return new AotOptions(trampoline, profiling, on, split, cheapBudget, hardBudget, tuning); }

    /** @return these options with another split mode and budgets (estimated bytecode bytes) */
    public AotOptions withSplit(Split mode, int cheap, int hard) {
        return new AotOptions(trampoline, profiling, log, mode, cheap, hard, tuning);
    }

    /** @return these options with tuning {@code t} (null: none) */
    public AotOptions withTuning(TuningFile t) {
        return new AotOptions(trampoline, profiling, log, split, cheapBudget, hardBudget, t);
    }
}
