package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.jfr.CompileEvent;
import org.tailbench.jfr.TailCallsEvent;
import org.tailbench.jfr.WasmCallDepthEvent;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Each engine writes tailbench's JFR events with the values the program implies: recorded in a
 * {@link Recording} around one run and read back with {@link RecordingFile}. Expected values come
 * from the program's structure (recursion depth, number of {@code return_call*} executed), not from
 * the engines. Runs over the engines a subclass names ({@link EngineSuite}).
 */
public abstract class JfrEventsTest extends EngineSuite {
    /** recursion depth of {@code down}; its innermost frame pauses in the host for a few sampling periods */
    private static final int DEPTH = 300;
    private static final int DIRECT_TAIL_CALLS = 1000, INDIRECT_TAIL_CALLS = 700;
    /** self tail calls of {@code loop} before its last activation pauses in the host */
    private static final int LOOP_TAIL_CALLS = 100_000;
    /** engines that report depth only (functionIndex -1, empty stack): aot keeps no Wasm frame stack */
    private static final Set<String> DEPTH_ONLY = Set.of("aot", "aot-naive");

    /** {@code aot-naive} compiles {@code return_call*} as call + return: its Wasm stack grows in tail-call loops */
    private static boolean tailCallsGrowTheStack(String engine) { return engine.endsWith("-naive"); }

