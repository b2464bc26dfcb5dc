package org.tailbench.charts.workbench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.tailbench.charts.Estimate;
import org.tailbench.charts.Section;

/**
 * JMH results as charts: per workload, each engine's time as a ratio to the baseline engine's
 * ({@link Estimate#ratioTo}, error propagated), drawn as points with error bars (the propagated
 * half-width of JMH's 99.9% confidence intervals) on a log scale with the baseline at 1; and the
 * geometric mean of those ratios per engine over the workloads where both have a result
 * ({@link Estimate#geometricMean}).
 */
final class ResultChart {
    private ResultChart() {}

    /**
     * @return engine → (workload → ratio to {@code baseline}); the baseline itself as 1 ± its relative error;
     *         engines without any ratio left out
     */
    static Map<String, Map<String, Estimate>> ratios(Section s, String baseline) {
        Map<String, Map<String, Estimate>> out = new LinkedHashMap<>();
        for (String e : s.engines()) {
            Map<String, Estimate> m = new LinkedHashMap<>();
            for (Section.Row row : s.rows()) {
                Estimate base = s.cell(row, baseline), est = s.cell(row, e);
                if (base == null || est == null || base.score() <= 0 || est.score() <= 0) continue;
                // the baseline: exactly 1, drawn with its own relative error (not √2 of it, as est ÷ est would)
                m.put(label(s, row), e.equals(baseline) ? new Estimate(1, base.hasError() ? base.relativeError() : Double.NaN) : est.ratioTo(base));
            }
            if (!m.isEmpty()) out.put(e, m);
        }
        return out;
    }

    /** Section titles are markdown: drop the code backticks. */
    static String plain(String title) { return title.replace("`", ""); }

    static String label(Section s, Section.Row row) {
        return s.showsSizes() ? row.workload() + " (" + row.size() + ")" : row.workload();
    }

    static JFreeChart perWorkload(Section s, String baseline, Map<String, Map<String, Estimate>> ratios) {
        DefaultStatisticalCategoryDataset ds = new DefaultStatisticalCategoryDataset();
        List<String> workloads = new ArrayList<>();
        for (Section.Row row : s.rows()) workloads.add(label(s, row));
        for (var e : ratios.entrySet()) {
            for (String w : workloads) {
                Estimate r = e.getValue().get(w);
                if (r != null) ds.add(r.score(), r.hasError() ? r.error() : 0.0, e.getKey(), w);
                else ds.add(null, null, e.getKey(), w);
            }
        }
        CategoryAxis cat = new CategoryAxis("workload");
        if (workloads.size() > 6) cat.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        JFreeChart chart = chart(plain(s.title()) + ": time ÷ " + baseline, ds, cat, ratios.size(),
                "Each point: engine time ÷ " + baseline + " time (ms/op, JMH avgt); below 1 = faster than " + baseline
                + ". Error bars: JMH 99.9% CI half-widths of both, propagated to first order (" + baseline + ": its own, relative).");
        return chart;
    }

    static JFreeChart geomean(Section s, String baseline, Map<String, Map<String, Estimate>> ratios) {
        DefaultStatisticalCategoryDataset ds = new DefaultStatisticalCategoryDataset();
        int i = 0;
        for (var e : ratios.entrySet()) {
            Estimate g = Estimate.geometricMean(List.copyOf(e.getValue().values()));
            String key = e.getKey() + " (" + e.getValue().size() + ")";
            ds.add(g.score(), g.hasError() ? g.error() : 0.0, "geometric mean", key);
            i++;
        }
        CategoryAxis cat = new CategoryAxis("engine (workloads in the mean)");
        if (i > 6) cat.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return chart(plain(s.title()) + ": geometric mean of time ÷ " + baseline, ds, cat, 1,
                "Over the workloads where the engine and " + baseline + " both have a result; error G·sqrt(Σ(δr/r)²)/n."
                + " Compare means only over the same workloads.");
    }

    private static JFreeChart chart(String title, DefaultStatisticalCategoryDataset ds, CategoryAxis cat, int series, String subtitle) {
        return chart(title, ds, cat, series, subtitle, "time ÷ baseline (log scale; lower is faster)");
    }

    /** @return points (no lines) with dark grey error bars, the series side by side within a category */
    static StatisticalLineAndShapeRenderer errorBarRenderer() {
        StatisticalLineAndShapeRenderer r = new StatisticalLineAndShapeRenderer(false, true);
        r.setErrorIndicatorPaint(Color.DARK_GRAY);
        r.setErrorIndicatorStroke(new BasicStroke(1.5f));
        r.setUseSeriesOffset(true);   // series side by side within a category, so their error bars do not overlap
        r.setItemMargin(0.25);
        return r;
    }

    static JFreeChart chart(String title, DefaultStatisticalCategoryDataset ds, CategoryAxis cat, int series, String subtitle, String axisLabel) {
        LogAxis val = new NiceLogAxis(axisLabel);
        val.setSmallestValue(1e-4);
        double lo = Double.MAX_VALUE, hi = 0;
        for (int r = 0; r < ds.getRowCount(); r++) {
            for (int c = 0; c < ds.getColumnCount(); c++) {
                Number m = ds.getMeanValue(r, c);
                if (m == null) continue;
                Number sd = ds.getStdDevValue(r, c);
                double err = sd == null ? 0 : sd.doubleValue();
                lo = Math.min(lo, Math.max(1e-4, m.doubleValue() - err));
                hi = Math.max(hi, m.doubleValue() + err);
            }
        }
        if (hi > 0) {
            double min = Math.min(lo, 1) / 1.3, max = Math.max(hi, 1) * 1.3;
            val.setRange(min, max);
        }
        StatisticalLineAndShapeRenderer r = errorBarRenderer();
        for (int i = 0; i < Math.max(series, 1); i++) {
            r.setSeriesPaint(i, series > 1 ? ChartStyle.engineColor(String.valueOf(ds.getRowKey(i))) : ChartStyle.color(i));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        }
        CategoryPlot plot = new CategoryPlot(ds, cat, val, r);
        ValueMarker one = new ValueMarker(1.0, Color.GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        plot.addRangeMarker(one);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, series > 1);
        return ChartStyle.apply(chart, subtitle);
    }
}
