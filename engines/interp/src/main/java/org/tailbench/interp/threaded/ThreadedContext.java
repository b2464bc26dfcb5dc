package org.tailbench.interp.threaded;

import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.runtime.Instance;

/**
 * What the handlers need of one instance, flattened for fast access. See {@link InstanceContext} for the shared fields and
 * when they may be read.
 */
final class ThreadedContext extends InstanceContext {
    /** by defined-function index; filled while instantiating, complete before any function runs */
    final ThreadedFunction[] defined;

    ThreadedContext(Instance inst, ThreadedModule module) {
        super(inst, module);
        this.defined = new ThreadedFunction[module.functions.length];
    }
}
