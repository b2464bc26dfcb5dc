package org.tailbench.charts.workbench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The chart of a {@link TuneResult}: per measured variant (each decision kind on its own, and all together) the gain
 * {@code untuned ÷ tuned − 1} in percent on each workload, with error bars (the 99.9 % half-widths of both times
 * propagated to first order), drawn like {@link ResultChart}'s points but on a linear axis with a line at 0 (no
 * effect) and a dashed line at issue 17's goal (+15 %). Training workloads are filled circles, held-out ones hollow
 * diamonds, and the training mean (what keeps or drops a kind) a black square; each category says kept or dropped.
 */
final class TuneChart {
    private TuneChart() {}

    /** Legend name of the training-mean series. */
    static final String TRAINING_MEAN = "training mean (keep / drop)";

    /** @return the category label of a variant: its name, decisions and verdict */
    static String label(TuneResult.Variant v) {
        return v.name() + " (" + v.decisions() + (v.decisions() == 1 ? " decision" : " decisions") + "): " + (v.verdict().keep() ? "kept" : "dropped");
    }

    /** @return the series name of a workload: held-out ones say so */
    static String series(TuneResult r, String workload) {
        return workload + (r.holdout().contains(workload) ? " (held out)" : " (training)");
    }

    /**
     * Rows: the training mean, then each training and each held-out workload; columns: the variants with a verdict; values
     * in percent. An unknown gain is a null cell (no point drawn), an unknown error draws no bar.
     */
    static DefaultStatisticalCategoryDataset dataset(TuneResult r) {
        DefaultStatisticalCategoryDataset ds = new DefaultStatisticalCategoryDataset();
        List<String> workloads = new ArrayList<>(r.training());
        workloads.addAll(r.holdout());
        for (TuneResult.Variant v : r.variants()) {
            if (v.verdict() == null) continue;
            add(ds, v.verdict().train(), TRAINING_MEAN, label(v));
            for (String w : workloads) add(ds, v.verdict().gains() == null ? null : v.verdict().gains().get(w), series(r, w), label(v));
        }
        return ds;
    }

    private static void add(DefaultStatisticalCategoryDataset ds, TuneResult.Gain g, String row, String column) {
        if (g == null || g.gain() == null) ds.add(null, null, row, column);
        else ds.add(100 * g.gain(), g.error() == null ? 0.0 : 100 * g.error(), row, column);
    }

    /** @return the chart, or null when no variant was measured against untuned (no decisions) */
    static JFreeChart create(TuneResult r) {
        DefaultStatisticalCategoryDataset ds = dataset(r);
        if (ds.getColumnCount() == 0) return null;
        CategoryAxis cat = new CategoryAxis("variant: decision kinds applied (decisions): verdict");
        cat.setMaximumCategoryLabelLines(3);
        NumberAxis val = new NumberAxis("gain = untuned ÷ tuned − 1 (%; above 0 = tuned faster)");
        double lo = 0, hi = 100 * TuneMarkdown.GOAL_GAIN;
        for (int row = 0; row < ds.getRowCount(); row++) {
            for (int col = 0; col < ds.getColumnCount(); col++) {
                Number m = ds.getMeanValue(row, col);
                if (m == null) continue;
                double e = ds.getStdDevValue(row, col).doubleValue();
                lo = Math.min(lo, m.doubleValue() - e);
                hi = Math.max(hi, m.doubleValue() + e);
            }
        }
        double pad = (hi - lo) * 0.08;
        val.setRange(lo - pad, hi + pad);
        StatisticalLineAndShapeRenderer rend = ResultChart.errorBarRenderer();
        for (int row = 0; row < ds.getRowCount(); row++) {
            String key = String.valueOf(ds.getRowKey(row));
            boolean mean = key.equals(TRAINING_MEAN), held = key.endsWith(" (held out)");
            rend.setSeriesPaint(row, mean ? Color.BLACK : ChartStyle.color(row - 1));
            rend.setSeriesShape(row, mean ? new Rectangle2D.Double(-6, -6, 12, 12) : held ? diamond() : new Ellipse2D.Double(-5, -5, 10, 10));
            rend.setSeriesShapesFilled(row, !held);
        }
        rend.setUseOutlinePaint(false);
        CategoryPlot plot = new CategoryPlot(ds, cat, val, rend);
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(2f)));
        ValueMarker goal = new ValueMarker(100 * TuneMarkdown.GOAL_GAIN, Color.GRAY,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        goal.setLabel("issue 17 goal: +" + Math.round(100 * TuneMarkdown.GOAL_GAIN) + " %");
        goal.setLabelFont(ChartStyle.SMALL_TICK);
        goal.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        goal.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        goal.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(goal);
        JFreeChart chart = new JFreeChart("tune " + r.engine() + ": gain per decision kind and workload", ChartStyle.TITLE, plot, true);
        return ChartStyle.apply(chart,
                "Each point: untuned ÷ tuned − 1 of the JMH time (ms/op) on one workload; filled = training, hollow = held out;"
                + " black square = mean over the training workloads, kept when above 0 beyond its error and no held-out point is below 0"
                + " beyond its error. Error bars: 99.9 % half-widths of both times, propagated to first order.");
    }

    private static Shape diamond() {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -7);
        d.lineTo(7, 0);
        d.lineTo(0, 7);
        d.lineTo(-7, 0);
        d.closePath();
        return d;
    }
}
