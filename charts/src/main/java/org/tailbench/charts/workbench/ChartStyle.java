package org.tailbench.charts.workbench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/** One look for every chart: fonts legible at {@link #WIDTH}×{@link #HEIGHT}, white background, light grid, fixed engine colours. */
final class ChartStyle {
    static final int WIDTH = 1200;
    static final int HEIGHT = 800;
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font SMALL_TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    private static final Color GRID = new Color(0xD0D0D0);
    /** Colour-blind-safe palette (Okabe–Ito), then greys. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
        new Color(0x7F7F7F), new Color(0x8C564B), new Color(0x17BECF), new Color(0xBCBD22),
    };

    private ChartStyle() {}

    static Paint color(int i) { return PALETTE[Math.floorMod(i, PALETTE.length)]; }

    /** Known engines keep one colour in every chart; others get one by name. */
    private static final java.util.List<String> KNOWN_ENGINES = java.util.List.of(
            "switch", "threaded", "tailcall", "closure", "aot", "aot-naive", "split", "chicory", "graalwasm", "wasmtime");

    static Paint engineColor(String engine) {
        int i = KNOWN_ENGINES.indexOf(engine);
        return color(i >= 0 ? i : KNOWN_ENGINES.size() + Math.floorMod(engine.hashCode(), PALETTE.length - KNOWN_ENGINES.size()));
    }

    static BasicStroke line() { return new BasicStroke(2.5f); }

    /** Applies fonts and colours and adds the subtitle lines (each may be null). */
    static JFreeChart apply(JFreeChart chart, String... subtitles) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        for (String s : subtitles) {
            if (s == null || s.isBlank()) continue;
            TextTitle t = new TextTitle(s, SUBTITLE);
            t.setPosition(RectangleEdge.TOP);
            t.setMaximumLinesToDisplay(3);
            chart.addSubtitle(t);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        style(chart.getPlot());
        return chart;
    }

    static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) axis(xy.getDomainAxis(i));
            for (int i = 0; i < xy.getRangeAxisCount(); i++) axis(xy.getRangeAxis(i));
            if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) {
                for (XYPlot sub : c.getSubplots()) style(sub);
            }
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(GRID);
            axis(cp.getDomainAxis());
            for (int i = 0; i < cp.getRangeAxisCount(); i++) axis(cp.getRangeAxis(i));
        }
    }

    private static void axis(Axis a) {
        if (a == null) return;
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
    }
}
