package org.tailbench.interp.threaded;

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
 * A module lowered for the {@code threaded} engine: the lowered functions plus the module's types made
 * canonical ({@link Calls#canonical}), so that {@code call_indirect}'s type check is usually an
 * identity comparison.
 */
final class ThreadedModule implements CompiledModule {
    private final ValidatedModule module;
    final LoweredFunction[] functions;
    final FuncType[] types;

    ThreadedModule(ValidatedModule module, LoweredFunction[] functions) {
        this.module = module;
        this.functions = functions;
        this.types = new FuncType[module.module().types.size()];
        for (int i = 0; i < types.length; i++) types[i] = Calls.canonical(module.module().types.get(i));
    }

    @Override public ValidatedModule module() { return module; }

    @Override public Instance instantiate(Store store, Imports imports) {
        ThreadedContext[] ctx = new ThreadedContext[1];
        return Instantiator.instantiate(store, module, imports, (inst, i) -> {
            if (ctx[0] == null || ctx[0].inst != inst) ctx[0] = new ThreadedContext(inst, this);
            FuncType type = types[module.module().functions.get(i).typeIndex()];
            ThreadedFunction f = new ThreadedFunction(ctx[0], functions[i], type);
            ctx[0].defined[i] = f;
            return f;
        });
    }
}
