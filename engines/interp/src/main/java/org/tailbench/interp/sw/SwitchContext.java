package org.tailbench.interp.sw;

import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.interp.rt.InterpModule;
import org.tailbench.runtime.Instance;

/**
 * What the loop needs of one instance: the shared fields ({@link InstanceContext}) plus the opcode-profile
 * counts, which only this engine has.
 */
final class SwitchContext extends InstanceContext<SwitchFunction> {
    /** the module's opcode-profile counts ({@link OpcodeProfiler}), or null when not in that mode */
    final OpcodeProfile opcodes;

    SwitchContext(Instance inst, InterpModule<?, SwitchFunction> module, OpcodeProfile opcodes) {
        super(inst, module);
        this.opcodes = opcodes;
    }
}
