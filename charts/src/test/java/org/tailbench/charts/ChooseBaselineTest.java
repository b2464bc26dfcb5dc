package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ResultTables#chooseBaseline}: only an engine with results is a default baseline. A page redrawn from a run of
 * aot and native (engines.txt lists every installed engine, switch first) drew no ratio chart at all: its baseline was
 * switch, which had no result.
 */
class ChooseBaselineTest {
    private static JmhResult result(String engine) {
        return new JmhResult("org.tailbench.bench.WorkloadBenchmark.run", "avgt", Map.of("engine", engine, "workload", "w"),
                new Estimate(1.0, 0.1), null);
    }

    private static final List<String> INSTALLED = List.of("switch", "threaded", "aot", "native");

    @Test
    void switchWhenItHasResults() {
        assertThat(ResultTables.chooseBaseline(null, List.of(result("native"), result("switch")), INSTALLED)).isEqualTo("switch");
    }

    @Test
    void otherwiseTheFirstEngineWithResultsInTheListedOrder() {
        assertThat(ResultTables.chooseBaseline(null, List.of(result("native"), result("aot")), INSTALLED)).isEqualTo("aot");
        assertThat(ResultTables.chooseBaseline(null, List.of(result("wasmtime"), result("chicory-aot")), INSTALLED))
                .as("none listed: the first seen").isEqualTo("wasmtime");
    }

    @Test
    void aRequestedBaselineWinsAndNoResultsFallBackToTheList() {
        assertThat(ResultTables.chooseBaseline("native", List.of(result("switch")), INSTALLED)).isEqualTo("native");
        assertThat(ResultTables.chooseBaseline(null, List.of(), INSTALLED)).isEqualTo("switch");
        assertThat(ResultTables.chooseBaseline(null, List.of(), List.of("aot"))).isEqualTo("aot");
        assertThat(ResultTables.chooseBaseline(null, List.of(), List.of())).isNull();
    }
}
