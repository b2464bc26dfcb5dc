package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer ratios on a hand-made full-run section: ours {@code switch}, {@code aot}; peers {@code chicory-aot}, {@code wasmtime}.
 * <pre>
 *   w1: switch 30, aot 6, chicory-aot 10, wasmtime 3
 *   w2: switch 40, aot 5, chicory-aot 20, wasmtime 2
 *   w3: switch 90, aot 9, chicory-aot — (fails),  wasmtime 4.5
 * </pre>
 * By hand: switch ÷ chicory-aot over w1, w2 = 3 and 2 → sqrt(6) = 2.449490, spread 2–3 (w2, w1);
 * switch ÷ wasmtime = 10, 20, 20 → (10·20·20)^(1/3) = 4000^(1/3) = 15.874011, spread 10–20;
 * aot ÷ chicory-aot = 0.6, 0.25 → sqrt(0.15) = 0.387298; aot ÷ wasmtime = 2, 2.5, 2 → 10^(1/3) = 2.154435.
 */
class PeerReportTest {
    static Section sample() {
        Map<String, Map<String, Estimate>> w = new LinkedHashMap<>();
        w.put("w1", FastestReportTest.cells("switch", 30.0, 0.3, "aot", 6.0, 0.1, "chicory-aot", 10.0, 0.1, "wasmtime", 3.0, 0.1));
        w.put("w2", FastestReportTest.cells("switch", 40.0, 0.3, "aot", 5.0, 0.1, "chicory-aot", 20.0, 0.1, "wasmtime", 2.0, 0.1));
        w.put("w3", FastestReportTest.cells("switch", 90.0, 0.3, "aot", 9.0, 0.1, "wasmtime", 4.5, 0.1));
        return FastestReportTest.section(List.of("switch", "aot", "chicory-aot", "wasmtime"), w);
    }

    @Test
    void geometricMeanAndSpreadOverTheWorkloadsBothRan() {
        List<PeerReport.Ratio> r = PeerReport.ratios(sample(), List.of("switch", "aot"), List.of("chicory-aot", "wasmtime"));
        assertThat(r).extracting(PeerReport.Ratio::engine, PeerReport.Ratio::peer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("switch", "chicory-aot"), org.assertj.core.groups.Tuple.tuple("switch", "wasmtime"),
                org.assertj.core.groups.Tuple.tuple("aot", "chicory-aot"), org.assertj.core.groups.Tuple.tuple("aot", "wasmtime"));
        PeerReport.Ratio sc = r.get(0);
        assertThat(sc.geomean()).isCloseTo(2.449490, within(1e-6));
        assertThat(sc.min()).isCloseTo(2.0, within(1e-12));
        assertThat(sc.minWorkload()).isEqualTo("w2");
        assertThat(sc.max()).isCloseTo(3.0, within(1e-12));
        assertThat(sc.maxWorkload()).isEqualTo("w1");
        assertThat(sc.workloads()).isEqualTo(2);
        assertThat(r.get(1).geomean()).isCloseTo(15.874011, within(1e-6));
        assertThat(r.get(1).min()).isCloseTo(10.0, within(1e-12));
        assertThat(r.get(1).max()).isCloseTo(20.0, within(1e-12));
        assertThat(r.get(1).workloads()).isEqualTo(3);
        assertThat(r.get(2).geomean()).isCloseTo(0.387298, within(1e-6));
        assertThat(r.get(3).geomean()).isCloseTo(2.154435, within(1e-6));
    }

    @Test
    void noCommonWorkloadGivesNoRatio() {
        Map<String, Map<String, Estimate>> w = new LinkedHashMap<>();
        w.put("w1", FastestReportTest.cells("switch", 30.0, 0.3));
        w.put("w2", FastestReportTest.cells("wasmtime", 3.0, 0.1));
        Section s = FastestReportTest.section(List.of("switch", "wasmtime"), w);
        PeerReport.Ratio r = PeerReport.ratios(s, List.of("switch"), List.of("wasmtime")).getFirst();
        assertThat(r.workloads()).isZero();
        assertThat(r.geomean()).isNaN();
    }

    @Test
    void markdownHasTheRatioTableFailuresAndVersions(@TempDir Path dir) throws IOException {
        Path peersFile = dir.resolve("peers.txt");
        Files.writeString(peersFile, """
                peer.chicory-aot.library=com.dylibso.chicory:runtime 1.7.5
                peer.chicory-aot.mode=compiled
                peer.wasmtime.library=wasmtime-java 0.19.0
                peer.wasmtime.jvm flags=--enable-native-access=ALL-UNNAMED
                engine.switch=not a peer line
                """);
        Map<String, Map<String, String>> peers = PeerReport.readPeers(peersFile);
        assertThat(peers).containsOnlyKeys("chicory-aot", "wasmtime");
        assertThat(peers.get("wasmtime")).containsEntry("jvm flags", "--enable-native-access=ALL-UNNAMED");
        RunFailures f = new RunFailures(Map.of(new RunFailures.Key("chicory-aot", "w3"), "trap call stack exhausted: call stack exhausted"));
        String md = PeerReport.markdown(List.of(sample()), peers, f);
        assertThat(md).contains("## Ratio to peers", "| engine | ÷ chicory-aot | ÷ wasmtime |",
                "| switch | 2.45 (2.00–3.00, n=2) | 15.9 (10.0–20.0, n=3) |",
                "| aot | 0.387 (0.250–0.600, n=2) | 2.15 (2.00–2.50, n=3) |",
                "`chicory-aot` × w3: trap call stack exhausted",
                "## Versions and configuration (peers)", "  - library: wasmtime-java 0.19.0");
        assertThat(md).doesNotContain("| chicory-aot |");  // peers are columns, not rows
    }

    @Test
    void noPeersNoSection() {
        assertThat(PeerReport.markdown(List.of(sample()), Map.of(), RunFailures.NONE)).isEmpty();
    }

    @Test
    void failureFilesAreReadByEngineAndWorkload(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("chicory-interp__pyvm_tailcall.txt"), "trap host: chicory: Index 5 | x\nbenchmark: ...\n");
        Files.writeString(dir.resolve("stray.txt"), "ignored");
        RunFailures f = RunFailures.read(dir);
        assertThat(f.reason("chicory-interp", "pyvm_tailcall")).isEqualTo("trap host: chicory: Index 5 | x");
        assertThat(f.reasons()).hasSize(1);
        assertThat(RunFailures.read(dir.resolve("absent")).isEmpty()).isTrue();
        assertThat(RunFailures.cell("abcdefghij", 5)).isEqualTo("fails: abcd…");
        assertThat(RunFailures.cell("a|b", 60)).isEqualTo("fails: a\\|b");
    }

    @Test
    void tablesShowFailsWithTheReasonInMarkdownAndCsv() {
        RunFailures f = new RunFailures(Map.of(new RunFailures.Key("chicory-aot", "w3"), "trap call stack exhausted: deep"));
        String md = MarkdownReport.render("t", null, List.of(sample()), "switch", null, Map.of(), null, "", f);
        // a short cell with a numbered note under the table (a long reason would squeeze the other columns)
        assertThat(md).contains("| fails [1] |").contains("- [1] chicory-aot × w3: trap call stack exhausted: deep");
        String csv = CsvReport.render(List.of(sample()), "switch", Map.of(), f);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("chicory-aot_ms,chicory-aot_error_ms,chicory-aot_fails");
        assertThat(csv).contains("fails: trap call stack exhausted: deep");
    }
}
