package org.tailbench.interp.tailcall;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.Calls;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Instantiator;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/** A module lowered for the {@code tailcall} engine: the lowered functions and the module's canonical types. */
final class TailCallModule implements CompiledModule {
    private final ValidatedModule module;
    final LoweredFunction[] functions;
    final FuncType[] types;

    TailCallModule(ValidatedModule module, LoweredFunction[] functions) {
        this.module = module;
        this.functions = functions;
        this.types = new FuncType[module.module().types.size()];
        for (int i = 0; i < types.length; i++) types[i] = Calls.canonical(module.module().types.get(i));
    }

    @Override public ValidatedModule module() { return module; }

    @Override public Instance instantiate(Store store, Imports imports) {
        TailCallContext[] ctx = new TailCallContext[1];
        return Instantiator.instantiate(store, module, imports, (inst, i) -> {
            if (ctx[0] == null || ctx[0].inst != inst) ctx[0] = new TailCallContext(inst, this);
            TailCallFunction f = new TailCallFunction(ctx[0], functions[i], types[module.module().functions.get(i).typeIndex()]);
            ctx[0].defined[i] = f;
            return f;
        });
    }
}
