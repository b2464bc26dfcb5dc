package org.tailbench.aot.rt;

import org.tailbench.jfr.CallDepthSource;
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
 *
 * <p>As a {@link CallDepthSource} (JFR {@code tailbench.WasmCallDepth}, registered by {@link Boundary} at
 * each host → Wasm entry while the event is enabled) it reports {@link #depth}, which every generated
 * method maintains anyway (prologue +1, return -1; a trampolined tail call leaves its frame before the
 * callee enters, so {@code aot} stays flat in tail-call loops while {@code aot-naive} grows). It reports
 * no innermost function (-1) and an empty stack: generated code keeps no Wasm frame stack, and keeping one
 * would cost every call; per-function time of aot comes from the JVM frames instead (methods
 * {@code f<index>_<name>}, {@code FrameAttribution}). Depth counts this instance's frames only.
 */
public final class AotContext implements CallDepthSource {
    public final Instance inst;
    public final Store store;
    public final Linkage linkage;
    /** functions by function index (imports first) */
    public final FunctionInstance[] functions;
    public final Global[] globals;
    public final Table[] tables;
    /** canonical function types by type index ({@link Linkage#canonical}) */
    public final FuncType[] types;
    /** memory 0, or null; generated code reloads its view ({@code byte[]} or {@code MemorySegment}) after every call and memory.grow */
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

    /**
     * Guarded direct tail calls (tuning: a devirtualized {@code return_call_indirect} that hit) now on the JVM stack;
     * at the tuning's tail chain limit the next one goes through the trampoline ({@link Rt#tailHit}).
     */
    public int chain;
    /** function index of a pending tail call (trampoline), or -1 */
    public int tcTarget = -1;
    /** arguments of the pending tail call, encoded as {@link org.tailbench.wasm.ValType} says; preallocated */
    public final long[] tcArgs;
    /**
     * Hand-over of a shared frame (the frame strategy, {@code AotCompiler#prepare}): a function running on a
     * frame array stores it here just before calling one of its pieces, which loads it on entry. Only valid
     * between that store and the piece's entry.
     */
    public long[] frame;
    /** results of a function with several results (multi-value), encoded; preallocated */
    public final long[] results;
    /**
     * Tail calls made per function index ({@code return_call*} executed in that function, also in
     * {@code aot-naive} where they are call + return), or null when the module was compiled without
     * profiling (see {@code AotOptions#profiling}). Counted since instantiation, whether or not JFR records.
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

    /** {@link #depth}, read racily by the JFR periodic hook */
    @Override public int wasmCallDepth() { return depth; }

    /** @return -1: aot keeps no frame stack (see the class comment) */
    @Override public int innermostFunction() { return -1; }

    /** @return 0: aot keeps no frame stack (see the class comment) */
    @Override public int stack(int[] out) { return 0; }
}
