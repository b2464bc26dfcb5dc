package org.tailbench.charts.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Charts of one exact opcode profile ({@link OpcodeProfile}): the top 25 instructions and the top 25 adjacent pairs by count. */
final class OpcodeProfileCharts {
    static final String GROUP = "Opcode profiles (exact counts)";
    static final int TOP = 25;

    private OpcodeProfileCharts() {}

    static void draw(Path runDir, String workload, String engine, OpcodeProfile p, List<Figure> figures) throws IOException {
        String slug = ChartFiles.slug(workload) + "-" + ChartFiles.slug(engine);
        long total = Math.max(1, p.totalInstructions());
        String sub = String.format(Locale.ROOT, "Exact counts of %,d executed instructions, counted by %s%s", p.totalInstructions(),
                p.engine().isBlank() ? engine : p.engine(), p.overheadNote().isBlank() ? "" : "; " + p.overheadNote());
        figures.add(ChartFiles.write(runDir, "opcount-" + slug, GROUP,
                "Executed Wasm instructions by kind (share of all executed), top " + TOP + " and the rest as other, on " + workload + ".",
                TopBarChart.create("Executed instructions — " + workload, sub, "Wasm instruction", "share of executed instructions (%)",
                        Map.of("count", TopBarChart.shares(p.ops(), total, TOP, true)), "0.00")));
        if (p.pairs().isEmpty()) return;
        long pairs = Math.max(1, p.pairs().values().stream().mapToLong(Long::longValue).sum());
        figures.add(ChartFiles.write(runDir, "oppairs-" + slug, GROUP,
                "Adjacent executed instruction pairs (previous>next in the same function activation), top " + TOP + ", on " + workload
                + ": candidates for superinstructions.",
                TopBarChart.create("Executed instruction pairs — " + workload, sub, "pair (previous>next)", "share of executed pairs (%)",
                        Map.of("count", TopBarChart.shares(p.pairs(), pairs, TOP, false)), "0.00")));
    }
}
