package org.tailbench.interp.closure;

/**
 * One thread's execution state: the number of active Wasm frames (re-entrant host → Wasm calls
 * continue counting) and the pending tail call, which a {@code return_call} leaves here for the
 * caller's trampoline ({@link Trampoline#run}) to pick up.
 */
final class Machine {
    int depth;
    /** true while this machine runs on a {@link Invoker.WasmThread} */
    boolean bigStack;
    /** set once this machine's thread had to move to a worker; later top-level invocations start there */
    boolean preferWorker;
    /** the callee frame of a pending tail call, args filled in; null when none */
    Frame tail;
    /** a resolved callee that is not of this engine, and its arguments, between resolution and the call */
    org.tailbench.runtime.FunctionInstance foreign;
    long[] foreignArgs;
    /**
     * byte offset of the statement a trap is unwinding through in the innermost frame not yet added to
     * the trap's backtrace, or -1; set by the innermost statement list, taken by {@link Trampoline#run}
     */
    long trapOffset = -1;

    void noteTrapOffset(int pos) { if (trapOffset < 0) trapOffset = pos; }

    /** @return the noted offset (or -1), clearing it for the next frame out */
    long takeTrapOffset() {
        long off = trapOffset;
        trapOffset = -1;
        return off;
    }
}
