package org.tailbench.interp.sw;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.LoweredFunctionInstance;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of the {@code switch} engine. Calls between such functions, even across
 * instances, stay inside one {@link SwitchInterpreter} loop; {@link #invoke} starts a loop from the host.
 */
final class SwitchFunction extends LoweredFunctionInstance<SwitchContext> {
    SwitchFunction(SwitchContext ctx, LoweredFunction fn, FuncType canonicalType) { super(ctx, fn, canonicalType); }

    @Override protected long[] enter(long[] args) { return SwitchInterpreter.invoke(this, args); }
}
