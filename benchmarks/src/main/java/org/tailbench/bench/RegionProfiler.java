package org.tailbench.bench;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The Sightglass region as a JMH secondary metric {@code region} (ms/op): for modules that import
 * {@code bench.start} / {@code bench.end}, the mean time between the two calls over the runs of each measurement
 * iteration ({@link WorkloadBenchmark#run} adds each run's {@code Wasi.benchNanos()}); JMH then reports its mean and
 * 99.9% error over the iterations beside the full run's. Iterations without a marked region report nothing.
 * {@code tailbench bench} adds it to every full-run invocation ({@code -prof org.tailbench.bench.RegionProfiler}).
 */
public final class RegionProfiler implements InternalProfiler {
    private static final AtomicLong NANOS = new AtomicLong();
    private static final AtomicLong RUNS = new AtomicLong();

    /** One run's marked region, in ns. */
    static void add(long nanos) {
        NANOS.addAndGet(nanos);
        RUNS.incrementAndGet();
    }

    @Override public String getDescription() { return "time between the module's bench.start and bench.end calls (Sightglass)"; }

    @Override public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        NANOS.set(0);
        RUNS.set(0);
    }

    @Override public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                                 IterationResult result) {
        long runs = RUNS.get();
        if (runs == 0) return List.of();
        return List.of(new ScalarResult("region", NANOS.get() / 1e6 / runs, "ms/op", AggregationPolicy.AVG));
    }
}
