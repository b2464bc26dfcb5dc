package org.tailbench.interp.sw;

import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.runtime.Instance;

/**
 * What the loop needs of one instance, flattened for fast access. See {@link InstanceContext} for the shared fields and
 * when they may be read.
 */
final class SwitchContext extends InstanceContext {
    /** by defined-function index; filled while instantiating, complete before any function runs */
    final SwitchFunction[] defined;
    /** the module's opcode-profile counts ({@link OpcodeProfiler}), or null when not in that mode */
    final OpcodeProfile opcodes;

    SwitchContext(Instance inst, SwitchModule module) {
        super(inst, module);
        this.defined = new SwitchFunction[module.functions.length];
        this.opcodes = module.opcodes;
    }
}
