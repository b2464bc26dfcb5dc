package org.tailbench.interp.closure;

import java.lang.foreign.MemorySegment;
import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;

/**
 * What the tree nodes need of one instance, flattened. See {@link InstanceContext} for the shared
 * fields and when they may be read.
 */
final class ClosureContext extends InstanceContext {
    /** by defined-function index; filled while instantiating, complete before any function runs */
    final ClosureFunction[] defined;

    ClosureContext(Instance inst, ClosureModule module) {
        super(inst, module);
        this.defined = new ClosureFunction[module.codes.length];
    }

    /** @return memory 0's current view, or an empty segment without memory */
    MemorySegment memoryBytes() {
        Memory m = memory();
        return m == null ? Memory.EMPTY : m.segment();
    }
}
