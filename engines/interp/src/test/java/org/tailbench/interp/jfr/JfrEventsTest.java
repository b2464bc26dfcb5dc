package org.tailbench.interp.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * Each interpreter writes tailbench's JFR events with the values the program implies: recorded in a
 * {@link Recording} around one run and read back with {@link RecordingFile}. Expected values come
 * from the program's structure (recursion depth, number of {@code return_call*} executed), not from
 * the engines.
 */
class JfrEventsTest {
    /** recursion depth of {@code down}; its innermost frame pauses in the host for a few sampling periods */
    private static final int DEPTH = 300;
    private static final int DIRECT_TAIL_CALLS = 1000, INDIRECT_TAIL_CALLS = 700;

    /**
     * Function 0: import {@code env.pause}; 1: {@code down(n)} = n == 0 ? pause() : down(n - 1) (non-tail);
     * 2: {@code spin(n)} = n == 0 ? 0 : return_call spin(n - 1); 3: {@code ind(n)} the same through
     * {@code return_call_indirect} via table slot 0.
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
        return mb.table(3).export("down", 1).export("spin", 2).export("ind", 3).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"switch", "threaded", "tailcall", "closure"})
    void eventsCarryTheProgramsDepthTailCallsAndCompiledFunctions(String name, @TempDir Path dir) throws Exception {
        Engine engine = Engines.byName(name);
        Path file = dir.resolve("rec.jfr");
        WasmJfr.init();
        try (Recording r = new Recording()) {
            r.enable(WasmCallDepthEvent.NAME).withPeriod(Duration.ofMillis(5));
            r.enable(TailCallsEvent.NAME).withPeriod(Duration.ofSeconds(1));
            r.enable(CompileEvent.NAME);
            r.start();
            HostFunction pause = new HostFunction("env", "pause", FuncType.EMPTY, (c, a) -> {
                try { Thread.sleep(120); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                return new long[0];
            });
            Instance inst = engine.compile(ValidatedModule.of(module()))
                    .instantiate(new Store(), (m, n) -> m.equals("env") && n.equals("pause") ? pause : null);
            assertThat(inst.exportedFunction("down").invoke(DEPTH)[0]).isEqualTo(DEPTH);
            assertThat(inst.exportedFunction("spin").invoke(DIRECT_TAIL_CALLS)[0]).isZero();
            assertThat(inst.exportedFunction("ind").invoke(INDIRECT_TAIL_CALLS)[0]).isZero();
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> name.equals(e.getString("engine"))).toList();

        int maxDepth = 0;
        String deepest = "";
        for (RecordedEvent e : events) {
            if (!e.getEventType().getName().equals(WasmCallDepthEvent.NAME)) continue;
            if (e.getInt("depth") > maxDepth) { maxDepth = e.getInt("depth"); deepest = e.getString("stack"); }
        }
        // down(DEPTH) .. down(0): DEPTH + 1 frames while the host pauses
        assertThat(maxDepth).as("deepest sampled depth").isEqualTo(DEPTH + 1);
        assertThat(deepest.split(",")).hasSize(WasmCallDepthEvent.MAX_STACK).containsOnly("1");

        Map<Integer, Long> tail = new HashMap<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals(TailCallsEvent.NAME)) tail.merge(e.getInt("functionIndex"), e.getLong("count"), Long::sum);
        }
        assertThat(tail).containsExactlyInAnyOrderEntriesOf(Map.of(2, (long) DIRECT_TAIL_CALLS, 3, (long) INDIRECT_TAIL_CALLS));

        List<RecordedEvent> compiled = events.stream().filter(e -> e.getEventType().getName().equals(CompileEvent.NAME)).toList();
        assertThat(compiled).extracting(e -> e.getInt("functionIndex")).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(compiled).allSatisfy(e -> assertThat(e.getInt("wasmBytes")).isBetween(10, 40));
    }
}
