package org.tailbench.interp.threaded;

import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.wasm.FuncType;

/**
 * What the handlers need of one instance, flattened for fast access. The arrays are the instance's own
 * (filled in place while instantiating), so they may be read before instantiation finished; memory 0
 * is looked up lazily for the same reason.
 */
final class ThreadedContext {
    final Instance inst;
    final Store store;
    final ThreadedFunction[] defined;
    final FunctionInstance[] functions;
    final Global[] globals;
    final Table[] tables;
    /** canonical types by type index */
    final FuncType[] types;
    private Memory memory;

    ThreadedContext(Instance inst, ThreadedModule module) {
        this.inst = inst;
        this.store = inst.store;
        this.defined = new ThreadedFunction[module.functions.length];
        this.functions = inst.functions;
        this.globals = inst.globals;
        this.tables = inst.tables;
        this.types = module.types;
    }

    /** @return memory 0, or null when the instance has none (or it is not allocated yet) */
    Memory memory() {
        Memory m = memory;
        if (m == null && inst.memories.length > 0) memory = m = inst.memories[0];
        return m;
    }
}
