package org.tailbench.interp.threaded;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.LoweredFunctionInstance;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of the {@code threaded} engine. Calls between such functions, even across
 * instances, stay inside one {@link Machine} loop; {@link #invoke} starts a loop from the host.
 * The lowered function's hot fields are copied into {@link LoweredFunctionInstance}'s fields to save
 * an indirection per call.
 */
final class ThreadedFunction extends LoweredFunctionInstance {
    final ThreadedContext ctx;

    ThreadedFunction(ThreadedContext ctx, LoweredFunction fn, FuncType canonicalType) {
        super(fn, canonicalType);
        this.ctx = ctx;
    }

    /**
     * @throws IllegalArgumentException when {@code args.length} differs from the parameter count
     * @throws org.tailbench.runtime.Trap on a trap (with the Wasm backtrace)
     */
    @Override public long[] invoke(long... args) {
        checkArgs(args);
        return Machine.invoke(this, args);
    }
}
