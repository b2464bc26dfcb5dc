package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ms per MB on hand-made compile results. By hand: w1 is 500,000 bytes = 0.5 MB, aot 20 ± 2 ms → 40 ± 4 ms/MB,
 * switch 5 ± 0.5 ms → 10 ± 1.0; w2 is 2,000,000 bytes = 2 MB, aot 30 ± 3 ms → 15 ± 1.5 ms/MB, switch missing.
 */
class CompileRateReportTest {
    static JmhResult compile(String engine, String workload, double ms, double err) {
        return new JmhResult(CompileRateReport.BENCHMARK, "avgt", Map.of("engine", engine, "workload", workload),
                new Estimate(ms, err), null);
    }

    @Test
    void dividesTimeAndErrorBySizeInMegabytes() {
        List<JmhResult> rs = List.of(compile("aot", "w1", 20, 2), compile("switch", "w1", 5, 0.5), compile("aot", "w2", 30, 3),
                new JmhResult("org.tailbench.bench.WorkloadBenchmark.run", "avgt", Map.of("engine", "aot", "workload", "w1"),
                        new Estimate(999, 1), null));
        String md = CompileRateReport.markdown(rs, List.of("switch", "aot"),
                r -> r.param("workload").equals("w1") ? 500_000 : 2_000_000);
        assertThat(md).contains("## Compile rate (ms per MB of Wasm)")
                .contains("| workload | size (KB) | switch | aot |")
                .contains("| w1 | 500.0 | 10.0 ± 1.0 | 40.0 ± 4.0 |")
                .contains("| w2 | 2000.0 | – | 15.0 ± 1.5 |")
                .doesNotContain("999");
    }

    @Test
    void noCompileResultsNoSection() {
        assertThat(CompileRateReport.markdown(List.of(), List.of("aot"), r -> 1)).isEmpty();
    }
}
