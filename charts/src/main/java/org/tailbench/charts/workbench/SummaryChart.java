package org.tailbench.charts.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.tailbench.charts.Estimate;
import org.tailbench.charts.Reference;
import org.tailbench.charts.Section;

/**
 * The page's opening chart: per engine (peers included), the geometric mean over workloads of its full-run time
 * ÷ the native build's median (gcc, or clang for a workload gcc cannot build), with error bars: each ratio's
 * error propagates JMH's 99.9% half-width and the reference's ({@link Reference#error}) to first order, the mean's
 * is {@link Estimate#geometricMean}'s. Without native references it is the geometric mean ÷ the baseline engine.
 */
final class SummaryChart {
    private SummaryChart() {}

    /** @return engine → (workload → time ÷ native), engines without any such ratio left out */
    static Map<String, List<Estimate>> ratiosToNative(Section full, List<Reference> refs) {
        Map<String, Estimate> nativeMs = new LinkedHashMap<>();
        for (String name : List.of(Reference.NATIVE_GCC, Reference.NATIVE_CLANG)) {
            for (Reference r : refs) {
                if (r.name().equals(name) && r.status() == Reference.Status.OK) {
                    nativeMs.putIfAbsent(r.workload() + "\t" + r.size(), new Estimate(r.median(), r.error()));
                }
            }
        }
        Map<String, List<Estimate>> out = new LinkedHashMap<>();
        for (String e : full.engines()) {
            List<Estimate> rs = new ArrayList<>();
            for (Section.Row row : full.rows()) {
                Estimate est = full.cell(row, e), nat = nativeMs.get(row.workload() + "\t" + row.size());
                if (est != null && nat != null && est.score() > 0 && nat.score() > 0) rs.add(est.ratioTo(nat));
            }
            if (!rs.isEmpty()) out.put(e, rs);
        }
        return out;
    }

    /** @return the chart, or null when no engine has a ratio */
    static JFreeChart create(Section full, List<Reference> refs, String baseline) {
        Map<String, List<Estimate>> ratios = ratiosToNative(full, refs);
        boolean toNative = !ratios.isEmpty();
        if (!toNative && baseline != null) {
            ResultChart.ratios(full, baseline).forEach((e, m) -> ratios.put(e, List.copyOf(m.values())));
        }
        if (ratios.isEmpty()) return null;
        DefaultStatisticalCategoryDataset ds = new DefaultStatisticalCategoryDataset();
        for (var e : ratios.entrySet()) {
            Estimate g = Estimate.geometricMean(e.getValue());
            ds.add(g.score(), g.hasError() ? g.error() : 0.0, "geometric mean", e.getKey() + " (" + e.getValue().size() + ")");
        }
        CategoryAxis cat = new CategoryAxis("engine (workloads in the mean)");
        if (ratios.size() > 6) cat.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        String denominator = toNative ? "native (gcc -O2; clang-19 -O2 where gcc cannot build)" : baseline;
        return ResultChart.chart("Summary: full-run time ÷ " + (toNative ? "native" : baseline) + ", geometric mean over workloads", ds, cat, 1,
                "Each engine's JMH full-run time ÷ " + denominator + ", per workload, then the geometric mean over the workloads"
                + " it has a result for (in brackets). Error bars: first-order propagation of the 99.9% half-widths."
                + (toNative ? " The native time is a whole process (includes process start)." : ""),
                "time ÷ " + (toNative ? "native" : baseline) + " (log scale; lower is faster)");
    }
}
