package org.tailbench.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker threads with a large Java stack, for engines whose Wasm calls recurse on the Java stack
 * (closure's {@code Invoker}, aot's {@code Boundary}): when recursion gets deep on an ordinary thread, the
 * engine continues the call on a worker ({@link #call}) while the calling thread waits, so that
 * {@link Store#maxCallDepth()} is reached before the JVM's stack is. Only the touched part of a worker's
 * stack is committed. Workers are daemon threads named {@code <prefix>-<n>}, made on demand and ended after
 * 60 s idle (a cached thread pool); an engine keeps one pool for the life of the JVM.
 */
public final class LargeStackPool {
    /** Default stack of a worker: 1 GiB (bytes). */
    public static final long DEFAULT_STACK_BYTES = 1L << 30;

    private final long stackBytes;
    private final ExecutorService pool;

    /**
     * @param namePrefix the workers' names are {@code namePrefix-1}, {@code namePrefix-2}, ...
     * @param stackBytes stack size of each worker in bytes (a hint to the JVM, see {@link Thread#Thread(ThreadGroup, Runnable, String, long)})
     * @throws IllegalArgumentException when {@code stackBytes} is not positive
     */
    public LargeStackPool(String namePrefix, long stackBytes) {
        if (stackBytes <= 0) throw new IllegalArgumentException("stack size must be positive, got " + stackBytes + " bytes");
        this.stackBytes = stackBytes;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Worker(this, r, namePrefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the stack size of each worker, bytes */
    public long stackBytes() { return stackBytes; }

    /** @return whether the current thread is a worker of this pool */
    public boolean onWorker() {
        return Thread.currentThread() instanceof Worker w && w.pool == this;
    }

    /**
     * Runs {@code task} on a worker and waits for it. An interrupt of the waiting thread does not stop the
     * task (Wasm code cannot be stopped): the wait goes on and the interrupt flag is set again afterwards.
     * @return what {@code task} returned
     * @throws RuntimeException or {@link Error} exactly as {@code task} threw it (traps, {@code WasiExit}, ...);
     *         a checked exception comes wrapped in an {@link IllegalStateException}
     */
    public <T> T call(Callable<T> task) {
        Future<T> result = pool.submit(task);
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

    /** A worker thread of one pool, with that pool's stack size. */
    public static final class Worker extends Thread {
        private final LargeStackPool pool;

        Worker(LargeStackPool pool, Runnable r, String name) {
            super(null, r, name, pool.stackBytes);
            this.pool = pool;
        }
    }
}
