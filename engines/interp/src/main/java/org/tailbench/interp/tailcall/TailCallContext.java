package org.tailbench.interp.tailcall;

import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.FuncType;

/** What the decoder binds of one instance: the instance, its store, its defined functions and canonical types. */
final class TailCallContext {
    final Instance inst;
    final Store store;
    /** by defined-function index; filled while instantiating, complete before any function runs */
    final TailCallFunction[] defined;
    /** canonical types by type index */
    final FuncType[] types;

    TailCallContext(Instance inst, TailCallModule module) {
        this.inst = inst;
        this.store = inst.store;
        this.defined = new TailCallFunction[module.functions.length];
        this.types = module.types;
    }
}
