package org.tailbench.charts.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.charts.Estimate;
import org.tailbench.charts.JmhJson;
import org.tailbench.charts.ReferenceReport;
import org.tailbench.charts.Section;
import org.tailbench.charts.TailCallBuildReport;

/**
 * The tail-call ÷ normal build charts, on the hand-made section of TailCallBuildReportTest (engines a and b,
 * ms ± half-width): py_startup a 100 ± 3 / b 50 ± 4, py_startup@tailcall a 110 ± 4.4 / b 50 ± 3, py_x a 1000 ± 10 /
 * b 500 ± 5, py_x@tailcall a 1200 ± 24 / b missing, nbody a 5 ± 0.1 (no pair). By hand (as there): startup a
 * 1.1 ± 0.055, b 1 ± 0.1; py_x a 1.2 ± 0.026833, b none; start-up subtracted, py_x a 1090/900 = 1.211111 ± 0.030535.
 */
class TailCallBuildChartTest {
    static Section sample() {
        Map<Section.Row, Map<String, Estimate>> cells = new LinkedHashMap<>();
        put(cells, "nbody", "a", 5.0, 0.1);
        put(cells, "py_startup", "a", 100.0, 3.0, "b", 50.0, 4.0);
        put(cells, "py_startup@tailcall", "a", 110.0, 4.4, "b", 50.0, 3.0);
        put(cells, "py_x", "a", 1000.0, 10.0, "b", 500.0, 5.0);
        put(cells, "py_x@tailcall", "a", 1200.0, 24.0);
        return new Section(ReferenceReport.FULL_RUN, "Full run", "ms per run.", List.of("a", "b"),
                List.copyOf(cells.keySet()), cells, List.of());
    }

