package org.tailbench.charts.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;

/**
 * The page's "Tuning" sections: a {@code tailbench tune} output ({@link TuneResult#FILE} with its format) in the page's
 * folder itself or in a folder directly under it (e.g. {@code tune-aot/} inside a run folder) becomes one section with
 * the settings, the rule, the profile evidence, the gains chart ({@link TuneChart}, redrawn into that folder as
 * {@code gains.png} / {@code gains.svg}), the measurements and the kept / dropped table ({@link TuneMarkdown}).
 */
final class TunePages {
    private TunePages() {}

    /**
     * @param notes gets one line per tune report that could not be read or drawn
     * @return one section per tune output found, the page's own folder first, then subfolders by name
     */
    static List<PageSection> sections(Path pageDir, List<String> notes) throws IOException {
        List<String> folders = new ArrayList<>();
        if (TuneResult.isTuneReport(pageDir.resolve(TuneResult.FILE))) folders.add("");
        try (Stream<Path> s = Files.list(pageDir)) {
            s.filter(p -> TuneResult.isTuneReport(p.resolve(TuneResult.FILE))).map(p -> p.getFileName().toString()).sorted().forEach(folders::add);
        }
        List<PageSection> out = new ArrayList<>();
        for (String folder : folders) {
            String where = folder.isEmpty() ? TuneResult.FILE : folder + "/" + TuneResult.FILE;
            try {
                TuneResult r = TuneResult.read(pageDir.resolve(where));
                String title = "Tuning: " + r.engine() + (folder.isEmpty() ? "" : " (" + folder + "/)");
                List<Figure> figs = new ArrayList<>();
                JFreeChart chart = TuneChart.create(r);
                if (chart != null) {
                    figs.add(ChartFiles.write(pageDir, folder, TuneResult.CHART, title, "Gain ± error of each measured variant"
                            + " (decision kinds on their own, then all together) per workload, training and held out; see the"
                            + " effect table below for the numbers and the verdicts.", chart));
                } else {
                    notes.add(where + ": no decision was measured, so no gains chart.");
                }
                String before = TuneMarkdown.pageBefore(r), after = TuneMarkdown.pageAfter(r);
                if (!folder.isEmpty()) before = "From `" + folder + "/` (its `report.md`, `tuning.json`).\n\n" + before;
                out.add(new PageSection(Toc.slug("tuning " + (folder.isEmpty() ? r.engine() : folder)), title, before, figs, after));
            } catch (IOException | RuntimeException e) {
                notes.add(where + ": tuning section not drawn: " + e.getMessage());
            }
        }
        return out;
    }
}
