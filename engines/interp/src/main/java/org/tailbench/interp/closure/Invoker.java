package org.tailbench.interp.closure;

import org.tailbench.runtime.LargeStackPool;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Gives deep Wasm recursion (which recurses on the Java stack in this engine) a large Java stack, so
 * that {@link org.tailbench.runtime.Store#maxCallDepth()} is reached before the JVM's stack is.
 *
 * <p>An invocation from the host starts on the calling thread (no hand-off cost for the common shallow
 * case). When a non-tail call would go past {@link #INLINE_DEPTH} active Wasm frames on a thread that
 * is not one of {@link #WORKERS}, the callee (and everything it calls) continues on a worker thread with
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
    static final long STACK_BYTES = LargeStackPool.DEFAULT_STACK_BYTES;

    /**
     * Active Wasm frames allowed on an ordinary thread before moving to a worker: small enough for a
     * 1 MiB default thread stack even with interpreted frames of deeply nested code.
     */
    static final int INLINE_DEPTH = 128;

    /** The worker threads ({@code closure-wasm-N}) with {@link #STACK_BYTES} of stack. */
    static final LargeStackPool WORKERS = new LargeStackPool("closure-wasm", STACK_BYTES);
    private static final ThreadLocal<Machine> MACHINE = ThreadLocal.withInitial(() -> {
        Machine m = new Machine();
        m.bigStack = WORKERS.onWorker();
        return m;
    });

    private Invoker() {}

    /** @return the machine of the current thread (during a hand-off, the waiting thread's) */
    static Machine machine() { return MACHINE.get(); }

    /** Invokes {@code f} from the host: here, or on a worker when this thread has needed one before. */
    static long[] invoke(ClosureFunction f, long[] args) {
        Machine m = machine();
        if (m.preferWorker && m.depth == 0 && !m.bigStack) return WORKERS.call(() -> Trampoline.invokeHere(f, args));
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
        return WORKERS.call(() -> {
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
}
