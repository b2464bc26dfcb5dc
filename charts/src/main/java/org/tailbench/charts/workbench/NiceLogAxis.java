package org.tailbench.charts.workbench;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A logarithmic axis whose ticks sit on round values — 1, 2, 5 × 10^k (more of them over a short range, fewer over
 * a long one) — each labelled with just enough significant digits, so no two labels repeat ({@code 1 1 1 2 2}) and
 * no positive value prints as {@code 0}. JFreeChart's own {@link LogAxis} steps evenly in log space and rounds the
 * labels with one format.
 */
final class NiceLogAxis extends LogAxis {
    NiceLogAxis(String label) {
        super(label);
    }

    /** @return the round values in [lo, hi] (lo > 0) to put ticks on, ascending */
    static List<Double> ticks(double lo, double hi) {
        double decades = Math.log10(hi / lo);
        double[] mantissas = decades <= 0.4 ? new double[] {1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2, 2.2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9}
                : decades <= 1 ? new double[] {1, 1.5, 2, 3, 4, 5, 6, 8}
                : decades <= 2.5 ? new double[] {1, 2, 5}
                : new double[] {1};
        int step = decades <= 8 ? 1 : (int) Math.ceil(decades / 8);
        List<Double> out = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            if (Math.floorMod(k, step) != 0) continue;
            for (double m : mantissas) {
                double v = new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.add(v);
            }
        }
        if (out.isEmpty()) out.add(new BigDecimal(Math.sqrt(lo * hi)).round(new MathContext(3)).doubleValue());   // a very short range: its middle
        return out;
    }

    /** @return {@code v} with at most 3 significant digits, no trailing zeros, never in exponent form (0.0005, 1.5, 2000) */
    static String label(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        List<NumberTick> out = new ArrayList<>();
        for (double v : ticks(getLowerBound(), getUpperBound())) out.add(new NumberTick(TickType.MAJOR, v, label(v), anchor, anchor, 0.0));
        return out;
    }
}
