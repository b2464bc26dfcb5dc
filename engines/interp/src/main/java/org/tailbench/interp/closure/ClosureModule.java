package org.tailbench.interp.closure;

import org.tailbench.interp.rt.Calls;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Instantiator;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module compiled for the {@code closure} engine: one tree per defined function, plus the module's
 * types made canonical ({@link Calls#canonical}), so that
 * {@code call_indirect}'s type check is usually an identity comparison.
 */
final class ClosureModule implements CompiledModule {
    private final ValidatedModule module;
    final FunctionCode[] codes;
    final FuncType[] types;

    ClosureModule(ValidatedModule module) {
        this.module = module;
        this.codes = new FunctionCode[module.module().functions.size()];
        for (int i = 0; i < codes.length; i++) codes[i] = TreeBuilder.build(module.module(), i, module.functions()[i]);
        this.types = new FuncType[module.module().types.size()];
        for (int i = 0; i < types.length; i++) types[i] = Calls.canonical(module.module().types.get(i));
    }

    @Override public ValidatedModule module() { return module; }

    @Override public Instance instantiate(Store store, Imports imports) {
        ClosureContext[] ctx = new ClosureContext[1];
        return Instantiator.instantiate(store, module, imports, (inst, i) -> {
            if (ctx[0] == null || ctx[0].inst != inst) ctx[0] = new ClosureContext(inst, this);
            ClosureFunction f = new ClosureFunction(ctx[0], codes[i], types[module.module().functions.get(i).typeIndex()]);
            ctx[0].defined[i] = f;
            return f;
        });
    }
}
