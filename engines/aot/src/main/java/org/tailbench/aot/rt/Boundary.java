package org.tailbench.aot.rt;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.FunctionCalls;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Where generated code meets the rest of the JVM: entry from the host ({@link #enter}), calls to host
 * functions and other engines' functions ({@link #callForeign}), and the move of deep recursion to a
 * thread with a large stack ({@link #slowEnter}). Frames of this class end a {@link Backtraces} segment.
 *
 * <p>Deep non-tail recursion: a generated prologue compares {@link AotContext#depth} with
 * {@link AotContext#depthLimit}. On an ordinary thread the limit is {@link #INLINE_DEPTH}; past it the
 * call continues on a {@link WasmThread} with {@link #STACK_BYTES} of stack (system property
 * {@code tailbench.aot.stackSize}, bytes, default 1 GiB; only the touched part is committed) while the
 * caller waits, and the limit there is {@link org.tailbench.runtime.Store#maxCallDepth()}, whose excess is
 * the "call stack exhausted" trap. A {@link StackOverflowError} that still happens (e.g. through deep
 * host re-entrance) becomes the same trap here and never reaches the caller. The idea is the closure
 * engine's {@code Invoker}.
 */
public final class Boundary {
    /** Stack of a worker thread in bytes: {@code -Dtailbench.aot.stackSize=BYTES}, default 1 GiB. */
    public static final long STACK_BYTES = Long.getLong("tailbench.aot.stackSize", 1L << 30);
    /** Wasm frames allowed on an ordinary thread before moving to a worker: {@code -Dtailbench.aot.inlineDepth}, default 256. */
    public static final int INLINE_DEPTH = Integer.getInteger("tailbench.aot.inlineDepth", 256);

    /**
     * Set on an ordinary thread once its Wasm code needed a worker: later entries from the host on that
     * thread start on a worker directly (one hand-off per entry instead of one per crossing of
     * {@link #INLINE_DEPTH} in recursion that goes up and down around it).
     */
    private static final ThreadLocal<boolean[]> PREFER_WORKER = ThreadLocal.withInitial(() -> new boolean[1]);

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new WasmThread(r, "aot-wasm-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** A worker thread with {@link #STACK_BYTES} of stack. */
    public static final class WasmThread extends Thread {
        WasmThread(Runnable r, String name) { super(null, r, name, STACK_BYTES); }
    }

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
            if (!(Thread.currentThread() instanceof WasmThread) && PREFER_WORKER.get()[0]) {
                return onWorker(() -> enterHere(f, args));
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
        ctx.depthLimit = Thread.currentThread() instanceof WasmThread ? ctx.maxDepth : Math.min(ctx.maxDepth, INLINE_DEPTH);
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
        if (ctx.depth >= ctx.maxDepth || Thread.currentThread() instanceof WasmThread) {
            throw Backtraces.fill(new Trap(TrapKind.CALL_STACK_EXHAUSTED), 1);
        }
        PREFER_WORKER.get()[0] = true;
        try {
            return onWorker(() -> {
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

    private static <T> T onWorker(Callable<T> task) {
        Future<T> result = POOL.submit(task);
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;   // Wasm code cannot be stopped; wait for it, keep the flag
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
