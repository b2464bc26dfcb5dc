package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tail-call ÷ normal table on a hand-made full-run section, engines a and b (ms ± half-width):
 * <pre>
 *   py_startup            a 100 ± 3,   b 50 ± 4
 *   py_startup@tailcall   a 110 ± 4.4, b 50 ± 3
 *   py_x                  a 1000 ± 10, b 500 ± 5
 *   py_x@tailcall         a 1200 ± 24, b missing
 *   nbody                 a 5 ± 0.1    (no pair: ignored)
 * </pre>
 * By hand: startup a 110/100 = 1.1, δ = 1.1·sqrt((4.4/110)² + (3/100)²) = 1.1·sqrt(0.04² + 0.03²) = 0.055; b 50/50 = 1,
 * δ = sqrt(0.06² + 0.08²) = 0.1. py_x a 1200/1000 = 1.2, δ = 1.2·sqrt(0.02² + 0.01²) = 0.026833; b —.
 * Compute only, a: (1200 − 110) ÷ (1000 − 100) = 1090/900 = 1.211111; δ(1090) = sqrt(24² + 4.4²) = 24.4,
 * δ(900) = sqrt(10² + 3²) = 10.440307; δr = 1.211111·sqrt((24.4/1090)² + (10.440307/900)²) = 0.030535.
 */
class TailCallBuildReportTest {
    static Section sample() {
        Map<String, Map<String, Estimate>> w = new LinkedHashMap<>();
        w.put("nbody", FastestReportTest.cells("a", 5.0, 0.1));
        w.put("py_startup", FastestReportTest.cells("a", 100.0, 3.0, "b", 50.0, 4.0));
        w.put("py_startup@tailcall", FastestReportTest.cells("a", 110.0, 4.4, "b", 50.0, 3.0));
        w.put("py_x", FastestReportTest.cells("a", 1000.0, 10.0, "b", 500.0, 5.0));
        w.put("py_x@tailcall", FastestReportTest.cells("a", 1200.0, 24.0));
        return FastestReportTest.section(List.of("a", "b"), w);
    }

    @Test
    void pairsAreTheScriptsRunOnBothBuilds() {
        assertThat(TailCallBuildReport.pairs(sample())).extracting(TailCallBuildReport.Pair::name)
                .containsExactly("py_startup", "py_x");
    }

    @Test
    void ratiosAndTheirErrorsMatchTheHandComputation() {
        Section s = sample();
        var pairs = TailCallBuildReport.pairs(s);
        var startup = pairs.get(0);
        var x = pairs.get(1);
        Estimate sa = TailCallBuildReport.ratio(s, startup, "a");
        assertThat(sa.score()).isCloseTo(1.1, within(1e-9));
        assertThat(sa.error()).isCloseTo(0.055, within(1e-9));
        Estimate sb = TailCallBuildReport.ratio(s, startup, "b");
        assertThat(sb.score()).isCloseTo(1.0, within(1e-9));
        assertThat(sb.error()).isCloseTo(0.1, within(1e-9));
        Estimate xa = TailCallBuildReport.ratio(s, x, "a");
        assertThat(xa.score()).isCloseTo(1.2, within(1e-9));
        assertThat(xa.error()).isCloseTo(0.026833, within(1e-6));
        assertThat(TailCallBuildReport.ratio(s, x, "b")).isNull();
        Estimate ca = TailCallBuildReport.computeRatio(s, x, startup, "a");
        assertThat(ca.score()).isCloseTo(1.211111, within(1e-6));
        assertThat(ca.error()).isCloseTo(0.030535, within(1e-6));
        assertThat(TailCallBuildReport.computeRatio(s, x, startup, "b")).isNull();
    }

    @Test
    void markdownHasBothTablesAndNothingWithoutPairs() {
        String md = TailCallBuildReport.markdown(sample());
        assertThat(md).contains("### Tail-call build ÷ normal build (CPython)")
                .contains("| script | a | b |")
                .contains("| py_startup | 1.100 ± 0.055 | 1.00 ± 0.10 |")
                .contains("| py_x | 1.200 ± 0.027 | — |")
                .contains("| py_x | 1.211 ± 0.031 | — |")
                .doesNotContain("| nbody |");
        Map<String, Map<String, Estimate>> only = new LinkedHashMap<>();
        only.put("py_x", FastestReportTest.cells("a", 1.0, 0.1));
        assertThat(TailCallBuildReport.markdown(FastestReportTest.section(List.of("a"), only))).isEmpty();
    }
}
