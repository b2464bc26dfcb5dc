package org.tailbench.interp.sw;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.Calls;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Instantiator;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module lowered for the {@code switch} engine: the lowered functions plus the module's types made
 * canonical ({@link Calls#canonical}: one {@link FuncType} object per structure, JVM-wide), so that
 * {@code call_indirect}'s type check is usually an identity comparison.
 */
final class SwitchModule implements CompiledModule {
    private final ValidatedModule module;
    final LoweredFunction[] functions;
    final FuncType[] types;

    SwitchModule(ValidatedModule module, LoweredFunction[] functions) {
        this.module = module;
        this.functions = functions;
        this.types = new FuncType[module.module().types.size()];
        for (int i = 0; i < types.length; i++) types[i] = Calls.canonical(module.module().types.get(i));
    }

    @Override public ValidatedModule module() { return module; }

    @Override public Instance instantiate(Store store, Imports imports) {
        SwitchContext[] ctx = new SwitchContext[1];
        return Instantiator.instantiate(store, module, imports, (inst, i) -> {
            if (ctx[0] == null || ctx[0].inst != inst) ctx[0] = new SwitchContext(inst, this);
            SwitchFunction f = new SwitchFunction(ctx[0], functions[i], types[module.module().functions.get(i).typeIndex()]);
            ctx[0].defined[i] = f;
            return f;
        });
    }
}