    /**
     * Function 0: import {@code env.pause}; 1: {@code down(n)} = n == 0 ? pause() : down(n - 1) (non-tail);
     * 2: {@code spin(n)} = n == 0 ? 0 : return_call spin(n - 1); 3: {@code ind(n)} the same through
     * {@code return_call_indirect} via table slot 0; 4: {@code loop(n)} = n == 0 ? (pause(); 0) :
     * return_call loop(n - 1).
     */
    private static byte[] module() {
        ModuleBuilder mb = new ModuleBuilder();
        int v = mb.type(new int[0]);
        int t = mb.type(new int[] {I32}, I32);
        mb.importFunc("env", "pause", v);
        Body down = new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).call(0).i32Const(0).op(Op.ELSE)
                .localGet(0).i32Const(1).op(Op.I32_SUB).call(1).i32Const(1).op(Op.I32_ADD).end();
        mb.func(t, 0, down);
        Body spin = new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).i32Const(0).op(Op.ELSE)
                .localGet(0).i32Const(1).op(Op.I32_SUB).returnCall(2).end();
        mb.func(t, 0, spin);
        Body ind = new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).i32Const(0).op(Op.ELSE)
                .localGet(0).i32Const(1).op(Op.I32_SUB).i32Const(0).returnCallIndirect(t).end();
        mb.func(t, 0, ind);
        Body loop = new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).call(0).i32Const(0).op(Op.ELSE)
                .localGet(0).i32Const(1).op(Op.I32_SUB).returnCall(4).end();
        mb.func(t, 0, loop);
        return mb.table(3).export("down", 1).export("spin", 2).export("ind", 3).export("loop", 4).build();
    }

    /** Counts the runs of JFR's periodic task while {@link PauseTick} is enabled (every 5 ms, like the depth samples). */
    private static final AtomicLong TICKS = new AtomicLong();
    private static final int PAUSE_TICKS = 8;

    /** A test-only periodic event: JFR runs its hook in the same periodic task as {@link WasmCallDepthEvent}'s. */
    @Name(PauseTick.NAME)
    @Label("Test pause tick")
    static final class PauseTick extends Event {
        static final String NAME = "tailbench.test.PauseTick";
    }

    static {
        FlightRecorder.addPeriodicEvent(PauseTick.class, TICKS::incrementAndGet);
    }

    /**
     * Waits until JFR's periodic task has run {@value #PAUSE_TICKS} times (so the depth event, enabled with the
     * same 5 ms period, was sampled that often while the program is paused), at least 120 ms and at most 30 s.
     * A fixed sleep was flaky on a loaded machine: the periodic task ran only twice in 120 ms.
     */
    private static void pauseForSamples() {
        long start = TICKS.get(), t0 = System.nanoTime();
        try {
            while (System.nanoTime() - t0 < 30_000_000_000L
                    && (TICKS.get() - start < PAUSE_TICKS || System.nanoTime() - t0 < 120_000_000L)) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the module of {@link #module()}, compiled by {@code engine} now, instantiated with an {@code env.pause} of {@link #pauseForSamples} */
    private static Instance instantiate(Engine engine) {
        HostFunction pause = new HostFunction("env", "pause", FuncType.EMPTY, (c, a) -> {
            pauseForSamples();
            return new long[0];
        });
        return engine.compile(ValidatedModule.of(module()))
                .instantiate(new Store(), (m, n) -> m.equals("env") && n.equals("pause") ? pause : null);
    }

    @ParameterizedTest
    @MethodSource("engineNames")
    void eventsCarryTheProgramsDepthTailCallsAndCompiledFunctions(String name, @TempDir Path dir) throws Exception {
        Engine engine = Engines.byName(name);
        Path file = dir.resolve("rec.jfr");
        WasmJfr.init();
        try (Recording r = new Recording()) {
            r.enable(WasmCallDepthEvent.NAME).withPeriod(Duration.ofMillis(5));
            r.enable(PauseTick.NAME).withPeriod(Duration.ofMillis(5));
            r.enable(TailCallsEvent.NAME).withPeriod(Duration.ofSeconds(1));
            r.enable(CompileEvent.NAME);
            r.start();
            Instance inst = instantiate(engine);
            assertThat(inst.exportedFunction("down").invoke(DEPTH)[0]).isEqualTo(DEPTH);
            assertThat(inst.exportedFunction("spin").invoke(DIRECT_TAIL_CALLS)[0]).isZero();
            assertThat(inst.exportedFunction("ind").invoke(INDIRECT_TAIL_CALLS)[0]).isZero();
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> name.equals(e.getString("engine"))).toList();

        int maxDepth = 0;
        RecordedEvent deepest = null;
        for (RecordedEvent e : events) {
            if (!e.getEventType().getName().equals(WasmCallDepthEvent.NAME)) continue;
            if (e.getInt("depth") > maxDepth) { maxDepth = e.getInt("depth"); deepest = e; }
        }
        // down(DEPTH) .. down(0): DEPTH + 1 frames while the host pauses
        assertThat(maxDepth).as("deepest sampled depth").isEqualTo(DEPTH + 1);
        if (DEPTH_ONLY.contains(name)) {
            assertThat(deepest.getInt("functionIndex")).isEqualTo(-1);
            assertThat(deepest.getString("stack")).isEmpty();
        } else {
            assertThat(deepest.getInt("functionIndex")).isEqualTo(1);
            assertThat(deepest.getString("stack").split(",")).hasSize(WasmCallDepthEvent.MAX_STACK).containsOnly("1");
        }

        Map<Integer, Long> tail = new HashMap<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals(TailCallsEvent.NAME)) tail.merge(e.getInt("functionIndex"), e.getLong("count"), Long::sum);
        }
        assertThat(tail).containsExactlyInAnyOrderEntriesOf(Map.of(2, (long) DIRECT_TAIL_CALLS, 3, (long) INDIRECT_TAIL_CALLS));

        List<RecordedEvent> compiled = events.stream().filter(e -> e.getEventType().getName().equals(CompileEvent.NAME)).toList();
        assertThat(compiled).extracting(e -> e.getInt("functionIndex")).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(compiled).allSatisfy(e -> assertThat(e.getInt("wasmBytes")).isBetween(10, 40));
    }

    /**
     * {@code loop(100000)} pauses in the host after 100000 self tail calls: a constant-stack engine has
     * one Wasm frame then, an engine that compiles tail calls as calls ({@code aot-naive}) 100001; and
     * every {@code return_call} executed is counted.
     */
    @ParameterizedTest
    @MethodSource("engineNames")
    void depthStaysFlatInATailCallLoopUnlessTailCallsAreCalls(String name, @TempDir Path dir) throws Exception {
        Engine engine = Engines.byName(name);
        Path file = dir.resolve("loop.jfr");
        WasmJfr.init();
        try (Recording r = new Recording()) {
            r.enable(WasmCallDepthEvent.NAME).withPeriod(Duration.ofMillis(5));
            r.enable(PauseTick.NAME).withPeriod(Duration.ofMillis(5));
            r.enable(TailCallsEvent.NAME).withPeriod(Duration.ofSeconds(1));
            r.start();
            Instance inst = instantiate(engine);
            assertThat(inst.exportedFunction("loop").invoke(LOOP_TAIL_CALLS)[0]).isZero();
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> name.equals(e.getString("engine"))).toList();
        List<Integer> depths = events.stream().filter(e -> e.getEventType().getName().equals(WasmCallDepthEvent.NAME))
                .map(e -> e.getInt("depth")).toList();
        assertThat(depths).as("samples during the pause").hasSizeGreaterThan(3);
        int max = depths.stream().max(Integer::compare).orElseThrow();
        assertThat(max).as("deepest sampled depth").isEqualTo(tailCallsGrowTheStack(name) ? LOOP_TAIL_CALLS + 1 : 1);
        long tail = events.stream().filter(e -> e.getEventType().getName().equals(TailCallsEvent.NAME))
                .peek(e -> assertThat(e.getInt("functionIndex")).isEqualTo(4)).mapToLong(e -> e.getLong("count")).sum();
        assertThat(tail).isEqualTo(LOOP_TAIL_CALLS);
    }
}
