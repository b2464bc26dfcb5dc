package org.tailbench.charts.workbench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Distribution of a stack depth (JVM frames per execution sample, or active Wasm frames per
 * {@code tailbench.WasmCallDepth} event) for several engines on one workload: the histogram above the
 * cumulative distribution (share of samples at or below a depth), on one shared depth axis. When the
 * depths span more than a factor of 8 (a JVM-recursive engine beside trampolined ones on a tail-call
 * workload) the axis is logarithmic with bins of width 2^(1/8), so each engine's peak stays visible
 * whether it sits at 30 frames or at 30 000; otherwise it is linear with one bin per depth. The legend gives each engine's median, 99th
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
        int maxDepth = 1, minDepth = Integer.MAX_VALUE;
        Map<String, int[]> sorted = new java.util.LinkedHashMap<>();
        for (var e : depthsByEngine.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            int[] d = e.getValue().stream().mapToInt(v -> Math.max(1, v)).sorted().toArray();
            sorted.put(e.getKey(), d);
            maxDepth = Math.max(maxDepth, d[d.length - 1]);
            minDepth = Math.min(minDepth, d[0]);
        }
        if (minDepth == Integer.MAX_VALUE) minDepth = 1;
        // a log scale only when the depths span more than a factor of 8 (e.g. trampolined vs. JVM-recursive engines)
        boolean log = maxDepth > 8L * minDepth;
        XYSeriesCollection hist = new XYSeriesCollection();
        XYSeriesCollection cdf = new XYSeriesCollection();
        List<String> engines = new java.util.ArrayList<>();
        for (var e : sorted.entrySet()) {
            int[] d = e.getValue();
            Stats s = Stats.of(d);
            String key = String.format(Locale.ROOT, "%s (n=%d, median %d, p99 %d, max %d)", e.getKey(), s.n(), s.median(), s.p99(), s.max());
            hist.addSeries(log ? histogram(key, d) : linearHistogram(key, d));
            cdf.addSeries(cdf(key, d));
            engines.add(e.getKey());
        }
        ValueAxis depthAxis;
        if (log) {
            LogAxis a = new NiceLogAxis(axisLabel + " — log scale");
            a.setSmallestValue(1);
            a.setRange(Math.max(0.9, minDepth / 1.25), maxDepth * 1.35);
            depthAxis = a;
        } else {
            NumberAxis a = new NumberAxis(axisLabel);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setRange(Math.max(0, minDepth - 1.5), maxDepth + 1.5);
            depthAxis = a;
        }
        NumberAxis histAxis = new NumberAxis(log ? "share of samples per bin (%)" : "share of samples (%)");
        XYPlot top = new XYPlot(hist, null, histAxis, renderer(engines));
        NumberAxis cdfAxis = new NumberAxis("samples at or below depth (%)");
        cdfAxis.setRange(0, 100.5);
        cdfAxis.setTickUnit(new NumberTickUnit(20));
        XYLineAndShapeRenderer cdfRenderer = renderer(engines);
        cdfRenderer.setDefaultSeriesVisibleInLegend(false);   // the histogram's legend names the same series
        XYPlot bottom = new XYPlot(cdf, null, cdfAxis, cdfRenderer);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(depthAxis);
        plot.setGap(16);
        plot.add(top, 1);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        return ChartStyle.apply(chart, subtitle);
    }

    private static XYLineAndShapeRenderer renderer(List<String> engines) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < engines.size(); i++) {
            r.setSeriesPaint(i, ChartStyle.engineColor(engines.get(i)));
            r.setSeriesStroke(i, ChartStyle.line());
        }
        return r;
    }

    /** Step outline with one bin per depth value (width 1, centred on it). */
    static XYSeries linearHistogram(String key, int[] sorted) {
        XYSeries s = new XYSeries(key, false, true);
        int lo = sorted[0], hi = sorted[sorted.length - 1];
        long[] counts = new long[hi - lo + 1];
        for (int d : sorted) counts[d - lo]++;
        s.add(lo - 0.5, 0.0);
        for (int v = lo; v <= hi; v++) {
            double share = 100.0 * counts[v - lo] / sorted.length;
            s.add(v - 0.5, share);
            s.add(v + 0.5, share);
        }
        s.add(hi + 0.5, 0.0);
        return s;
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
