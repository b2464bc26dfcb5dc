package org.tailbench.aot.rt;

import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.wasm.FuncType;

/**
 * All per-instance state of an aot-compiled module, in one object passed as the last argument of every
 * generated method (see {@code org.tailbench.aot.CallingConvention}). Generated code reads and writes
 * the public fields directly. The arrays are the {@link Instance}'s own (filled while instantiating);
 * {@link #memory} is looked up by {@link #ready()} before the first call from outside.
 *
 * <p>Not thread-safe: an instance runs on one thread at a time (a {@link Store} is per thread).
 */
public final class AotContext {
    public final Instance inst;
    public final Store store;
    public final Linkage linkage;
    /** functions by function index (imports first) */
    public final FunctionInstance[] functions;
    public final Global[] globals;
    public final Table[] tables;
    /** canonical function types by type index ({@link Linkage#canonical}) */
    public final FuncType[] types;
    /** memory 0, or null; generated code reloads its {@code byte[]} view after every call and memory.grow */
    public Memory memory;

    /**
     * Current number of active Wasm frames of this instance (non-tail calls nest, tail calls do not).
     * A plain field: profilers on other threads may read it racily, see {@link #callDepth()}.
     */
    public int depth;
    /** depth at which the function prologue takes its slow path: {@link Store#maxCallDepth()}, or less on a small Java stack */
    public int depthLimit;
    /** {@link Store#maxCallDepth()}, read once */
    public final int maxDepth;

    /** function index of a pending tail call (trampoline), or -1 */
    public int tcTarget = -1;
    /** arguments of the pending tail call, encoded as {@link org.tailbench.wasm.ValType} says; preallocated */
    public final long[] tcArgs;
    /** results of a function with several results (multi-value), encoded; preallocated */
    public final long[] results;
    /**
     * Tail calls made per function index ({@code return_call*} executed in that function), or null when
     * the module was compiled without profiling ({@code -Dtailbench.aot.profile=true}).
     */
    public final long[] tailCalls;

    private boolean ready;

    public AotContext(Instance inst, Linkage linkage) {
        this.inst = inst;
        this.store = inst.store;
        this.linkage = linkage;
        this.functions = inst.functions;
        this.globals = inst.globals;
        this.tables = inst.tables;
        this.types = linkage.canonicalTypes;
        this.maxDepth = store.maxCallDepth();
        this.depthLimit = maxDepth;
        this.tcArgs = new long[Math.max(1, linkage.maxParams)];
        this.results = new long[Math.max(1, linkage.maxResults)];
        this.tailCalls = linkage.profiling ? new long[inst.functions.length] : null;
    }

    /** Looks up the lazily allocated parts (memory 0) once instantiation allocated them. */
    public void ready() {
        if (!ready) {
            if (inst.memories.length > 0 && inst.memories[0] != null) {
                memory = inst.memories[0];
                ready = true;
            } else if (inst.memories.length == 0) {
                ready = true;
            }
        }
    }

    /** @return the current Wasm call depth of this instance (racy when read from another thread) */
    public int callDepth() { return depth; }
}
