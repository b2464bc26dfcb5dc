package org.tailbench.jfr;

import java.util.function.IntFunction;

/**
 * Per-function tail-call counts of one compiled module for the {@code tailbench.TailCalls} event
 * ({@link TailCallsEvent}). An engine makes one per compiled module and, at each {@code return_call*}
 * made by function {@code f}, calls {@code if (WasmJfr.countTailCalls()) counter.count(f)}; at the end of
 * each host → Wasm invocation it calls {@link #invocationEnded()}.
 *
 * <p>Counts are plain (unsynchronized) increments by the running thread, exact for one thread;
 * concurrent threads running the same module may lose increments. {@link #flush()} (from the JFR
 * periodic hook or {@link #invocationEnded()}) emits, per function, the increase since the last flush.
 */
public final class TailCallCounter {
    private final String engine;
    private final IntFunction<String> names;
    private final long[] counts;
    private final long[] emitted;
    private boolean registered;

    /**
     * @param engine        the engine name the events carry
     * @param functionCount functions in the module's function index space (imports included)
     * @param names         printable name of a function index (e.g. {@code Module::functionName})
     */
    public TailCallCounter(String engine, int functionCount, IntFunction<String> names) {
        this.engine = engine;
        this.names = names;
        this.counts = new long[functionCount];
        this.emitted = new long[functionCount];
    }

    /** Counts one tail call made by function {@code functionIndex} (index space with imports first). */
    public void count(int functionIndex) {
        if (!registered) {
            registered = true;
            WasmJfr.register(this);
        }
        counts[functionIndex]++;
    }

    /**
     * Flushes when this counter ever counted and the event is still enabled: call it at the end of each
     * host → Wasm invocation (a plain field read when nothing was counted).
     */
    public void invocationEnded() {
        if (registered && WasmJfr.countTailCalls()) flush();
    }

    /** Emits one {@code tailbench.TailCalls} event per function whose count grew since the last flush. */
    public synchronized void flush() {
        for (int i = 0; i < counts.length; i++) {
            long c = counts[i];
            long d = c - emitted[i];
            if (d <= 0) continue;
            emitted[i] = c;
            TailCallsEvent ev = new TailCallsEvent();
            ev.engine = engine;
            ev.functionIndex = i;
            ev.functionName = names.apply(i);
            ev.count = d;
            ev.commit();
        }
    }
}
