package org.tailbench.interp.closure;

import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.interp.rt.InterpModule;
import org.tailbench.jfr.CompileEvent;
import org.tailbench.runtime.Instance;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module compiled for the {@code closure} engine: one tree per defined function, plus the module's
 * canonical types ({@link InterpModule#types}).
 */
final class ClosureModule extends InterpModule<InstanceContext<ClosureFunction>, ClosureFunction> {
    final FunctionCode[] codes;

    ClosureModule(ValidatedModule module) {
        super(module, "closure", ClosureFunction[]::new);
        this.codes = new FunctionCode[module.module().functions.size()];
        for (int i = 0; i < codes.length; i++) {
            CompileEvent ev = new CompileEvent();   // JFR tailbench.Compile: building the tree is this engine's compile step
            ev.begin();
            codes[i] = TreeBuilder.build(module.module(), i, module.functions()[i]);
            ev.end();
            if (ev.shouldCommit()) {
                Lowerer.compileEvent(ev, "closure", module.module(), i);
                ev.commit();
            }
        }
    }

    @Override protected InstanceContext<ClosureFunction> newContext(Instance inst) { return new InstanceContext<>(inst, this); }

    @Override protected ClosureFunction newFunction(InstanceContext<ClosureFunction> ctx, int definedIndex, FuncType canonicalType) {
        return new ClosureFunction(ctx, codes[definedIndex], canonicalType);
    }
}
