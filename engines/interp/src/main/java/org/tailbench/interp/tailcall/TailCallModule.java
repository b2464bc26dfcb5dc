package org.tailbench.interp.tailcall;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.InterpModule;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Instance;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module lowered for the {@code tailcall} engine: the lowered functions plus the module's canonical
 * types ({@link InterpModule#types}).
 */
final class TailCallModule extends InterpModule<TailCallContext> {
    final LoweredFunction[] functions;

    TailCallModule(ValidatedModule module, LoweredFunction[] functions) {
        super(module, "tailcall");
        this.functions = functions;
    }

    @Override protected TailCallContext newContext(Instance inst) { return new TailCallContext(inst, this); }

    @Override protected FunctionInstance define(TailCallContext ctx, int definedIndex, FuncType canonicalType) {
        return ctx.defined[definedIndex] = new TailCallFunction(ctx, functions[definedIndex], canonicalType);
    }
}
