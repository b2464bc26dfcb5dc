package org.tailbench.interp.threaded;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of the {@code threaded} engine. Calls between such functions, even across
 * instances, stay inside one {@link Machine} loop; {@link #invoke} starts a loop from the host. The
 * lowered function's hot fields are copied here to save an indirection per call.
 */
final class ThreadedFunction extends FunctionInstance {
    final ThreadedContext ctx;
    final LoweredFunction fn;
    final int[] code;
    final long[] consts;
    final long[] localInit;
    final int paramCount, resultCount, frameSize, returnPc;

    ThreadedFunction(ThreadedContext ctx, LoweredFunction fn, FuncType canonicalType) {
        super(canonicalType);
        this.ctx = ctx;
        this.fn = fn;
        this.code = fn.code();
        this.consts = fn.consts();
        this.localInit = fn.localInit();
        this.paramCount = fn.paramCount();
        this.resultCount = fn.resultCount();
        this.frameSize = fn.frameSize();
        this.returnPc = fn.returnPc();
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
