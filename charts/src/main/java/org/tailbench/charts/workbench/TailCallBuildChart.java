package org.tailbench.charts.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.tailbench.charts.Estimate;
import org.tailbench.charts.Section;
import org.tailbench.charts.TailCallBuildReport;

/**
 * results.md's "Tail-call build ÷ normal build (CPython)" tables as charts (issue 12): per CPython script
 * ({@code py_NAME} run on both builds), each engine's time on {@code python-tailcall.wasm} ÷ its time on
 * {@code python.wasm} ({@link TailCallBuildReport#ratiosByEngine}), drawn like the other ratio charts
 * ({@link ResultChart#chart}: points with error bars of the first-order propagated 99.9% half-widths, log scale,
 * a dashed line at 1). One chart for whole runs, one with the start-up ({@code py_startup}) subtracted.
 */
final class TailCallBuildChart {
    private TailCallBuildChart() {}

    /** File name (without extension) of the whole-run chart under {@code charts/}; the compute chart adds "-compute". */
    static final String NAME = "tailcall-build";

    /**
     * @param computeOnly true: the start-up-subtracted ratios (second table)
     * @return the chart, or null when no engine has a ratio (no script ran on both builds, or no start-up pair)
     */
    static JFreeChart create(Section full, boolean computeOnly) {
        Map<String, Map<String, Estimate>> ratios = TailCallBuildReport.ratiosByEngine(full, computeOnly);
        if (ratios.isEmpty()) return null;
        List<String> scripts = new ArrayList<>();
        for (Map<String, Estimate> m : ratios.values()) {
            for (String script : m.keySet()) if (!scripts.contains(script)) scripts.add(script);
        }
        DefaultStatisticalCategoryDataset ds = dataset(ratios, scripts);
        CategoryAxis cat = new CategoryAxis("CPython script (py_NAME on python.wasm, py_NAME@tailcall on python-tailcall.wasm)");
        if (scripts.size() > 6) cat.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        String what = computeOnly ? "compute time (start-up subtracted)" : "whole run";
        return ResultChart.chart("CPython: tail-call build ÷ normal build, " + what, ds, cat, ratios.size(),
                "Each point: the engine's time on python-tailcall.wasm (-mtail-call) ÷ its time on python.wasm (JMH full run"
                + (computeOnly ? ", each minus py_startup's time on the same build" : "") + "); below 1 = the tail-call build is faster."
                + " Error bars: 99.9% CI half-widths propagated to first order.",
                "tail-call build ÷ normal build (log scale; lower = tail-call build faster)");
    }

    /** Rows = engines, columns = scripts; a missing ratio is a null cell (no point drawn). */
    static DefaultStatisticalCategoryDataset dataset(Map<String, Map<String, Estimate>> ratios, List<String> scripts) {
        DefaultStatisticalCategoryDataset ds = new DefaultStatisticalCategoryDataset();
        for (var e : ratios.entrySet()) {
            for (String script : scripts) {
                Estimate r = e.getValue().get(script);
                if (r != null) ds.add(r.score(), r.hasError() ? r.error() : 0.0, e.getKey(), script);
                else ds.add(null, null, e.getKey(), script);
            }
        }
        return ds;
    }
}
