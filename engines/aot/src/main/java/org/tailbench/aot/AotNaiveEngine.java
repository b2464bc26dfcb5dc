package org.tailbench.aot;

/**
 * Engine {@code aot-naive}: the same compiler with {@code return_call*} compiled as call + return, the
 * baseline whose JVM stack grows with tail recursion (deep tail recursion ends in the "call stack
 * exhausted" trap at {@link org.tailbench.runtime.Store#maxCallDepth()}).
 */
public final class AotNaiveEngine extends AotEngine {
    @Override public String name() { return "aot-naive"; }

    @Override public String description() {
        return "aot with return_call* compiled as call + return (stack grows; the naive baseline)";
    }

    @Override boolean trampoline() { return false; }

    @Override public int order() { return 60; }

    @Override public boolean constantStackTailCalls() { return false; }
}
