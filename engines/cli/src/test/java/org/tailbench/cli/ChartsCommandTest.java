package org.tailbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tailbench charts DIR}: its line names what it wrote (Workbench.Drawn#summary; the tune-folder case,
 * DIR/gains.png, is DrawnSummaryTest's in the charts module), and a missing folder is a clear error.
 */
class ChartsCommandTest {
    @Test
    void aFolderWithNothingToChartGetsItsPageAndNoChartsFolderIsNamed(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("charts", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst()).hasValue("drew no charts; wrote " + dir.resolve("index.html"));
        assertThat(r.out()).doesNotContain("charts/");
        assertThat(dir.resolve("index.html")).exists();
        assertThat(dir.resolve("charts")).doesNotExist();
    }

    @Test
    void aMissingFolderIsAnError(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("charts", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no such run folder");
        assertThat(Files.exists(dir.resolve("nope"))).isFalse();
    }
}
