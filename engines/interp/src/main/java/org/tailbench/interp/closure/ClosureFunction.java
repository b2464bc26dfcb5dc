package org.tailbench.interp.closure;

import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.interp.rt.InterpFunction;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of the {@code closure} engine: a compiled tree plus its instance's
 * context. Calls between such functions, even across instances, go straight to {@link Trampoline#run};
 * {@link #invoke} enters from the host through {@link Invoker}.
 */
final class ClosureFunction extends InterpFunction<InstanceContext<ClosureFunction>> {
    final FunctionCode code;

    ClosureFunction(InstanceContext<ClosureFunction> ctx, FunctionCode code, FuncType canonicalType) {
        super(ctx, canonicalType, code.paramCount);
        this.code = code;
    }

    @Override protected long[] enter(long[] args) { return Invoker.invoke(this, args.clone()); }

    /** @return a fresh frame for a call of this function from Wasm code on {@code m} */
    Frame newFrame(Machine m) { return new Frame(code, ctx, m); }

    @Override public String name() { return code.name; }
}
