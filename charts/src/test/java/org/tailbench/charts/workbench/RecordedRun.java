package org.tailbench.charts.workbench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Store;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * Makes a small run folder for the workbench tests: a JFR recording (1 ms execution samples) of an
 * engine running a catalog workload's smoke size in this JVM, written to {@code jfr/<workload>/<engine>.jfr},
 * with synthetic {@code tailbench.WasmCallDepth} events (the contract's fields) whose depths the test knows.
 */
final class RecordedRun {
    private RecordedRun() {}

    /** The contract's {@code tailbench.WasmCallDepth}, as the recording JVM would emit it. */
    @Name("tailbench.WasmCallDepth")
    static final class WasmCallDepth extends Event {
        String engine;
        int depth;
        int functionIndex;
        String stack;
    }

    /**
     * Records {@code engine} running {@code workload} (smoke size) repeatedly for at least {@code minMillis},
     * plus {@code depths.length} WasmCallDepth events: event i has depth {@code depths[i]}, innermost function
     * {@code fnA} and stack {@code "fnA,fnB"}.
     */
    static void record(Path runDir, String workload, String engineName, long minMillis, int[] depths, int fnA, int fnB) throws IOException {
        Workload w = WorkloadCatalog.load().get(workload);
        Engine engine = Engines.byName(engineName);
        var compiled = engine.compile(ValidatedModule.of(w.wasm()));
        Path out = runDir.resolve("jfr").resolve(workload).resolve(engineName + ".jfr");
        Files.createDirectories(out.getParent());
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            r.enable(WasmCallDepth.class);
            r.start();
            long end = System.nanoTime() + minMillis * 1_000_000;
            do {
                try (Wasi wasi = Wasi.builder().args(w.argv(Workload.SMOKE)).stdout(new ByteArrayOutputStream())
                        .stderr(new ByteArrayOutputStream()).build()) {
                    wasi.runStart(compiled.instantiate(new Store(), wasi.imports()));
                }
            } while (System.nanoTime() < end);
            for (int d : depths) {
                WasmCallDepth e = new WasmCallDepth();
                e.engine = engineName;
                e.depth = d;
                e.functionIndex = fnA;
                e.stack = fnA + "," + fnB;
                e.commit();
            }
            r.stop();
            r.dump(out);
        }
    }
}
