package org.tailbench.interp.closure;

import org.tailbench.runtime.FunctionInstance;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of the {@code closure} engine: a compiled tree plus its instance's
 * context. Calls between such functions, even across instances, go straight to {@link Trampoline#run};
 * {@link #invoke} enters from the host through {@link Invoker}.
 */
final class ClosureFunction extends FunctionInstance {
    final ClosureContext ctx;
    final FunctionCode code;

    ClosureFunction(ClosureContext ctx, FunctionCode code, FuncType canonicalType) {
        super(canonicalType);
        this.ctx = ctx;
        this.code = code;
    }

    /**
     * @throws IllegalArgumentException when {@code args.length} differs from the parameter count
     * @throws org.tailbench.runtime.Trap on a trap (with the Wasm backtrace)
     */
    @Override public long[] invoke(long... args) {
        if (args.length != code.paramCount) {
            throw new IllegalArgumentException(name() + " takes " + code.paramCount + " arguments, got " + args.length);
        }
        return Invoker.invoke(this, args.clone());
    }

    /** @return a fresh frame for a call of this function from Wasm code on {@code m} */
    Frame newFrame(Machine m) { return new Frame(code, ctx, m); }

    @Override public String name() { return code.name; }
}
