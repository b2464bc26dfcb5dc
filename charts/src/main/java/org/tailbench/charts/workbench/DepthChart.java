package org.tailbench.charts.workbench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Distribution of a stack depth (JVM frames per execution sample, or active Wasm frames per
 * {@code tailbench.WasmCallDepth} event) for several engines on one workload: the histogram (share
 * of samples per bin; bins of width 2^(1/8) on a log scale, so each engine's peak stays visible
 * whether it sits at 30 frames or at 30 000) above the cumulative distribution (share of samples at
 * or below a depth), on one shared log-scale depth axis. The legend gives each engine's median, 99th
 * percentile and maximum.
 */
final class DepthChart {
    /** Bins per doubling of depth. */
    private static final int BINS_PER_OCTAVE = 8;

    private DepthChart() {}

    /** Depth summary of one engine: quantiles by the nearest-rank method. */
    record Stats(int n, int median, int p99, int max) {
        static Stats of(int[] sorted) {
            int n = sorted.length;
            return new Stats(n, rank(sorted, 0.5), rank(sorted, 0.99), sorted[n - 1]);
        }

        private static int rank(int[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }

    /**
     * @param depthsByEngine engine → depths (engines without depths are left out); depths below 1 are drawn at 1
     * @param axisLabel      what a depth counts, with its unit
     */
    static JFreeChart create(String title, String subtitle, String axisLabel, Map<String, List<Integer>> depthsByEngine) {
        XYSeriesCollection hist = new XYSeriesCollection();
        XYSeriesCollection cdf = new XYSeriesCollection();
        int maxDepth = 1, minDepth = Integer.MAX_VALUE;
        for (var e : depthsByEngine.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            int[] d = e.getValue().stream().mapToInt(v -> Math.max(1, v)).sorted().toArray();
            Stats s = Stats.of(d);
            maxDepth = Math.max(maxDepth, s.max());
            minDepth = Math.min(minDepth, d[0]);
            String key = String.format(Locale.ROOT, "%s (n=%d, median %d, p99 %d, max %d)", e.getKey(), s.n(), s.median(), s.p99(), s.max());
            hist.addSeries(histogram(key, d));
            cdf.addSeries(cdf(key, d));
        }
        LogAxis depthAxis = new LogAxis(axisLabel + " — log scale");
        depthAxis.setBase(10);
        depthAxis.setSmallestValue(1);
        if (minDepth == Integer.MAX_VALUE) minDepth = 1;
        depthAxis.setRange(Math.max(0.9, minDepth / 1.25), Math.max(minDepth * 2, maxDepth * 1.35));
        depthAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));

        NumberAxis histAxis = new NumberAxis("share of samples per bin (%)");
        XYPlot top = new XYPlot(hist, null, histAxis, renderer(hist.getSeriesCount()));
        NumberAxis cdfAxis = new NumberAxis("samples at or below depth (%)");
        cdfAxis.setRange(0, 100.5);
        cdfAxis.setTickUnit(new NumberTickUnit(20));
        XYLineAndShapeRenderer cdfRenderer = renderer(cdf.getSeriesCount());
        cdfRenderer.setDefaultSeriesVisibleInLegend(false);   // the histogram's legend names the same series
        XYPlot bottom = new XYPlot(cdf, null, cdfAxis, cdfRenderer);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(depthAxis);
        plot.setGap(16);
        plot.add(top, 1);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        return ChartStyle.apply(chart, subtitle);
    }

    private static XYLineAndShapeRenderer renderer(int series) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
            r.setSeriesStroke(i, ChartStyle.line());
        }
        return r;
    }

    /** Bin index of depth d (≥ 1): floor(log2(d)·BINS_PER_OCTAVE). */
    static int bin(int d) {
        return (int) Math.floor(Math.log(d) / Math.log(2) * BINS_PER_OCTAVE + 1e-9);
    }

    static double edge(int bin) { return Math.pow(2, (double) bin / BINS_PER_OCTAVE); }

    /** Step outline of the histogram: for every bin from the first to the last, its share at both edges. */
    static XYSeries histogram(String key, int[] sorted) {
        int lo = bin(sorted[0]), hi = bin(sorted[sorted.length - 1]);
        long[] counts = new long[hi - lo + 1];
        for (int d : sorted) counts[bin(d) - lo]++;
        XYSeries s = new XYSeries(key, false, true);
        s.add(edge(lo), 0.0);
        for (int b = lo; b <= hi; b++) {
            double share = 100.0 * counts[b - lo] / sorted.length;
            s.add(edge(b), share);
            s.add(edge(b + 1), share);
        }
        s.add(edge(hi + 1), 0.0);
        return s;
    }

    /** Empirical CDF as a step line: at each distinct depth, the share at or below it. */
    static XYSeries cdf(String key, int[] sorted) {
        XYSeries s = new XYSeries(key, false, true);
        int n = sorted.length;
        double prev = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 < n && sorted[i + 1] == sorted[i]) continue;
            double share = 100.0 * (i + 1) / n;
            s.add(sorted[i], prev);
            s.add(sorted[i], share);
            prev = share;
        }
        s.add(sorted[n - 1] * 1.25, 100.0);
        return s;
    }

}
