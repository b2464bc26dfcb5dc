package org.tailbench.interp.sw;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.rt.LoweredModule;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module lowered for the {@code switch} engine ({@link LoweredModule}), which may carry the counts of the
 * opcode-profile mode ({@link OpcodeProfiler}).
 */
final class SwitchModule extends LoweredModule<SwitchContext, SwitchFunction> {
    /** the counts of the opcode-profile mode ({@link OpcodeProfiler}), else null */
    final OpcodeProfile opcodes;

    SwitchModule(ValidatedModule module, LoweredFunction[] functions, OpcodeProfile opcodes) {
        super(module, "switch", functions, SwitchFunction[]::new, (inst, m) -> new SwitchContext(inst, m, opcodes),
                SwitchFunction::new);
        this.opcodes = opcodes;
    }
}