    private static void put(Map<Section.Row, Map<String, Estimate>> cells, String workload, Object... engineScoreError) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        for (int i = 0; i < engineScoreError.length; i += 3) {
            m.put((String) engineScoreError[i], new Estimate((double) engineScoreError[i + 1], (double) engineScoreError[i + 2]));
        }
        cells.put(new Section.Row(workload, "default"), m);
    }

    @Test
    void wholeRunRatiosAreTheTablesCellsByEngine() {
        var r = TailCallBuildReport.ratiosByEngine(sample(), false);
        assertThat(r).containsOnlyKeys("a", "b");
        assertThat(r.get("a")).containsOnlyKeys("py_startup", "py_x");
        assertThat(r.get("a").get("py_startup").score()).isCloseTo(1.1, within(1e-9));
        assertThat(r.get("a").get("py_startup").error()).isCloseTo(0.055, within(1e-9));
        assertThat(r.get("a").get("py_x").score()).isCloseTo(1.2, within(1e-9));
        assertThat(r.get("a").get("py_x").error()).isCloseTo(0.026833, within(1e-6));
        assertThat(r.get("b")).containsOnlyKeys("py_startup");   // py_x@tailcall has no b time
        assertThat(r.get("b").get("py_startup").error()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void computeRatiosSubtractTheStartup() {
        var r = TailCallBuildReport.ratiosByEngine(sample(), true);
        assertThat(r).containsOnlyKeys("a");
        assertThat(r.get("a")).containsOnlyKeys("py_x");
        assertThat(r.get("a").get("py_x").score()).isCloseTo(1.211111, within(1e-6));
        assertThat(r.get("a").get("py_x").error()).isCloseTo(0.030535, within(1e-6));
    }

    @Test
    void chartHasOneSeriesPerEngineAndAGapForAMissingRatio() {
        var chart = TailCallBuildChart.create(sample(), false);
        assertThat(chart.getTitle().getText()).isEqualTo("CPython: tail-call build ÷ normal build, whole run");
        var ds = (DefaultStatisticalCategoryDataset) chart.getCategoryPlot().getDataset();
        assertThat(ds.getRowKeys()).containsExactly("a", "b");
        assertThat(ds.getColumnKeys()).containsExactly("py_startup", "py_x");
        assertThat(ds.getMeanValue("a", "py_x").doubleValue()).isCloseTo(1.2, within(1e-9));
        assertThat(ds.getStdDevValue("a", "py_x").doubleValue()).isCloseTo(0.026833, within(1e-6));
        assertThat(ds.getMeanValue("b", "py_x")).isNull();
        assertThat(chart.getLegend()).isNotNull();
        var compute = TailCallBuildChart.create(sample(), true);
        assertThat(compute.getTitle().getText()).endsWith("compute time (start-up subtracted)");
        assertThat(((DefaultStatisticalCategoryDataset) compute.getCategoryPlot().getDataset()).getColumnKeys()).containsExactly("py_x");
    }

    @Test
    void noChartWithoutAScriptOnBothBuilds() {
        Map<Section.Row, Map<String, Estimate>> cells = new LinkedHashMap<>();
        put(cells, "py_x", "a", 1.0, 0.1);
        put(cells, "nbody", "a", 1.0, 0.1);
        Section s = new Section(ReferenceReport.FULL_RUN, "Full run", "ms per run.", List.of("a"), List.copyOf(cells.keySet()), cells, List.of());
        assertThat(TailCallBuildChart.create(s, false)).isNull();
        assertThat(TailCallBuildChart.create(s, true)).isNull();
    }

    /** A run folder whose jmh.json has py_startup and py_x on both builds (switch, closure): both charts on the page and in results.md. */
    @Test
    void workbenchDrawsBothChartsNextToTheTables(@TempDir Path run) throws IOException {
        ArrayNode jmh = JmhJson.MAPPER.createArrayNode();
        ObjectNode template;
        try (InputStream in = TailCallBuildChartTest.class.getResourceAsStream("/sample-jmh.json")) {
            template = (ObjectNode) JmhJson.MAPPER.readTree(in).get(0);   // a full-run result (switch, fib, 120 ± 2.4)
        }
        double[][] ms = {{300, 290}, {320, 280}, {1300, 900}, {1200, 1000}};   // rows: the workloads below; columns: switch, closure
        List<String> workloads = List.of("py_startup", "py_startup@tailcall", "py_x", "py_x@tailcall");
        List<String> engines = List.of("switch", "closure");
        for (int w = 0; w < workloads.size(); w++) {
            for (int e = 0; e < engines.size(); e++) {
                ObjectNode r = template.deepCopy();
                ((ObjectNode) r.get("params")).put("workload", workloads.get(w)).put("engine", engines.get(e)).put("size", "smoke");
                ((ObjectNode) r.get("primaryMetric")).put("score", ms[w][e]).put("scoreError", ms[w][e] / 50);
                jmh.add(r);
            }
        }
        JmhJson.MAPPER.writeValue(run.resolve("jmh.json").toFile(), jmh);
        Workbench.Drawn drawn = Workbench.draw(run);
        List<Figure> tc = drawn.figures().stream().filter(f -> f.group().equals(Workbench.TAIL_CALL_BUILD)).toList();
        assertThat(tc).extracting(Figure::png).containsExactly("charts/tailcall-build.png", "charts/tailcall-build-compute.png");
        for (Figure f : tc) assertThat(run.resolve(f.png())).isRegularFile();
        // closure on py_x: 1000 ÷ 900, and start-up subtracted (1000 − 280) ÷ (900 − 290) = 720/610
        var closure = TailCallBuildReport.ratiosByEngine(Section.build(JmhJson.parse(JmhJson.readRaw(List.of(run.resolve("jmh.json")))),
                "switch", List.of(), List.of()).stream().filter(s -> s.benchmark().equals(ReferenceReport.FULL_RUN)).findFirst().orElseThrow(),
                true).get("closure");
        assertThat(closure.get("py_x").score()).isCloseTo(720.0 / 610.0, within(1e-9));
        String md = Files.readString(run.resolve("results.md"));
        assertThat(md).contains("### Tail-call build ÷ normal build (CPython)").contains("(charts/tailcall-build.png)")
                .contains("(charts/tailcall-build-compute.png)");
        assertThat(Files.readString(drawn.index())).contains("Tail-call build ÷ normal build (CPython)</h2>");
    }
}
