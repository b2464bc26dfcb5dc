package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fastest-strategy table on a hand-made full-run section, engines a, b, c (ms, ± 99.9% half-width):
 * <pre>
 *   w1: a 10 ± 0.1, b 20 ± 0.4, c 15 ± 0.3   a fastest; a [9.9, 10.1] vs c [14.7, 15.3], b [19.6, 20.4]: clear
 *   w2: a 10 ± 1,   b 10.5 ± 0.2, c missing  a fastest; a [9, 11] overlaps b [10.3, 10.7]: tie
 *   w3: b 5 ± 0.1 only                        fewer than 2: no fastest
 *   w4: b 8 ± 0.08, c 4 ± 0.04, a missing     c fastest; c [3.96, 4.04] vs b [7.92, 8.08]: clear
 * </pre>
 * Ratios by hand, δr = r·sqrt((δx/x)² + (δf/f)²):
 * w1 b/a = 2, relative errors 0.02 and 0.01 → 2·sqrt(0.0005) = 0.044721; c/a = 1.5, 0.02 and 0.01 → 0.033541;
 * w2 b/a = 1.05, 0.2/10.5 = 0.0190476 and 0.1 → 1.05·sqrt(0.00036281 + 0.01) = 0.106888;
 * w4 b/c = 2, 0.01 and 0.01 → 2·sqrt(0.0002) = 0.028284.
 * Geometric means, δG = G·sqrt(Σ(δr/r)²)/n:
 * b over w1, w2, w4: (2·1.05·2)^(1/3) = 4.2^(1/3) = 1.613429, δ = 1.613429·sqrt(0.0005 + 0.0103628 + 0.0002)/3 = 0.056567;
 * c over w1, w4: sqrt(1.5·1) = 1.224745, δ = 1.224745·sqrt(0.0005)/2 = 0.013693; a over w1, w2: 1 ± 0.
 */
class FastestReportTest {
    static final String FULL = ReferenceReport.FULL_RUN;

    static Section section(List<String> engines, Map<String, Map<String, Estimate>> byWorkload) {
        Map<Section.Row, Map<String, Estimate>> cells = new LinkedHashMap<>();
        for (var e : byWorkload.entrySet()) cells.put(new Section.Row(e.getKey(), "default"), e.getValue());
        List<Section.Row> rows = cells.keySet().stream().toList();
        return new Section(FULL, "Full run", "ms per run.", engines, rows, cells, List.of());
    }

