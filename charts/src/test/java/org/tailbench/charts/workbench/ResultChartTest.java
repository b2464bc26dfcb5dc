package org.tailbench.charts.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tailbench.charts.Estimate;
import org.tailbench.charts.JmhJson;
import org.tailbench.charts.Section;

class ResultChartTest {
    /** sample-jmh.json, full run: fib switch 120 ± 2.4, tree 60 ± 1.2; nbody switch 2.5 ± 0.03, tree 5.0 (no error). */
    private static Section fullRun() throws Exception {
        Path f = Path.of(ResultChartTest.class.getResource("/sample-jmh.json").toURI());
        List<Section> sections = Section.build(JmhJson.parse(JmhJson.readRaw(List.of(f))), "switch", List.of(), List.of());
        return sections.stream().filter(s -> s.benchmark().endsWith("WorkloadBenchmark.run")).findFirst().orElseThrow();
    }

    @Test
    void ratiosToTheBaselineWithPropagatedErrors() throws Exception {
        var r = ResultChart.ratios(fullRun(), "switch");
        Estimate treeFib = r.get("tree").get("fib");
        assertThat(treeFib.score()).isCloseTo(0.5, within(1e-12));
        assertThat(treeFib.error()).isCloseTo(0.5 * Math.sqrt(0.02 * 0.02 + 0.02 * 0.02), within(1e-12));
        Estimate switchFib = r.get("switch").get("fib");   // the baseline: 1 ± its own relative error
        assertThat(switchFib.score()).isEqualTo(1.0);
        assertThat(switchFib.error()).isCloseTo(2.4 / 120, within(1e-12));
        assertThat(r.get("tree").get("nbody").score()).isCloseTo(2.0, within(1e-12));
        assertThat(r.get("tree").get("nbody").hasError()).isFalse();
    }

    @Test
    void geometricMeanOverTheWorkloads() throws Exception {
        var r = ResultChart.ratios(fullRun(), "switch");
        Estimate g = Estimate.geometricMean(List.copyOf(r.get("tree").values()));
        assertThat(g.score()).isCloseTo(Math.sqrt(0.5 * 2.0), within(1e-12));
        assertThat(g.hasError()).isFalse();   // nbody's tree time has no error estimate
        assertThat(ResultChart.geomean(fullRun(), "switch", r).getTitle().getText()).isEqualTo("Full run: instantiate + _start: geometric mean of time ÷ switch");
    }
}
