package org.tailbench.interp.tailcall;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.interp.rt.LoweredFunctionInstance;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of the {@code tailcall} engine. Its instruction objects are made by
 * {@link Decoder} on its first call (they bind the instance's globals, memory, tables and callees,
 * which are complete by then), so instantiation costs nothing per function. Calls between such
 * functions, even across instances, stay in one trampoline; {@link #invoke} starts one from the host.
 */
final class TailCallFunction extends LoweredFunctionInstance<InstanceContext<TailCallFunction>> {
    /** the first instruction, once decoded */
    Instr entry;

    TailCallFunction(InstanceContext<TailCallFunction> ctx, LoweredFunction fn, FuncType canonicalType) { super(ctx, fn, canonicalType); }

    /** Decodes the function (the first time) and returns its first instruction. */
    Instr decode() {
        Instr e = entry;
        if (e == null) entry = e = Decoder.decode(this, Decoder.INTERVAL);
        return e;
    }

    @Override protected long[] enter(long[] args) { return Machine.invoke(this, args); }
}
