package org.tailbench.interp.closure;

import java.lang.foreign.MemorySegment;
import org.tailbench.interp.rt.InstanceContext;

/**
 * One activation of a Wasm function: {@link #s} holds the locals (params first) at
 * {@code 0 .. localCount-1} followed by the operand-stack slots the tree spills to (stack height
 * {@code h} lives in {@code s[localCount + h]}); results are left at {@code s[localCount ..]}.
 * {@link #mem} caches memory 0's segment view; nodes that may replace it (calls, {@code memory.grow})
 * reload it.
 */
final class Frame {
    final long[] s;
    final FunctionCode code;
    final InstanceContext<ClosureFunction> ctx;
    final Machine m;
    MemorySegment mem;

    Frame(FunctionCode code, InstanceContext<ClosureFunction> ctx, Machine m) {
        this.code = code;
        this.ctx = ctx;
        this.m = m;
        long[] s = new long[code.frameSize];
        long[] init = code.localInit;
        if (init != null) System.arraycopy(init, 0, s, code.paramCount, init.length);
        this.s = s;
        this.mem = ctx.memoryBytes();
    }

    /** Reloads {@link #mem} after something may have grown memory. */
    void reloadMemory() { mem = ctx.memoryBytes(); }
}
