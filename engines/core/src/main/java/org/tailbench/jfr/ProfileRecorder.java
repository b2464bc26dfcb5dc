package org.tailbench.jfr;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Store;
import org.tailbench.wasi.Wasi;

/**
 * Records one program in-process with JFR, the way {@code ./tailbench profile} and the JFR pass of
 * {@code ./run-bench.sh --jfr} do: run it repeatedly for a warm-up time (so the engine's code is
 * JIT-compiled), then start a {@link Recording} with {@link #configuration() tailbench.jfc} and keep
 * running it for the recording time, stop, and write the {@code .jfr} file atomically. Each phase runs
 * the program at least once. The recording's stack depth and non-safepoint debug information come from
 * JVM flags ({@link #JVM_FLAGS}) that only the launcher can give.
 */
public final class ProfileRecorder {
    /** JVM flags a profiling JVM should have: 2048-frame stack traces, precise (non-safepoint) sample positions. */
    public static final List<String> JVM_FLAGS = List.of("-XX:FlightRecorderOptions:stackdepth=2048",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints");
    /** class-path resource of the settings: the JDK's {@code profile} plus tailbench's events */
    public static final String JFC_RESOURCE = "/org/tailbench/jfr/tailbench.jfc";

    /** What {@link #record} did. */
    public record Result(int warmupRuns, int recordedRuns, Duration recorded) {}

    private ProfileRecorder() {}

    /**
     * @return the recording settings of {@code tailbench.jfc} (engines/core resources)
     * @throws IllegalStateException when the resource is missing or unreadable (a broken build)
     */
    public static Configuration configuration() {
        try (InputStream in = ProfileRecorder.class.getResourceAsStream(JFC_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + JFC_RESOURCE);
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return Configuration.create(r);
            }
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read " + JFC_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** @return {@code runDir/jfr/<workload>/<engine>.jfr}, the run folder's place for one recording */
    public static Path jfrFile(Path runDir, String workload, String engine) {
        return runDir.resolve("jfr").resolve(workload).resolve(engine + ".jfr");
    }

    /**
     * Warms up, then records {@code run} repeatedly.
     * @param atStart run once right after the recording started, before {@code run} (e.g. compiling the
     *                module again so that its {@code tailbench.Compile} events are in the recording), or null
     * @param run     one run of the program (output discarded; exceptions abort the recording and pass through)
     * @param warmup  time to run before recording (at least one run)
     * @param record  time to record (at least one run)
     * @param jfrFile where the recording goes (parent folders are made; written atomically)
     * @throws IOException when the file cannot be written
     */
    public static Result record(Runnable atStart, Runnable run, Duration warmup, Duration record, Path jfrFile) throws IOException {
        WasmJfr.init();
        int warm = repeat(run, warmup);
        Files.createDirectories(jfrFile.toAbsolutePath().getParent());
        Path tmp = jfrFile.resolveSibling(jfrFile.getFileName() + ".tmp");
        int recorded;
        long t0;
        long t1;
        try (Recording r = new Recording(configuration())) {
            r.setName("tailbench " + jfrFile.getFileName());
            r.setToDisk(true);
            r.start();
            if (atStart != null) atStart.run();
            t0 = System.nanoTime();
            recorded = repeat(run, record);
            t1 = System.nanoTime();
            r.stop();
            r.dump(tmp);
        }
        Files.move(tmp, jfrFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(warm, recorded, Duration.ofNanos(t1 - t0));
    }

    private static int repeat(Runnable run, Duration d) {
        long end = System.nanoTime() + d.toNanos();
        int n = 0;
        do {
            run.run();
            n++;
        } while (System.nanoTime() - end < 0);
        return n;
    }

    /**
     * Runs a WASI command once: a fresh store and instance, {@code argv}, empty stdin, a seeded
     * {@code random_get} (seed 42, as the benchmarks).
     * @return the exit code ({@code proc_exit}, or 0 when {@code _start} returns)
     * @throws org.tailbench.runtime.Trap when the program traps
     */
    public static int runWasi(CompiledModule module, List<String> argv, OutputStream out, OutputStream err) {
        return runWasi(module, argv, java.util.Map.of(), java.util.Map.of(), out, err);
    }

    /**
     * As {@link #runWasi(CompiledModule, List, OutputStream, OutputStream)}, with environment variables and
     * preopened directories (guest path to host directory), as a catalog workload with {@code dirs}/{@code env}
     * (CPython's py_* entries) needs them.
     */
    public static int runWasi(CompiledModule module, List<String> argv, java.util.Map<String, String> env,
                              java.util.Map<String, java.nio.file.Path> preopens, OutputStream out, OutputStream err) {
        Wasi.Builder b = Wasi.builder().args(argv).env(env).stdin(InputStream.nullInputStream()).stdout(out).stderr(err)
                .randomSeed(42L);
        preopens.forEach((guest, host) -> b.preopen(host, guest));
        try (Wasi wasi = b.build()) {
            return wasi.runStart(module.instantiate(new Store(), wasi.imports()));
        }
    }
}
