package org.tailbench.interp.rt;

import java.lang.foreign.MemorySegment;
import org.tailbench.jfr.TailCallCounter;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.wasm.FuncType;

/**
 * What an interpreter needs of one instance, flattened into plain final fields that its loop, handlers
 * or nodes read directly (no accessor). The arrays are the instance's own (filled in place while
 * instantiating), so they may be read before instantiation finished; memory 0 is looked up lazily for
 * the same reason. An engine uses it as it is, or subclasses it to add what only its dispatch needs.
 * @param <F> the engine's function instance class ({@link #defined})
 */
public class InstanceContext<F extends FunctionInstance> {
    /** the instance this context flattens */
    public final Instance inst;
    /** the instance's store (resolves funcref addresses) */
    public final Store store;
    /** the instance's functions by function index, imported first (spec §2.5.1 index space) */
    public final FunctionInstance[] functions;
    /** the instance's defined functions by defined-function index (0 = the first after the imports); filled
     *  while instantiating ({@link InterpModule#instantiate}), complete before any function runs */
    public final F[] defined;
    /** the instance's globals by global index */
    public final Global[] globals;
    /** the instance's tables by table index */
    public final Table[] tables;
    /** canonical types ({@link Calls#canonical}) by type index */
    public final FuncType[] types;
    /** the module's tail-call counts for JFR ({@link InterpModule#tailCalls}) */
    public final TailCallCounter tailCalls;
    private Memory memory;

    /**
     * @param inst the instance being made (its arrays may still be filling)
     * @param module the module being instantiated (its canonical {@link InterpModule#types},
     *               {@link InterpModule#tailCalls} and the length of {@link #defined})
     */
    public InstanceContext(Instance inst, InterpModule<?, F> module) {
        this.inst = inst;
        this.store = inst.store;
        this.functions = inst.functions;
        this.defined = module.newDefinedArray();
        this.globals = inst.globals;
        this.tables = inst.tables;
        this.types = module.types;
        this.tailCalls = module.tailCalls;
    }

    /** @return memory 0, or null when the instance has none (or it is not allocated yet) */
    public final Memory memory() {
        Memory m = memory;
        if (m == null && inst.memories.length > 0) memory = m = inst.memories[0];
        return m;
    }

    /** @return memory 0's current view, or an empty segment without memory */
    public final MemorySegment memoryBytes() {
        Memory m = memory();
        return m == null ? Memory.EMPTY : m.segment();
    }
}
