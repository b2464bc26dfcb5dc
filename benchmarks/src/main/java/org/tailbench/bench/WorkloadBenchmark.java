package org.tailbench.bench;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.tailbench.bench.run.JvmFlags;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.tailbench.runtime.Instance;
import org.tailbench.wasi.Wasi;

/**
 * Time of one complete program run: average milliseconds per operation, one operation being
 *
 * <ol>
 *   <li>a new {@code Store} and a fresh {@code Wasi} host (argv from the catalog, stdout into a byte buffer),</li>
 *   <li>instantiation of the already compiled module: fresh linear memory, data and element segments,
 *       globals, tables ({@link InstantiateBenchmark} measures this part alone, so it can be subtracted),</li>
 *   <li>{@code _start}, run to completion (a WASI command runs {@code _start} once per instance).</li>
 * </ol>
 *
 * <p>Deliberately excluded: reading the catalog, decoding, validating and the engine's
 * {@code compile} (done once per trial, see {@link CompileBenchmark}); checking the output. The output
 * <em>is</em> checked, outside the timing: once in the trial setup (so a wrong engine fails before any
 * warm-up is spent) and after every warm-up and measurement iteration, where the last operation's stdout
 * must hash to the catalog's sha256 and the exit code must be 0. A wrong answer throws, JMH marks the
 * benchmark as failed, and {@code run-bench.sh} reports the run as failed.
 *
 * <p>Parameters: {@code engine} (an {@code Engines} name), {@code workload} (a catalog name),
 * {@code size} (a catalog size, {@code default} unless told). With {@code wasmFile} (and {@code wasmArgs})
 * set, a user's own module runs instead and {@code workload} only names its row: it has no expected
 * output, so the setup's first run records the stdout sha256 and exit code, and every later check must
 * repeat them ({@code run-bench.sh --wasm FILE -- ARGS} sets these). The defaults below are what a bare
 * {@code java -jar benchmarks.jar} runs; {@code run-bench.sh} passes {@code -p engine=... -p workload=...}.
 * State is per thread ({@code Scope.Thread}, from {@link PreparedWorkload}): each benchmark thread compiles its own module and keeps
 * its own last output, so {@code -t N} stays correct (the numbers are meant for {@code -t 1}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgs = {JvmFlags.XSS, JvmFlags.XMS, JvmFlags.XMX, JvmFlags.UNSAFE, JvmFlags.NATIVE})   // = JvmFlags.FORK
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WorkloadBenchmark extends PreparedWorkload {
    private ByteArrayOutputStream lastStdout;
    private ByteArrayOutputStream lastStderr;
    private int lastExit;

    /** One full run: new store + WASI, instantiate, {@code _start}. @return the exit code (also kept for the check) */
    @Benchmark
    public int run() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        ByteArrayOutputStream err = new ByteArrayOutputStream(256);
        int exit;
        try (Wasi wasi = prepared.newWasi(out, err)) {
            Instance instance = prepared.instantiate(wasi);
            exit = wasi.runStart(instance);
            wasi.benchNanos().ifPresent(RegionProfiler::add);   // a Sightglass module's bench.start → bench.end
        }
        lastStdout = out;
        lastStderr = err;
        lastExit = exit;
        return exit;
    }

    /** Checks the last operation of the iteration that just ended; throws on a wrong answer. */
    @TearDown(Level.Iteration)
    public void checkLastRun() {
        Prepared.Run run = lastStdout == null ? null
                : new Prepared.Run(lastExit, lastStdout.toByteArray(), lastStderr.toByteArray());
        lastStdout = null;
        lastStderr = null;
        try {
            prepared.check(run);
        } catch (RuntimeException e) {
            Failures.record(engine, workload, size, "org.tailbench.bench.WorkloadBenchmark.run", e);
            throw e;
        }
    }

    /** Runs this class with its annotation settings (for an IDE); prefer {@code ./run-bench.sh}. */
    public static void main(String[] args) throws RunnerException {
        Options opt = new OptionsBuilder().include(WorkloadBenchmark.class.getSimpleName()).build();
        new org.openjdk.jmh.runner.Runner(opt).run();
    }
}
