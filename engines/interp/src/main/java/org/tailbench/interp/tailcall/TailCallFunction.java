package org.tailbench.interp.tailcall;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of the {@code tailcall} engine. Its instruction objects are made by
 * {@link Decoder} on its first call (they bind the instance's globals, memory, tables and callees,
 * which are complete by then), so instantiation costs nothing per function. Calls between such
 * functions, even across instances, stay in one trampoline; {@link #invoke} starts one from the host.
 */
final class TailCallFunction extends FunctionInstance {
    final TailCallContext ctx;
    final LoweredFunction fn;
    final long[] localInit;
    final int paramCount, resultCount, frameSize;
    /** the first instruction, once decoded */
    Instr entry;

    TailCallFunction(TailCallContext ctx, LoweredFunction fn, FuncType canonicalType) {
        super(canonicalType);
        this.ctx = ctx;
        this.fn = fn;
        this.localInit = fn.localInit();
        this.paramCount = fn.paramCount();
        this.resultCount = fn.resultCount();
        this.frameSize = fn.frameSize();
    }

    /** Decodes the function (the first time) and returns its first instruction. */
    Instr decode() {
        Instr e = entry;
        if (e == null) entry = e = Decoder.decode(this, Decoder.INTERVAL);
        return e;
    }

    /**
     * @throws IllegalArgumentException when {@code args.length} differs from the parameter count
     * @throws org.tailbench.runtime.Trap on a trap (with the Wasm backtrace)
     */
    @Override public long[] invoke(long... args) {
        if (args.length != paramCount) {
            throw new IllegalArgumentException(name() + " takes " + paramCount + " arguments, got " + args.length);
        }
        return Machine.invoke(this, args);
    }

    @Override public String name() { return fn.name(); }
}
