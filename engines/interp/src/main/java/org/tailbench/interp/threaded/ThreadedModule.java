package org.tailbench.interp.threaded;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.InterpModule;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Instance;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module lowered for the {@code threaded} engine: the lowered functions plus the module's canonical
 * types ({@link InterpModule#types}).
 */
final class ThreadedModule extends InterpModule<ThreadedContext> {
    final LoweredFunction[] functions;

    ThreadedModule(ValidatedModule module, LoweredFunction[] functions) {
        super(module, "threaded");
        this.functions = functions;
    }

    @Override protected ThreadedContext newContext(Instance inst) { return new ThreadedContext(inst, this); }

    @Override protected FunctionInstance define(ThreadedContext ctx, int definedIndex, FuncType canonicalType) {
        return ctx.defined[definedIndex] = new ThreadedFunction(ctx, functions[definedIndex], canonicalType);
    }
}
