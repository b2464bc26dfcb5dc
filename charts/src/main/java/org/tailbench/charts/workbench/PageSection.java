package org.tailbench.charts.workbench;

import java.util.List;

/**
 * A section of {@code index.html} beside the tables and chart groups (e.g. one tune output's "Tuning" section): its
 * heading, markdown above its figures and markdown below them (rendered and escaped like the tables).
 * @param id      the HTML id (also the contents' link target)
 * @param title   the level-2 heading
 * @param before  markdown above the figures (headings from level 3)
 * @param figures the figures, embedded like every other chart
 * @param after   markdown below the figures
 */
record PageSection(String id, String title, String before, List<Figure> figures, String after) {}
