package org.tailbench.interp.tailcall;

import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.runtime.Instance;

/**
 * What the decoder binds of one instance (the instance, its store, its defined functions and canonical types). See {@link InstanceContext} for the shared fields and
 * when they may be read.
 */
final class TailCallContext extends InstanceContext {
    /** by defined-function index; filled while instantiating, complete before any function runs */
    final TailCallFunction[] defined;

    TailCallContext(Instance inst, TailCallModule module) {
        super(inst, module);
        this.defined = new TailCallFunction[module.functions.length];
    }
}
