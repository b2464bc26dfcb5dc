package org.tailbench.interp.closure;

import org.tailbench.jfr.CallDepthSource;

/**
 * One thread's execution state: the number of active Wasm frames (re-entrant host → Wasm calls
 * continue counting) and the pending tail call, which a {@code return_call} leaves here for the
 * caller's trampoline ({@link Trampoline#run}) to pick up.
 */
final class Machine implements CallDepthSource {
    int depth;
    /** true while registered for JFR call-depth sampling: {@link Trampoline#run} then notes each frame's function */
    boolean track;
    /** while {@link #track}: function index of frame {@code d} (0 = outermost) at {@code [d]} */
    int[] frames = new int[64];
    /** true while this machine runs on a worker of {@link Invoker#WORKERS} */
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

    /** Notes that frame {@code d} (0-based from the outermost) runs function {@code functionIndex}. */
    void noteFrame(int d, int functionIndex) {
        int[] fr = frames;
        if (d >= fr.length) frames = fr = java.util.Arrays.copyOf(fr, Math.max(d + 1, fr.length * 2));
        fr[d] = functionIndex;
    }

    // CallDepthSource, read racily by the JFR periodic hook
    @Override public int wasmCallDepth() { return depth; }

    @Override public int innermostFunction() {
        int d = depth;
        int[] fr = frames;
        return d > 0 && d <= fr.length ? fr[d - 1] : -1;
    }

    @Override public int stack(int[] out) {
        int[] fr = frames;
        int n = 0;
        for (int d = Math.min(depth, fr.length) - 1; d >= 0 && n < out.length; d--) out[n++] = fr[d];
        return n;
    }

    void noteTrapOffset(int pos) { if (trapOffset < 0) trapOffset = pos; }

    /** @return the noted offset (or -1), clearing it for the next frame out */
    long takeTrapOffset() {
        long off = trapOffset;
        trapOffset = -1;
        return off;
    }
}
