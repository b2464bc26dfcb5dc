package org.tailbench.aot;

/**
 * Compiler options.
 *
 * @param trampoline true: {@code return_call*} to another function leaves a pending call for the
 *                   trampoline (constant stack; engine {@code aot}); false: call + return (engine {@code aot-naive})
 * @param profiling  keep per-function tail-call counters ({@code AotContext.tailCalls}); off by default,
 *                   {@code -Dtailbench.aot.profile=true}. Off costs nothing: no counter code is generated.
 * @param log        print one line per function to stderr ({@code -Dtailbench.aot.log=true} or {@code --log})
 */
public record AotOptions(boolean trampoline, boolean profiling, boolean log) {
    /** @return the options of engine {@code aot} ({@code trampoline}) or {@code aot-naive}, with the system properties' profiling and log */
    public static AotOptions fromSystemProperties(boolean trampoline) {
        return new AotOptions(trampoline, Boolean.getBoolean("tailbench.aot.profile"), Boolean.getBoolean("tailbench.aot.log"));
    }

    public AotOptions withLog(boolean on) { return new AotOptions(trampoline, profiling, on); }
}
