package org.tailbench.bench;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.tailbench.bench.run.JvmFlags;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.tailbench.runtime.Instance;
import org.tailbench.wasi.Wasi;

/**
 * Time to get a runnable instance: average milliseconds per operation, one operation being a new
 * {@code Store}, a fresh {@code Wasi} host and instantiation of the already compiled module (fresh linear
 * memory, data/element segments, globals, tables, the start function if the module has one) — exactly
 * the first two steps of {@link WorkloadBenchmark}'s operation, without {@code _start}. Subtract it from
 * {@link WorkloadBenchmark} to estimate the time spent in the program itself.
 *
 * <p>Deliberately excluded: decoding, validation and {@code compile} (once per trial); the instance is
 * returned to JMH's blackhole and never run. As a sanity check the trial setup runs the program once and
 * verifies its output (untimed), so an engine that computes a wrong answer reports no numbers here either.
 * The time includes allocating the instance's memory, and so the garbage collection that allocation causes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgs = {JvmFlags.XSS, JvmFlags.XMS, JvmFlags.XMX, JvmFlags.UNSAFE, JvmFlags.NATIVE})   // = JvmFlags.FORK
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InstantiateBenchmark extends PreparedWorkload {

    /** New store + WASI + instantiate. @return the instance (consumed by JMH, never run) */
    @Benchmark
    public Instance instantiate() {
        try (Wasi wasi = prepared.newWasi(new ByteArrayOutputStream(4096), new ByteArrayOutputStream(256))) {
            return prepared.instantiate(wasi);
        }
    }
}
