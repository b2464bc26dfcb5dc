package org.tailbench.charts.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Workbench.Drawn#summary}: the console line of {@code tailbench charts} names the files it wrote — a tune
 * output folder's {@code gains.png} beside its report, not a {@code charts/} folder it never made.
 */
class DrawnSummaryTest {
    private static Figure figure(String png) {
        return new Figure("g", "t", "c", png, png.replace(".png", ".svg"), "<svg/>");
    }

    @Test
    void aTuneFolderNamesItsGainsChart(@TempDir Path tmp) throws IOException {
        Path dir = TunePageTest.tuneOutput(tmp.resolve("tune-switch"));
        Workbench.Drawn d = Workbench.draw(dir);
        assertThat(d.summary()).isEqualTo("drew 1 chart (PNG + SVG): " + dir.resolve("gains.png") + "; wrote " + dir.resolve("index.html"));
        assertThat(d.summary()).doesNotContain("charts/");
    }

    @Test
    void aRunFoldersChartsAreCountedInTheirFolder() {
        Path dir = Path.of("results", "run1");
        Workbench.Drawn d = new Workbench.Drawn(List.of(figure("charts/a.png"), figure("charts/b.png"), figure("charts/c.png")),
                List.of(), dir.resolve("index.html"));
        assertThat(d.summary()).isEqualTo("drew 3 charts (PNG + SVG) in results/run1/charts/; wrote results/run1/index.html");
    }

    @Test
    void aRunFolderWithATuneOutputInsideNamesBoth() {
        Path dir = Path.of("out");
        Workbench.Drawn d = new Workbench.Drawn(List.of(figure("charts/a.png"), figure("charts/b.png"), figure("charts/c.png"),
                figure("tune-switch/gains.png")), List.of(), dir.resolve("index.html"));
        assertThat(d.summary()).isEqualTo("drew 4 charts (PNG + SVG): 3 in out/charts/, out/tune-switch/gains.png; wrote out/index.html");
    }

    @Test
    void nothingDrawnSaysSo() {
        Workbench.Drawn d = new Workbench.Drawn(List.of(), List.of(), Path.of("empty", "index.html"));
        assertThat(d.summary()).isEqualTo("drew no charts; wrote empty/index.html");
    }
}
