package org.tailbench.charts.workbench;

/**
 * One drawn chart.
 * @param group   the report section it belongs to (e.g. "Stack depth")
 * @param title   the chart's title (also the image's alt text)
 * @param caption one or two sentences under it in index.html (plain text)
 * @param png     path of the PNG relative to the run folder, e.g. {@code charts/depth-nbody.png}
 * @param svg     path of the SVG relative to the run folder
 * @param svgText the SVG document (embedded into index.html)
 */
public record Figure(String group, String title, String caption, String png, String svg, String svgText) {}
