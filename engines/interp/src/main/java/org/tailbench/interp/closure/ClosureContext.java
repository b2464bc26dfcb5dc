package org.tailbench.interp.closure;

import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;

/**
 * What the tree nodes need of one instance, flattened. See {@link InstanceContext} for the shared
 * fields and when they may be read.
 */
final class ClosureContext extends InstanceContext {
    private static final byte[] NO_MEMORY = new byte[0];

    /** by defined-function index; filled while instantiating, complete before any function runs */
    final ClosureFunction[] defined;

    ClosureContext(Instance inst, ClosureModule module) {
        super(inst, module);
        this.defined = new ClosureFunction[module.codes.length];
    }

    /** @return memory 0's current bytes, or an empty array without memory */
    byte[] memoryBytes() {
        Memory m = memory();
        return m == null ? NO_MEMORY : m.bytes();
    }
}
