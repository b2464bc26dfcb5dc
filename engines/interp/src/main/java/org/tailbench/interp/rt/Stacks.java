package org.tailbench.interp.rt;

import java.util.Arrays;

/**
 * Growth of the explicit stacks of the engines that keep Wasm frames in arrays ({@code switch}, {@code threaded},
 * {@code tailcall}): the value stack (each frame's locals followed by its operand stack) and the parallel arrays
 * of the frame stack. Both double, within their limits.
 */
public final class Stacks {
    private Stacks() {}

    /** The most slots a value stack may have (the JVM's largest {@code long[]}, with a margin). */
    public static final int MAX_VALUE_SLOTS = Integer.MAX_VALUE - 16;

    /**
     * @param stack  the value stack
     * @param needed the slots needed
     * @return a copy of {@code stack} with at least {@code needed} slots: twice as many, or {@code needed} when more,
     *         at most {@link #MAX_VALUE_SLOTS}
     * @throws OutOfMemoryError when {@code needed} is over {@link #MAX_VALUE_SLOTS}
     */
    public static long[] grow(long[] stack, long needed) {
        if (needed > MAX_VALUE_SLOTS) throw new OutOfMemoryError("Wasm value stack over " + MAX_VALUE_SLOTS + " slots");
        return Arrays.copyOf(stack, (int) Math.min(MAX_VALUE_SLOTS, Math.max(needed, (long) stack.length * 2)));
    }

    /**
     * @param length the frame stack's length, all of it in use
     * @param limit  the store's frame limit ({@link org.tailbench.runtime.Store#maxCallDepth()})
     * @return the frame stack's next length: twice {@code length}, at most {@code limit} + 1, but always more than {@code length}
     */
    public static int framesCapacity(int length, int limit) {
        int cap = (int) Math.min((long) limit + 1, (long) length * 2);
        return cap <= length ? length + 1 : cap;
    }
}
