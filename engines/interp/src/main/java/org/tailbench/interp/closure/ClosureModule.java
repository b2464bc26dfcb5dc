package org.tailbench.interp.closure;

import org.tailbench.interp.rt.InterpModule;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Instance;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module compiled for the {@code closure} engine: one tree per defined function, plus the module's
 * canonical types ({@link InterpModule#types}).
 */
final class ClosureModule extends InterpModule<ClosureContext> {
    final FunctionCode[] codes;

    ClosureModule(ValidatedModule module) {
        super(module);
        this.codes = new FunctionCode[module.module().functions.size()];
        for (int i = 0; i < codes.length; i++) codes[i] = TreeBuilder.build(module.module(), i, module.functions()[i]);
    }

    @Override protected ClosureContext newContext(Instance inst) { return new ClosureContext(inst, this); }

    @Override protected FunctionInstance define(ClosureContext ctx, int definedIndex, FuncType canonicalType) {
        return ctx.defined[definedIndex] = new ClosureFunction(ctx, codes[definedIndex], canonicalType);
    }
}
