package org.tailbench.interp.closure;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Gives deep Wasm recursion (which recurses on the Java stack in this engine) a large Java stack, so
 * that {@link org.tailbench.runtime.Store#maxCallDepth()} is reached before the JVM's stack is.
 *
 * <p>An invocation from the host starts on the calling thread (no hand-off cost for the common shallow
 * case). When a non-tail call would go past {@link #INLINE_DEPTH} active Wasm frames on a thread that
 * is not a {@link WasmThread}, the callee (and everything it calls) continues on a worker thread with
 * {@link #STACK_BYTES} of stack while the calling thread waits; the frame count carries over, and
 * exceptions (traps, {@code WasiExit}, errors) come back unchanged. After that, later top-level
 * invocations from the same thread start on a worker directly. Host → Wasm calls made on a worker
 * run on it.
 */
final class Invoker {
    /**
     * Stack reserved per worker thread (1 GiB). Only the touched part is committed. A JIT-compiled
     * simple recursion uses about 0.5 KiB per Wasm frame (measured: 3,984,378 frames of
     * {@code count(n) = count(n-1) + 1} fit in 2 GiB), interpreted frames several times more, so the
     * default limit of 200,000 frames is reached long before the stack is.
     */
    static final long STACK_BYTES = 1L << 30;

    /**
     * Active Wasm frames allowed on an ordinary thread before moving to a worker: small enough for a
     * 1 MiB default thread stack even with interpreted frames of deeply nested code.
     */
    static final int INLINE_DEPTH = 128;

    private static final ThreadLocal<Machine> MACHINE = ThreadLocal.withInitial(() -> {
        Machine m = new Machine();
        m.bigStack = Thread.currentThread() instanceof WasmThread;
        return m;
    });
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new WasmThread(r, "closure-wasm-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** A worker thread with {@link #STACK_BYTES} of stack. */
    static final class WasmThread extends Thread {
        WasmThread(Runnable r, String name) { super(null, r, name, STACK_BYTES); }
    }

    private Invoker() {}

    /** @return the machine of the current thread (during a hand-off, the waiting thread's) */
    static Machine machine() { return MACHINE.get(); }

    /** Invokes {@code f} from the host: here, or on a worker when this thread has needed one before. */
    static long[] invoke(ClosureFunction f, long[] args) {
        Machine m = machine();
        if (m.preferWorker && m.depth == 0 && !m.bigStack) return onWorker(() -> Trampoline.invokeHere(f, args));
        return Trampoline.invokeHere(f, args);
    }

    /**
     * Runs {@code fr} (a callee frame about to pass {@link #INLINE_DEPTH}) on a worker thread, with the
     * caller's machine, and waits for it.
     * @return what {@link Trampoline#run} returns
     */
    static Frame continueOnWorker(Frame fr) {
        Machine m = fr.m;
        m.preferWorker = true;
        return onWorker(() -> {
            Machine own = MACHINE.get();
            MACHINE.set(m);
            m.bigStack = true;
            try {
                return Trampoline.run(fr);
            } catch (StackOverflowError e) {
                throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
            } finally {
                m.bigStack = false;
                MACHINE.set(own);
            }
        });
    }

    private static <T> T onWorker(Callable<T> task) {
        Future<T> result = POOL.submit(task);
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;   // the Wasm code cannot be stopped; wait for it, keep the flag
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
