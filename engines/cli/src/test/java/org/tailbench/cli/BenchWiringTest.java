package org.tailbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code tailbench bench} and {@code tailbench merge} (module benchmarks) are subcommands of the CLI. */
class BenchWiringTest {
    static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.execute(new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void benchAndMergeAreListedAndAnswerHelp() {
        assertThat(run()[1]).contains("bench").contains("merge");
        String[] bench = run("bench", "--help");
        assertThat(bench[0]).isEqualTo("0");
        assertThat(bench[1]).contains("--engines").contains("--profile").contains("--shard").contains("--dry-run");
        String[] merge = run("merge", "--help");
        assertThat(merge[0]).isEqualTo("0");
        assertThat(merge[1]).contains("DIR");
    }

    @Test
    void benchRefusesBadUsageWithExit2() {
        String[] r = run("bench", "--profile", "slow");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--profile must be quick or full");
    }
}
