package org.tailbench.interp.sw;

import java.util.Arrays;

/**
 * One thread's execution state: the value stack (each frame's locals followed by its operand stack)
 * and the frame stack (return pc, caller frame base, caller function). A re-entrant call
 * (host → Wasm → host → Wasm) continues on top of the same stacks, so {@link #depth} counts every
 * active Wasm frame of the thread. A frame whose function is null marks a return to the host.
 */
final class Machine {
    private static final int MAX_STACK_SLOTS = Integer.MAX_VALUE - 16;

    long[] stack = new long[1 << 12];
    /** first free slot, as of the last host call */
    int sp;
    /** active frames, as of the last host call */
    int depth;
    int[] retPc = new int[64];
    int[] fps = new int[64];
    SwitchFunction[] fns = new SwitchFunction[64];

    /** Grows the value stack to at least {@code needed} slots and returns it. */
    long[] growStack(long needed) {
        if (needed > MAX_STACK_SLOTS) throw new OutOfMemoryError("Wasm value stack over " + MAX_STACK_SLOTS + " slots");
        int cap = (int) Math.min(MAX_STACK_SLOTS, Math.max(needed, (long) stack.length * 2));
        stack = Arrays.copyOf(stack, cap);
        return stack;
    }

    /** Grows the frame stack (called when {@code depth == fns.length}), up to {@code limit} + 1 entries. */
    void growFrames(int limit) {
        int cap = (int) Math.min((long) limit + 1, (long) fns.length * 2);
        if (cap <= fns.length) cap = fns.length + 1;
        retPc = Arrays.copyOf(retPc, cap);
        fps = Arrays.copyOf(fps, cap);
        fns = Arrays.copyOf(fns, cap);
    }
}
