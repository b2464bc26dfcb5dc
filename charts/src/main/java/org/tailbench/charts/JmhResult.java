package org.tailbench.charts;

import java.util.List;
import java.util.Map;

/**
 * One entry of JMH's JSON result ({@code -rf json}), reduced to what the tables use.
 *
 * @param benchmark    fully qualified method, e.g. {@code org.tailbench.bench.WorkloadBenchmark.run}
 * @param mode         JMH mode, e.g. {@code avgt}
 * @param params       the {@code @Param} values ({@code engine}, {@code workload}, {@code size}, ...)
 * @param ms           primary metric converted to milliseconds per operation, with its 99.9% error
 * @param settings     the run settings JMH recorded for this entry
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, Estimate ms, Settings settings) {

    /**
     * JMH settings of one entry.
     * @param warmupTime       as JMH writes it, e.g. {@code "2 s"}
     * @param measurementTime  as JMH writes it
     */
    public record Settings(String jmhVersion, int forks, int threads, int warmupIterations, String warmupTime,
                           int measurementIterations, String measurementTime, List<String> jvmArgs,
                           String jdkVersion, String vmName, String vmVersion) {}

    /** @return the simple class name of the benchmark, e.g. {@code WorkloadBenchmark} */
    public String benchmarkClass() {
        int dot = benchmark.lastIndexOf('.');
        String cls = dot < 0 ? benchmark : benchmark.substring(0, dot);
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** @return {@code Class.method} without the package */
    public String shortName() {
        int dot = benchmark.lastIndexOf('.');
        return benchmarkClass() + (dot < 0 ? "" : benchmark.substring(dot));
    }

    public String param(String name) { return params.get(name); }
}
