package org.tailbench.charts.workbench;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Horizontal bar chart of the largest entries of one or more counts (e.g. samples per opcode; self and
 * total samples per function), as percentages of a total, largest first, with the remainder as
 * "other" when asked. Each bar is labelled with its value.
 */
final class TopBarChart {
    private TopBarChart() {}

    /**
     * @return the {@code limit} keys with the largest counts, largest first (ties by key)
     */
    static <K extends Comparable<K>> List<K> top(Map<K, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<K, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /**
     * One series: the top {@code limit} of {@code counts} as a percentage of {@code total}, plus
     * "other (N more)" for the rest when {@code withOther}.
     */
    static LinkedHashMap<String, Double> shares(Map<String, Long> counts, long total, int limit, boolean withOther) {
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        long shown = 0;
        List<String> keys = top(counts, limit);
        for (String k : keys) {
            out.put(k, 100.0 * counts.get(k) / total);
            shown += counts.get(k);
        }
        long rest = counts.values().stream().mapToLong(Long::longValue).sum() - shown;
        if (withOther && rest > 0) out.put("other (" + (counts.size() - keys.size()) + " more)", 100.0 * rest / total);
        return out;
    }

    /**
     * @param series    series name → (category → value); categories in the order of the first series
     * @param valueAxis label of the value axis with unit
     */
    static JFreeChart create(String title, String subtitle, String categoryAxis, String valueAxis,
                             Map<String, ? extends Map<String, Double>> series, String valueFormat) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        List<String> categories = new ArrayList<>();
        for (Map<String, Double> m : series.values()) for (String c : m.keySet()) if (!categories.contains(c)) categories.add(c);
        for (var s : series.entrySet()) {
            for (String c : categories) {
                Double v = s.getValue().get(c);
                ds.addValue(v == null ? 0.0 : v, s.getKey(), c);
            }
        }
        CategoryAxis cat = new CategoryAxis(categoryAxis);
        cat.setCategoryMargin(series.size() > 1 ? 0.25 : 0.15);
        cat.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis val = new NumberAxis(valueAxis);
        val.setUpperMargin(0.12);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(valueFormat)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.SMALL_TICK);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        for (int i = 0; i < series.size(); i++) r.setSeriesPaint(i, ChartStyle.color(i));
        CategoryPlot plot = new CategoryPlot(ds, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, series.size() > 1);
        ChartStyle.apply(chart, subtitle);
        cat.setTickLabelFont(categories.size() > 22 ? ChartStyle.SMALL_TICK : ChartStyle.TICK);
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        return chart;
    }
}
