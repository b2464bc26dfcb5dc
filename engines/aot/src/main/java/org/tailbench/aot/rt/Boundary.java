package org.tailbench.aot.rt;

import java.util.Arrays;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.FunctionCalls;
import org.tailbench.runtime.LargeStackPool;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Where generated code meets the rest of the JVM: entry from the host ({@link #enter}), calls to host
 * functions and other engines' functions ({@link #callForeign}), and the move of deep recursion to a
 * thread with a large stack ({@link #slowEnter}). Frames of this class end a {@link Backtraces} segment.
 *
 * <p>Deep non-tail recursion: a generated prologue compares {@link AotContext#depth} with
 * {@link AotContext#depthLimit}. On an ordinary thread the limit is {@link #INLINE_DEPTH}; past it the
 * call continues on a large-stack worker thread ({@link LargeStackPool}) with {@link #STACK_BYTES} of stack (option
 * {@code aot.stackSize}, bytes, default 1 GiB; only the touched part is committed) while the
 * caller waits, and the limit there is {@link org.tailbench.runtime.Store#maxCallDepth()}, whose excess is
 * the "call stack exhausted" trap. A {@link StackOverflowError} that still happens (e.g. through deep
 * host re-entrance) becomes the same trap here and never reaches the caller. The closure engine's
 * {@code Invoker} does the same with a pool of its own ({@link LargeStackPool}).
 */
public final class Boundary {
    /** Stack of a worker thread in bytes: per-JVM option {@code aot.stackSize} ({@code -Dtailbench.aot.stackSize=BYTES}), default 1 GiB. */
    public static final long STACK_BYTES = EngineOptions.process().get(EngineOptions.AOT_STACK_SIZE);
    /** Wasm frames allowed on an ordinary thread before moving to a worker: per-JVM option {@code aot.inlineDepth}, default 256. */
    public static final int INLINE_DEPTH = EngineOptions.process().get(EngineOptions.AOT_INLINE_DEPTH);

    /**
     * Set on an ordinary thread once its Wasm code needed a worker: later entries from the host on that
     * thread start on a worker directly (one hand-off per entry instead of one per crossing of
     * {@link #INLINE_DEPTH} in recursion that goes up and down around it).
     */
    private static final ThreadLocal<boolean[]> PREFER_WORKER = ThreadLocal.withInitial(() -> new boolean[1]);

    /** The worker threads ({@code aot-wasm-N}) with {@link #STACK_BYTES} of stack. */
    private static final LargeStackPool WORKERS = new LargeStackPool("aot-wasm", STACK_BYTES);

    private Boundary() {}

    /**
     * Host → Wasm: runs {@code f} (and the tail calls it leaves) and restores the context however it ends.
     * While JFR enables {@code tailbench.WasmCallDepth} the instance's context is sampled for the
     * invocation ({@link WasmJfr#enter}; the event names the calling thread, also when the code runs on a
     * worker); at the end, tail-call counts of a profiling module are flushed.
     */
    static long[] enter(AotFunction f, long[] args) {
        AotContext ctx = f.ctx;
        boolean jfr = WasmJfr.enter(ctx.linkage.engine, ctx);
        try {
            if (!WORKERS.onWorker() && PREFER_WORKER.get()[0]) {
                return WORKERS.call(() -> enterHere(f, args));
            }
            return enterHere(f, args);
        } finally {
            if (jfr) WasmJfr.exit(ctx);
            if (ctx.linkage.tailCounter != null) ctx.linkage.tailCounter.invocationEnded();
        }
    }

    private static long[] enterHere(AotFunction f, long[] args) {
        AotContext ctx = f.ctx;
        ctx.ready();
        int depth0 = ctx.depth, limit0 = ctx.depthLimit, tc0 = ctx.tcTarget, chain0 = ctx.chain;
        ctx.depthLimit = WORKERS.onWorker() ? ctx.maxDepth : Math.min(ctx.maxDepth, INLINE_DEPTH);
        ctx.tcTarget = -1;
        try {
            long r = Rt.invokeLocal(f.index, args, ctx);
            int n = f.type().results().length;
            return n == 0 ? new long[0] : n == 1 ? new long[] {r} : Arrays.copyOf(ctx.results, n);
        } catch (StackOverflowError e) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        } finally {
            ctx.depth = depth0;
            ctx.depthLimit = limit0;
            ctx.tcTarget = tc0;
            ctx.chain = chain0;   // a trap may unwind guarded tail calls (Rt.tailHit) without their Rt.unchain
        }
    }

    /**
     * Calls a host function (given the calling instance) or another engine's / instance's function.
     * Exceptions pass through unchanged; a trap gets this segment's Wasm frames.
     * @return one value per result of {@code f}'s type
     * @throws Trap (HOST kind) when the callee returns null or the wrong number of values
     */
    public static long[] callForeign(FunctionInstance f, long[] args, AotContext ctx) {
        try {
            return FunctionCalls.callForeign(f, ctx.inst, args);
        } catch (Trap t) {
            throw Backtraces.fill(t, 0);
        }
    }

    /** {@code call} of imported function {@code fi}: {@link #callForeign}. */
    public static long[] callImport(long[] args, int fi, AotContext ctx) { return callForeign(ctx.functions[fi], args, ctx); }

    /**
     * The slow path of a generated prologue ({@code depth >= depthLimit}): traps "call stack exhausted"
     * at {@link AotContext#maxDepth}, else runs function {@code fi} with {@code args} on a worker thread
     * with a large stack and waits for it.
     * @return the single result encoded, or 0 (several results are in {@link AotContext#results})
     */
    public static long slowEnter(long[] args, int fi, AotContext ctx) {
        if (ctx.depth >= ctx.maxDepth || WORKERS.onWorker()) {
            throw Backtraces.fill(new Trap(TrapKind.CALL_STACK_EXHAUSTED), 1);
        }
        PREFER_WORKER.get()[0] = true;
        try {
            return WORKERS.call(() -> {
                int limit = ctx.depthLimit;
                ctx.depthLimit = ctx.maxDepth;
                try {
                    return Rt.invokeLocal(fi, args, ctx);
                } catch (StackOverflowError e) {
                    throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
                } finally {
                    ctx.depthLimit = limit;
                }
            });
        } catch (Trap t) {
            throw Backtraces.fill(t, 1);    // the frame that handed off ran again on the worker
        }
    }
}
