package org.tailbench.charts.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.charts.AtomicFiles;

/**
 * The "Charts" section of {@code results.md}: links to the PNGs, grouped, between two HTML comment
 * markers so that redrawing replaces it and everything else in the file stays as it was.
 */
final class ResultsMarkdown {
    static final String BEGIN = "<!-- tailbench charts: begin (written by Workbench; redrawn by ./tailbench charts) -->";
    static final String END = "<!-- tailbench charts: end -->";

    private ResultsMarkdown() {}

    static String withoutChartsSection(String md) {
        int b = md.indexOf(BEGIN);
        if (b < 0) return md;
        int e = md.indexOf(END, b);
        String after = e < 0 ? "" : md.substring(e + END.length());
        return (md.substring(0, b).stripTrailing() + "\n" + after.stripLeading()).stripTrailing() + "\n";
    }

    static String section(List<Figure> figures, List<String> notes) {
        StringBuilder sb = new StringBuilder(BEGIN).append("\n## Charts\n\n");
        sb.append("Also in `index.html` (one self-contained page with the tables and every chart); SVG beside each PNG.\n\n");
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        for (Figure f : figures) {
            groups.computeIfAbsent(f.group(), g -> new StringBuilder())
                  .append("- [").append(md(f.title())).append("](").append(f.png()).append(")\n");
        }
        groups.forEach((g, list) -> sb.append("### ").append(md(g)).append("\n\n").append(list).append('\n'));
        if (figures.isEmpty()) sb.append("_No charts: the folder has no JMH results with two engines, JFR recordings or opcode profiles._\n\n");
        if (!notes.isEmpty()) {
            sb.append("Not drawn:\n\n");
            for (String n : notes) sb.append("- ").append(md(n)).append('\n');
            sb.append('\n');
        }
        return sb.append(END).append('\n').toString();
    }

    /** Escapes markdown link text / list text so file content cannot inject markup. */
    static String md(String s) {
        return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("\n", " ");
    }

    /**
     * Replaces (or appends) the charts section of {@code results.md}; when the folder has none, writes
     * {@code fallback} (e.g. tables rendered from the JMH results; null: just a heading) before it.
     */
    static void writeChartsSection(Path runDir, String fallback, List<Figure> figures, List<String> notes) throws IOException {
        Path f = runDir.resolve("results.md");
        String md = Files.isRegularFile(f) ? withoutChartsSection(Files.readString(f))
                : fallback != null ? fallback : "# tailbench profile — " + runDir.toAbsolutePath().normalize().getFileName() + "\n";
        AtomicFiles.write(f, md.stripTrailing() + "\n\n" + section(figures, notes));
    }
}
