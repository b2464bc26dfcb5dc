package org.tailbench.charts.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index.html is published: it shows no local absolute path (run folder, results folder, repository). */
class HtmlReportPathsTest {
    @Test
    void thePageShowsPlaceholdersInsteadOfLocalPaths(@TempDir Path dir) {
        Path run = dir.resolve("results").resolve("20250101T000000Z-h");
        String command = "# 2025-01-01T00:00:00Z in /home/u/tailbench\n./run-bench.sh --results-dir " + run.getParent() + "\n"
                + "# references: /home/u/tailbench/workloads/reference.sh --out " + run + "/references.tsv\n";
        Map<String, String> paths = Workbench.localPaths(run, command, null);
        String page = HtmlReport.render("r", "> Warning: busy\n\nSee " + run + "/jmh.log.\n", null, command, List.of(), List.of(), paths);
        assertThat(page).doesNotContain(dir.toString()).doesNotContain("/home/u/tailbench")
                .contains("RUN_DIR/jmh.log").contains("REPO/workloads/reference.sh").contains("--results-dir RESULTS_DIR");
        assertThat(page.indexOf("Warning: busy")).as("the opening note comes before the contents").isLessThan(page.indexOf("Contents"));
    }
}
