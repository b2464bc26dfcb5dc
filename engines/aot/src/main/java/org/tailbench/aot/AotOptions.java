package org.tailbench.aot;

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
 */
public record AotOptions(boolean trampoline, boolean profiling, boolean log) {
    /**
     * @return the options of engine {@code aot} ({@code trampoline}) or {@code aot-naive}, with the system
     *         properties' profiling (or a running recording's {@code tailbench.TailCalls}) and log
     */
    public static AotOptions fromSystemProperties(boolean trampoline) {
        boolean profiling = Boolean.getBoolean("tailbench.aot.profile") || WasmJfr.countTailCalls();
        return new AotOptions(trampoline, profiling, Boolean.getBoolean("tailbench.aot.log"));
    }

    public AotOptions withLog(boolean on) { return new AotOptions(trampoline, profiling, on); }
}
