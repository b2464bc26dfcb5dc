package org.tailbench.bench.jfr;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.tailbench.bench.run.JvmFlags;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tailbench.jfr.ProfileRecorder;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engines;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * What tailbench's JFR events and the opcode-profile mode cost: one run of a catalog workload
 * ({@code _start} with a fresh instance), in forks that differ only in JVM flags:
 * <ul>
 *   <li>{@link #noJfr}: {@code -Dtailbench.jfr.hooks=false}, the engines' JFR hooks compiled away
 *       ({@link WasmJfr#HOOKS}): the baseline;</li>
 *   <li>{@link #eventsDisabled}: the hooks in place, no recording (how every benchmark runs; goal ≤ 1%);</li>
 *   <li>{@link #recording}: a {@link Recording} with {@code tailbench.jfc} (execution samples every 10 ms,
 *       the tailbench events enabled) running through the trial, with the JFR pass's JVM flags (goal ≤ 5%);</li>
 *   <li>{@link #opcodeProfile}: {@code -Dtailbench.opcodeProfile=true}: the {@code switch} engine's
 *       exact counting mode (meaningful for {@code engine=switch} only);</li>
 *   <li>{@link #recordingAlternating}: one fork whose measurement iterations alternate between no
 *       recording (even) and a {@code tailbench.jfc} recording (odd), so both halves share the machine's
 *       load: split the iterations' raw data by parity to compare (a shared machine's noise otherwise
 *       swamps a few-percent difference between forks run minutes apart).</li>
 * </ul>
 * Compare the scores side by side as ratios to {@link #noJfr}; see engines/interp/README.md for a run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JfrOverheadBenchmark {
    /** restricted FFM calls (the mmap-backed linear memory, {@code runtime.Memory}) without a warning */
    static final String NATIVE = JvmFlags.NATIVE;

    @Param({"switch"})
    public String engine;

    @Param({"richards", "pyvm_tailcall"})
    public String workload;

    @Param({"default"})
    public String size;

    private CompiledModule module;
    private List<String> argv;
    private Recording recording;

    @Setup(Level.Trial)
    public void setup() {
        Workload w = WorkloadCatalog.load().get(workload);
        argv = w.argv(size);
        if (Boolean.getBoolean("tailbench.bench.jfrRecord")) {
            WasmJfr.init();
            recording = new Recording(ProfileRecorder.configuration());
            recording.setToDisk(true);
            recording.start();
        }
        module = Engines.byName(engine).compile(ValidatedModule.of(w.wasm()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ProfileRecorder.runWasi(module, argv, out, OutputStream.nullOutputStream());
        w.verifyStdout(size, out.toByteArray());
        if (exit != 0) throw new IllegalStateException(workload + " exited with " + exit);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (recording != null) recording.close();
    }

    private int runOnce() {
        return ProfileRecorder.runWasi(module, argv, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {NATIVE, "-Dtailbench.jfr.hooks=false"})
    public int noJfr() { return runOnce(); }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = NATIVE)
    public int eventsDisabled() { return runOnce(); }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {NATIVE, "-Dtailbench.bench.jfrRecord=true", "-XX:FlightRecorderOptions:stackdepth=2048",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints"})
    public int recording() { return runOnce(); }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {NATIVE, "-Dtailbench.opcodeProfile=true"})
    public int opcodeProfile() { return runOnce(); }

    /** Starts a {@code tailbench.jfc} recording for every odd iteration (warm-up iterations count too). */
    @State(Scope.Thread)
    public static class Alternating {
        private static final long SETTLE_MS = 500;
        private int iteration;
        private Recording recording;

        @Setup(Level.Iteration)
        public void start() throws InterruptedException {
            WasmJfr.init();
            if (iteration++ % 2 == 1) {
                recording = new Recording(ProfileRecorder.configuration());
                recording.setToDisk(true);
                recording.start();
            }
            Thread.sleep(SETTLE_MS);
        }

        /** Closes the recording and lets JFR's background work after it settle (untimed), so it does not land in the next iteration. */
        @TearDown(Level.Iteration)
        public void stop() throws InterruptedException {
            if (recording != null) recording.close();
            recording = null;
            Thread.sleep(SETTLE_MS);
        }
    }

    /** See the class comment; with an even number of warm-up iterations the measurements go without, with, without, ... */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {NATIVE, "-XX:FlightRecorderOptions:stackdepth=2048", "-XX:+UnlockDiagnosticVMOptions",
            "-XX:+DebugNonSafepoints"})
    @Warmup(iterations = 4, time = 1)
    @Measurement(iterations = 20, time = 1)
    public int recordingAlternating(Alternating a) { return runOnce(); }
}
