package org.tailbench.bench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune --measured-in}: an earlier run's JMH files read back (hand-made files, numbers written here). */
class MeasurementReadTest {
    /** nbody: iterations 10, 12 (fork 1) and 14 (fork 2); richards failed (no entry). */
    static final String JMH = """
            [{"benchmark": "org.tailbench.bench.WorkloadBenchmark.run", "mode": "avgt", "forks": 2, "threads": 1,
              "jvmArgs": ["-Xss16m", "-Dx=1"], "warmupIterations": 3, "warmupTime": "1000 ms", "measurementIterations": 7,
              "measurementTime": "2 s", "params": {"engine": "switch", "workload": "nbody", "size": "default"},
              "primaryMetric": {"score": 12.0, "scoreError": 36.0, "scoreUnit": "ms/op", "rawData": [[10.0, 12.0], [14.0]]}}]
            """;

    @Test
    void scoresSettingsAndLoadsComeFromTheEarlierRunsFiles(@TempDir Path tmp) throws IOException {
        Path old = Files.createDirectories(tmp.resolve("old")), out = Files.createDirectories(tmp.resolve("new"));
        Files.writeString(old.resolve("jmh-all.json"), JMH);
        Files.writeString(old.resolve("jmh-all.log"), "log");
        Map<String, Measurement.Score> s = Measurement.read(old.resolve("jmh-all.json"), List.of("nbody", "richards"), out);
        // mean of 10, 12, 14; error t(0.9995, 2 df) · sd / √3 = 31.599 · 2 / √3 (t of 2 df in closed form: (2p−1)/√(2p(1−p)))
        assertThat(s.get("nbody").score()).isCloseTo(12.0, offset(1e-12));
        assertThat(s.get("nbody").error()).isCloseTo(36.4874, offset(1e-3));
        assertThat(s.get("richards").ok()).isFalse();
        assertThat(s.get("richards").failure()).isEqualTo("no JMH result (see jmh-all.log)");
        assertThat(out.resolve("jmh-all.json")).hasContent(JMH);
        assertThat(out.resolve("jmh-all.log")).hasContent("log");

        Measurement.Settings given = new Measurement.Settings(3, 1, 1, 1, 100, List.of());
        Measurement.Settings st = Measurement.settingsOf(old.resolve("jmh-all.json"), given);
        assertThat(st).isEqualTo(new Measurement.Settings(3, 2, 3, 7, 2000, List.of("-Xss16m", "-Dx=1")));
        assertThat(Measurement.settingsOf(old.resolve("none.json"), given)).isSameAs(given);

        Files.writeString(old.resolve("report.md"), "- date: x; machine: 2 cores; load average (1, 5, 15 min) before: 0.50, 0.60, 0.70, after: 1.00, 1.10, 1.20\n");
        assertThat(Measurement.loadsOf(old.resolve("report.md"))).containsExactly("0.50, 0.60, 0.70", "1.00, 1.10, 1.20");
        assertThat(Measurement.loadsOf(old.resolve("missing.md"))).containsExactly("unknown", "unknown");
    }

    @Test
    void missingOrForeignFilesAreClearErrors(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> Measurement.read(tmp.resolve("jmh-all-round2.json"), List.of("nbody"), tmp))
                .isInstanceOf(IOException.class).hasMessageContaining("no JMH result file").hasMessageContaining("--rounds");
        Files.writeString(tmp.resolve("us.json"), JMH.replace("ms/op", "us/op"));
        assertThatThrownBy(() -> Measurement.read(tmp.resolve("us.json"), List.of("nbody"), tmp))
                .isInstanceOf(IOException.class).hasMessageContaining("score unit \"us/op\", expected ms/op");
        Files.writeString(tmp.resolve("bad.json"), "{\"a\": ");
        assertThatThrownBy(() -> Measurement.read(tmp.resolve("bad.json"), List.of("nbody"), tmp))
                .isInstanceOf(IOException.class).hasMessageContaining("bad.json: not JMH's JSON result");
        Files.writeString(tmp.resolve("empty.json"), "");   // JMH stopped before writing: every workload failed
        assertThat(Measurement.read(tmp.resolve("empty.json"), List.of("nbody"), tmp).get("nbody").ok()).isFalse();
    }
}
