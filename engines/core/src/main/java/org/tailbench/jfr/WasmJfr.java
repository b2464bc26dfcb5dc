package org.tailbench.jfr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;

/**
 * The engines' side of tailbench's custom JFR events ({@code tailbench.WasmCallDepth},
 * {@code tailbench.TailCalls}; {@code tailbench.Compile} is written directly with {@link CompileEvent}).
 * Any engine can use it; the interpreters of {@code engines/interp} do:
 *
 * <pre>{@code
 * // at every host -> Wasm entry (FunctionInstance.invoke):
 * boolean registered = WasmJfr.enter("myengine", machine);   // machine implements CallDepthSource
 * try { ... run ... }
 * finally { if (registered) WasmJfr.exit(machine); counter.invocationEnded(); }
 *
 * // at every tail call made by function f (one volatile read when off):
 * if (WasmJfr.countTailCalls()) counter.count(f);
 * }</pre>
 *
 * <p>Cost when no recording enables the events: {@link #enter} is one volatile read per host → Wasm
 * invocation, a tail call one volatile read; nothing is allocated or registered. The flags
 * {@link #callDepthOn} and {@link #tailCallsOn} follow the recordings' settings: they are refreshed by
 * a {@link FlightRecorderListener} whenever a recording changes state. An execution entered before the
 * call-depth event was enabled is sampled from its next host → Wasm entry on.
 *
 * <p>The periodic hooks run on JFR's periodic-task thread: {@code WasmCallDepth} reads every registered
 * {@link CallDepthSource} racily; {@code TailCalls} flushes every {@link TailCallCounter} that counted.
 */
public final class WasmJfr {
    /**
     * false when the JVM runs with engine option {@code jfr.hooks=false} ({@code -Dtailbench.jfr.hooks=false}): then {@link #enter} and
     * {@link #countTailCalls} are constant false, the JIT removes the hooks, and nothing registers with
     * JFR: the baseline of the overhead benchmark ({@code benchmarks/.../jfr/JfrOverheadBenchmark}).
     */
    public static final boolean HOOKS = org.tailbench.runtime.EngineOptions.process().get(org.tailbench.runtime.EngineOptions.JFR_HOOKS);
    /** true while some recording enables {@code tailbench.TailCalls}; engines read it at each tail call */
    public static volatile boolean tailCallsOn;
    /** true while some recording enables {@code tailbench.WasmCallDepth}; read by {@link #enter} */
    public static volatile boolean callDepthOn;

    private record Entry(String engine, Thread thread) {}

    private static final Map<CallDepthSource, Entry> ACTIVE = new ConcurrentHashMap<>();
    private static final Set<TailCallCounter> COUNTERS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    static {
        if (HOOKS) hook();
    }

    private static void hook() {
        FlightRecorder.addPeriodicEvent(WasmCallDepthEvent.class, WasmJfr::sampleDepths);
        FlightRecorder.addPeriodicEvent(TailCallsEvent.class, WasmJfr::flushCounters);
        FlightRecorder.addListener(new FlightRecorderListener() {
            @Override public void recorderInitialized(FlightRecorder recorder) { refresh(); }
            @Override public void recordingStateChanged(Recording recording) { refresh(); }
        });
        if (FlightRecorder.isInitialized()) refresh();
    }

    /**
     * Registers the periodic hooks now (class initialization does it; this only forces it). Call it
     * before starting a {@link Recording} in-process: JFR's periodic-task thread learns of hooks
     * registered during a recording only at its next wake-up (up to about a second later), so the
     * first {@code WasmCallDepth} samples of a short recording would be missing.
     */
    public static void init() {}

    private WasmJfr() {}

    /** @return whether to count tail calls now: {@link #HOOKS} and {@link #tailCallsOn} (one volatile read) */
    public static boolean countTailCalls() { return HOOKS && tailCallsOn; }

    /** Re-reads whether the events are enabled. */
    static void refresh() {
        callDepthOn = EventType.getEventType(WasmCallDepthEvent.class).isEnabled();
        tailCallsOn = EventType.getEventType(TailCallsEvent.class).isEnabled();
    }

    /**
     * Registers {@code source} for {@code tailbench.WasmCallDepth} sampling, when that event is enabled
     * and {@code source} is not registered yet (an outer entry of the same execution registered it).
     * @param engine the engine name the events carry
     * @return true when this call registered it: then the caller must call {@link #exit} when the
     *         invocation ends, however it ends
     */
    public static boolean enter(String engine, CallDepthSource source) {
        if (!HOOKS || !callDepthOn) return false;
        return ACTIVE.putIfAbsent(source, new Entry(engine, Thread.currentThread())) == null;
    }

    /** Unregisters {@code source} (after {@link #enter} returned true for it). */
    public static void exit(CallDepthSource source) { ACTIVE.remove(source); }

    static void register(TailCallCounter c) { COUNTERS.add(c); }

    private static void sampleDepths() {
        int[] buf = new int[WasmCallDepthEvent.MAX_STACK];
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<CallDepthSource, Entry> e : ACTIVE.entrySet()) {
            try {
                CallDepthSource src = e.getKey();
                WasmCallDepthEvent ev = new WasmCallDepthEvent();
                ev.engine = e.getValue().engine();
                ev.wasmThread = e.getValue().thread();
                ev.depth = src.wasmCallDepth();
                int n = Math.max(0, Math.min(buf.length, src.stack(buf)));
                ev.functionIndex = n > 0 ? buf[0] : src.innermostFunction();
                sb.setLength(0);
                for (int k = 0; k < n; k++) {
                    if (k > 0) sb.append(',');
                    sb.append(buf[k]);
                }
                ev.stack = sb.toString();
                ev.commit();
            } catch (RuntimeException ex) {
                // a racy read went wrong: skip this sample rather than disturb JFR's periodic thread
            }
        }
    }

    private static void flushCounters() {
        List<TailCallCounter> all;
        synchronized (COUNTERS) { all = new ArrayList<>(COUNTERS); }
        for (TailCallCounter c : all) c.flush();
    }
}
