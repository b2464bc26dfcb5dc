package org.tailbench.charts.workbench;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.tailbench.charts.AtomicFiles;

/** Writes a chart as {@code charts/<name>.png} and {@code charts/<name>.svg} (JFreeSVG), both atomically (or into another folder of the run). */
final class ChartFiles {
    private ChartFiles() {}

    /** @return a file-name-safe form of {@code s} (letters, digits, '-', '_', '.') */
    static String slug(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^-+|-+$", "");
        return t.isEmpty() ? "chart" : t;
    }

    /** @return {@code v} with at most two decimals, trailing zeros dropped (SVG coordinates) */
    static String twoDecimals(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.indexOf('.') >= 0) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    /**
     * @param runDir the run folder; files go to its {@code charts/}
     * @param name   file name without extension (already {@link #slug}ged)
     */
    static Figure write(Path runDir, String name, String group, String caption, JFreeChart chart) throws IOException {
        return write(runDir, "charts", name, group, caption, chart);
    }

    /**
     * As {@link #write(Path, String, String, String, JFreeChart)}, into {@code folder} (relative to {@code runDir}, "/"
     * separated; "" = {@code runDir} itself); the figure's paths are relative to {@code runDir}.
     */
    static Figure write(Path runDir, String folder, String name, String group, String caption, JFreeChart chart) throws IOException {
        Path dir = folder.isEmpty() ? runDir : runDir.resolve(folder);
        String rel = folder.isEmpty() ? "" : folder + "/";
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
        AtomicFiles.write(dir.resolve(name + ".png"), png.toByteArray());
        SVGGraphics2D g = new SVGGraphics2D(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        g.setDefsKeyPrefix(name.replaceAll("[^A-Za-z0-9_-]", "_") + "_");
        g.setGeomDoubleConverter(ChartFiles::twoDecimals);   // 1/100 px is plenty; keeps the SVGs (and index.html) small
        chart.draw(g, new Rectangle(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT));
        String svg = g.getSVGDocument();
        AtomicFiles.write(dir.resolve(name + ".svg"), svg);
        return new Figure(group, chart.getTitle().getText(), caption, rel + name + ".png", rel + name + ".svg", svg);
    }
}
