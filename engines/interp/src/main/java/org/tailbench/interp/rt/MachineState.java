package org.tailbench.interp.rt;

import org.tailbench.jfr.CallDepthSource;

/**
 * The per-thread registers and value stack of the engines whose dispatch keeps them in a machine object's
 * fields ({@code threaded}, {@code tailcall}: a handler per instruction, so no Java local survives from one
 * instruction to the next; {@code switch} keeps them in locals of its loop instead). Each engine's {@code Machine}
 * adds its own frame stack (what to resume in the caller, and the caller's function, typed by engine), its current
 * function and its dispatch; a re-entrant call (host → Wasm → host → Wasm) runs on top of the same stacks, and the
 * engine saves and restores these registers around it.
 */
public abstract class MachineState implements CallDepthSource {
    /** value stack: each frame's locals followed by its operand stack (grown by {@link #growStack}) */
    public long[] stack = new long[1 << 12];
    /** first free slot of {@link #stack} (tailcall: current only when control is back in its trampoline) */
    public int sp;
    /** base of the executing frame (its local 0) */
    public int fp;
    /** active Wasm frames of this thread, host-return markers included */
    public int depth;
    /** the frame limit of the current run ({@link org.tailbench.runtime.Store#maxCallDepth()} of its entry function's store) */
    public int maxDepth;
    /** frame stack: for the caller of frame {@code d + 1}, its frame base */
    public int[] fps = new int[64];

    // CallDepthSource, read racily by the JFR periodic hook (the fields are always current in these engines)
    @Override public final int wasmCallDepth() { return depth; }

    /**
     * Grows the value stack ({@link Stacks#grow}).
     * @param needed the slots needed, more than the stack has
     * @return the new {@link #stack}
     */
    public final long[] growStack(long needed) { return stack = Stacks.grow(stack, needed); }
}
