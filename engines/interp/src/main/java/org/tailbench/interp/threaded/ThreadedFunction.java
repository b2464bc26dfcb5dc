package org.tailbench.interp.threaded;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.interp.rt.LoweredFunctionInstance;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of the {@code threaded} engine. Calls between such functions, even across
 * instances, stay inside one {@link Machine} loop; {@link #invoke} starts a loop from the host.
 */
final class ThreadedFunction extends LoweredFunctionInstance<InstanceContext<ThreadedFunction>> {
    ThreadedFunction(InstanceContext<ThreadedFunction> ctx, LoweredFunction fn, FuncType canonicalType) { super(ctx, fn, canonicalType); }

    @Override protected long[] enter(long[] args) { return Machine.invoke(this, args); }
}
