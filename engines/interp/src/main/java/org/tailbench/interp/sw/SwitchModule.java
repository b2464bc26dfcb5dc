package org.tailbench.interp.sw;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.InterpModule;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Instance;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module lowered for the {@code switch} engine: the lowered functions plus the module's canonical
 * types ({@link InterpModule#types}).
 */
final class SwitchModule extends InterpModule<SwitchContext> {
    final LoweredFunction[] functions;

    SwitchModule(ValidatedModule module, LoweredFunction[] functions) {
        super(module);
        this.functions = functions;
    }

    @Override protected SwitchContext newContext(Instance inst) { return new SwitchContext(inst, this); }

    @Override protected FunctionInstance define(SwitchContext ctx, int definedIndex, FuncType canonicalType) {
        return ctx.defined[definedIndex] = new SwitchFunction(ctx, functions[definedIndex], canonicalType);
    }
}
