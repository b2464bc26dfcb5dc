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
    /** the counts of the opcode-profile mode ({@link OpcodeProfiler}), else null */
    final OpcodeProfile opcodes;

    SwitchModule(ValidatedModule module, LoweredFunction[] functions) { this(module, functions, null); }

    SwitchModule(ValidatedModule module, LoweredFunction[] functions, OpcodeProfile opcodes) {
        super(module, "switch");
        this.functions = functions;
        this.opcodes = opcodes;
    }

    @Override protected SwitchContext newContext(Instance inst) { return new SwitchContext(inst, this); }

    @Override protected FunctionInstance define(SwitchContext ctx, int definedIndex, FuncType canonicalType) {
        return ctx.defined[definedIndex] = new SwitchFunction(ctx, functions[definedIndex], canonicalType);
    }
}
