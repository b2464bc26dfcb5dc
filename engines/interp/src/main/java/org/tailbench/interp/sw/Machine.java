package org.tailbench.interp.sw;

import java.util.Arrays;
import org.tailbench.interp.rt.LoweredFunctionInstance;
import org.tailbench.interp.rt.Stacks;
import org.tailbench.jfr.CallDepthSource;

/**
 * One thread's execution state: the value stack (each frame's locals followed by its operand stack)
 * and the frame stack (return pc, caller frame base, caller function). A re-entrant call
 * (host → Wasm → host → Wasm) continues on top of the same stacks, so {@link #depth} counts every
 * active Wasm frame of the thread. A frame whose function is null marks a return to the host.
 */
final class Machine implements CallDepthSource {
    long[] stack = new long[1 << 12];
    /** first free slot, as of the last host call */
    int sp;
    /** active frames, as of the last host call */
    int depth;
    int[] retPc = new int[64];
    int[] fps = new int[64];
    SwitchFunction[] fns = new SwitchFunction[64];
    /**
     * true while registered for JFR call-depth sampling: the loop then keeps {@link #depth} and
     * {@link #cur} current at every call, tail call and return (otherwise they live in Java locals)
     */
    boolean track;
    /** the executing function, while {@link #track} */
    SwitchFunction cur;

    // CallDepthSource, read racily by the JFR periodic hook
    @Override public int wasmCallDepth() { return depth; }

    @Override public int innermostFunction() { return LoweredFunctionInstance.functionIndexOf(cur); }

    @Override public int stack(int[] out) { return LoweredFunctionInstance.wasmStack(cur, fns, depth, out); }

    /** Grows the value stack to at least {@code needed} slots and returns it. */
    long[] growStack(long needed) { return stack = Stacks.grow(stack, needed); }

    /** Grows the frame stack (called when {@code depth == fns.length}), up to {@code limit} + 1 entries. */
    void growFrames(int limit) {
        int cap = Stacks.framesCapacity(fns.length, limit);
        retPc = Arrays.copyOf(retPc, cap);
        fps = Arrays.copyOf(fps, cap);
        fns = Arrays.copyOf(fns, cap);
    }
}