    static Map<String, Estimate> cells(Object... engineScoreError) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        for (int i = 0; i < engineScoreError.length; i += 3) {
            m.put((String) engineScoreError[i], new Estimate((double) engineScoreError[i + 1], (double) engineScoreError[i + 2]));
        }
        return m;
    }

    static Section sample() {
        Map<String, Map<String, Estimate>> w = new LinkedHashMap<>();
        w.put("w1", cells("a", 10.0, 0.1, "b", 20.0, 0.4, "c", 15.0, 0.3));
        w.put("w2", cells("a", 10.0, 1.0, "b", 10.5, 0.2));
        w.put("w3", cells("b", 5.0, 0.1));
        w.put("w4", cells("b", 8.0, 0.08, "c", 4.0, 0.04));
        return section(List.of("a", "b", "c"), w);
    }

    @Test
    void verdictsNameTheFastestTheRatiosTiesAndMissingEngines() {
        List<FastestReport.Verdict> v = FastestReport.verdicts(sample());
        assertThat(v).extracting(FastestReport.Verdict::fastest).containsExactly("a", "a", null, "c");
        assertThat(v).extracting(FastestReport.Verdict::status).containsExactly(FastestReport.Status.CLEAR,
                FastestReport.Status.TIE, FastestReport.Status.TOO_FEW, FastestReport.Status.CLEAR);
        Map<String, Estimate> w1 = v.get(0).ratios();
        assertThat(w1.get("a")).isEqualTo(new Estimate(1, 0));
        assertThat(w1.get("b").score()).isEqualTo(2.0);
        assertThat(w1.get("b").error()).isCloseTo(0.044721, within(1e-6));
        assertThat(w1.get("c").score()).isEqualTo(1.5);
        assertThat(w1.get("c").error()).isCloseTo(0.033541, within(1e-6));
        assertThat(v.get(1).ratios().get("b").score()).isCloseTo(1.05, within(1e-12));
        assertThat(v.get(1).ratios().get("b").error()).isCloseTo(0.106888, within(1e-6));
        assertThat(v.get(1).overlapping()).containsExactly("b");
        assertThat(v.get(1).missing()).containsExactly("c");
        assertThat(v.get(2).ratios()).isEmpty();
        assertThat(v.get(2).missing()).containsExactly("a", "c");
        assertThat(v.get(3).ratios().get("b").error()).isCloseTo(0.028284, within(1e-6));
        assertThat(v.get(3).missing()).containsExactly("a");
    }

    @Test
    void summaryCountsWinsAndTakesTheGeometricMeanOfRatios() {
        Section s = sample();
        List<FastestReport.Summary> m = FastestReport.summaries(s.engines(), FastestReport.verdicts(s));
        assertThat(m).extracting(FastestReport.Summary::wins).containsExactly(2, 0, 1);
        assertThat(m).extracting(FastestReport.Summary::clearWins).containsExactly(1, 0, 1);
        assertThat(m).extracting(FastestReport.Summary::rows).containsExactly(2, 3, 2);
        assertThat(m.get(0).geomean()).isEqualTo(new Estimate(1, 0));
        assertThat(m.get(1).geomean().score()).isCloseTo(1.613429, within(1e-6));
        assertThat(m.get(1).geomean().error()).isCloseTo(0.056567, within(1e-6));
        assertThat(m.get(2).geomean().score()).isCloseTo(1.224745, within(1e-6));
        assertThat(m.get(2).geomean().error()).isCloseTo(0.013693, within(1e-6));
    }

    @Test
    void markdownTableAndSummary() {
        String md = FastestReport.markdown(sample());
        assertThat(md).startsWith("### Fastest strategy per workload\n\n");
        assertThat(md).contains("| workload | fastest | a/fastest | b/fastest | c/fastest | note |\n|---|---|---:|---:|---:|---|\n");
        assertThat(md).contains("| w1 | **a** | 1 | 2.000 ± 0.045 | 1.500 ± 0.034 |  |\n");
        assertThat(md).contains("| w2 | a | 1 | 1.05 ± 0.11 | — | tie within error with b (99.9% intervals overlap); missing: c |\n");
        assertThat(md).contains("| w3 | — | — | — | — | fewer than 2 engines have a result; missing: a, c |\n");
        assertThat(md).contains("| w4 | **c** | — | 2.000 ± 0.028 | 1 | missing: a |\n");
        assertThat(md).contains("Summary over the 3 workloads with a fastest engine");
        assertThat(md).contains("| a | 2 | 1 | 1.000 ± 0 | 2 |\n| b | 0 | 0 | 1.613 ± 0.057 | 3 |\n| c | 1 | 1 | 1.225 ± 0.014 | 2 |\n");
    }

    @Test
    void csvColumnsOnlyWithTwoEnginesInTheFullRun() {
        List<String> lines = CsvReport.render(List.of(sample()), "a").lines().toList();
        assertThat(lines.getFirst()).endsWith(",fastest,fastest_status,a/fastest,a/fastest_error,b/fastest,b/fastest_error,c/fastest,c/fastest_error");
        // w2: tie, b/a = 1.05 ± 0.106888 (see above), c missing; w3: no fastest
        assertThat(lines.get(2)).matches(".*,a,tie,1,0,1\\.05,0\\.10688779\\d*,,$");
        assertThat(lines.get(3)).endsWith(",,too-few,,,,,,");
        Section one = section(List.of("x"), Map.of("w", cells("x", 1.0, 0.1)));
        assertThat(CsvReport.render(List.of(one), "x")).doesNotContain("fastest");
        assertThat(FastestReport.markdown(one)).isEmpty();
    }

    @Test
    void touchingIntervalsAreATieAndEqualScoresPickTheFirstColumn() {
        // x [9, 11] and y [11, 13] share the point 11: not distinguishable
        Section touching = section(List.of("x", "y"), Map.of("w", cells("x", 10.0, 1.0, "y", 12.0, 1.0)));
        FastestReport.Verdict v = FastestReport.verdicts(touching).getFirst();
        assertThat(v.status()).isEqualTo(FastestReport.Status.TIE);
        assertThat(v.ratios().get("y").score()).isCloseTo(1.2, within(1e-12));
        // x [9.9, 10.1] is clear of the runner-up y [11.9, 12.1] but not of z [5, 35]: still no winner, z named
        Section wide = section(List.of("x", "y", "z"), Map.of("w", cells("x", 10.0, 0.1, "y", 12.0, 0.1, "z", 20.0, 15.0)));
        FastestReport.Verdict w = FastestReport.verdicts(wide).getFirst();
        assertThat(w.status()).isEqualTo(FastestReport.Status.TIE);
        assertThat(w.overlapping()).containsExactly("z");
        Section equal = section(List.of("y", "x"), Map.of("w", cells("x", 10.0, 0.0, "y", 10.0, 0.0)));
        FastestReport.Verdict e = FastestReport.verdicts(equal).getFirst();
        assertThat(e.fastest()).isEqualTo("y");
        assertThat(e.status()).isEqualTo(FastestReport.Status.TIE);
    }

    @Test
    void noErrorEstimateMeansNotEstablished() {
        Section s = section(List.of("x", "y"), Map.of("w", cells("x", 2.5, 0.03, "y", 5.0, Double.NaN)));
        FastestReport.Verdict v = FastestReport.verdicts(s).getFirst();
        assertThat(v.status()).isEqualTo(FastestReport.Status.UNKNOWN);
        assertThat(FastestReport.note(v)).isEqualTo("not established: no error estimate for y");
        assertThat(v.ratios().get("y").format()).isEqualTo("2.000 ± n/a");
    }

    @Test
    void rejectsNonPositiveScores() {
        Section s = section(List.of("x", "y"), Map.of("w", cells("x", 0.0, 0.0, "y", 1.0, 0.1)));
        assertThatThrownBy(() -> FastestReport.verdicts(s)).hasMessageContaining("non-positive score 0.0 ms for x × w");
    }
}
