package org.tailbench.charts.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.runtime.Engines;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * Draws a report from a small run recorded here (JFR of two interpreters on pyvm_tailcall's smoke size,
 * synthetic WasmCallDepth events, a JMH result file and an opcode profile) and checks the files, the
 * page's escaping, and — with {@code check-page.sh} in headless Chromium — that the page loads cleanly
 * and shows every chart.
 */
class WorkbenchTest {
    static final String WORKLOAD = "pyvm_tailcall";
    /** WasmCallDepth depths recorded for switch: median 5, max 40 (nearest rank). */
    static final int[] DEPTHS = {1, 3, 5, 5, 5, 7, 9, 40};

    @TempDir static Path run;
    static Workbench.Drawn drawn;

    @BeforeAll
    static void recordAndDraw() throws IOException {
        RecordedRun.record(run, WORKLOAD, "switch", 400, DEPTHS, 12, 7);
        RecordedRun.record(run, WORKLOAD, "threaded", 400, new int[0], 0, 0);
        try (InputStream in = WorkbenchTest.class.getResourceAsStream("/sample-jmh.json")) {
            Files.write(run.resolve("jmh.json"), in.readAllBytes());
        }
        Files.writeString(run.resolve("engines.txt"), "switch=the switch interpreter\nthreaded=handler table\n");
        Files.writeString(run.resolve("command.txt"), "./run-bench.sh --note '<script>alert(1)</script> & \"quotes\"'\n");
        Path op = run.resolve("opcodes").resolve(WORKLOAD).resolve("switch.json");
        Files.createDirectories(op.getParent());
        Files.writeString(op, """
                {"engine":"switch","workload":"pyvm_tailcall","args":["all","1"],"totalInstructions":100,"overheadNote":"counting only",
                 "functions":[{"index":12,"name":"f","instructions":100,"ops":{"local.get":60,"i32.add":30,"return_call_indirect":10},
                 "pairs":{"local.get>i32.add":30,"local.get>local.get":20}}]}
                """);
        drawn = Workbench.draw(run);
    }

    private static Set<String> pngs() {
        return drawn.figures().stream().map(Figure::png).collect(Collectors.toSet());
    }

    @Test
    void drawsEveryKindOfChartTheFolderAllows() {
        assertThat(pngs()).contains(
                "charts/results-workloadbenchmark.run.png", "charts/results-workloadbenchmark.run-geomean.png",
                "charts/depth-jvm-pyvm_tailcall.png", "charts/depth-wasm-pyvm_tailcall.png",
                "charts/opcodes-pyvm_tailcall-switch.png", "charts/opcodes-pyvm_tailcall-threaded.png",
                "charts/functions-pyvm_tailcall-switch.png",
                "charts/opcount-pyvm_tailcall-switch.png", "charts/oppairs-pyvm_tailcall-switch.png");
        // threaded has no WasmCallDepth events and no JVM frame names a function: said, not drawn
        assertThat(pngs()).doesNotContain("charts/functions-pyvm_tailcall-threaded.png");
        assertThat(drawn.notes()).anyMatch(n -> n.contains("threaded") && n.contains("no per-function chart"));
        for (Figure f : drawn.figures()) {
            assertThat(run.resolve(f.png())).isRegularFile();
            assertThat(run.resolve(f.svg())).content().startsWith("<?xml").contains("<svg");
        }
    }

    @Test
    void pngsAre1200By800() throws IOException {
        for (Figure f : drawn.figures()) {
            byte[] b = Files.readAllBytes(run.resolve(f.png()));
            assertThat(Arrays.copyOf(b, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            int w = ((b[16] & 0xFF) << 24) | ((b[17] & 0xFF) << 16) | ((b[18] & 0xFF) << 8) | (b[19] & 0xFF);
            int h = ((b[20] & 0xFF) << 24) | ((b[21] & 0xFF) << 16) | ((b[22] & 0xFF) << 8) | (b[23] & 0xFF);
            assertThat(new int[] {w, h}).as(f.png()).containsExactly(1200, 800);
        }
    }

    @Test
    void recordedSamplesAreAttributedToSpecInstructions() throws IOException {
        var module = ValidatedModule.of(WorkloadCatalog.load().get(WORKLOAD).wasm());
        JfrProfile p = JfrReader.read(run.resolve("jfr/" + WORKLOAD + "/switch.jfr"), Engines.byName("switch").frameAttribution(module));
        assertThat(p.samples()).isGreaterThan(20);
        assertThat(p.jvmDepths()).hasSize((int) p.samples());
        assertThat(p.attributedOpcodes()).isPositive();
        Set<String> spec = Arrays.stream(Op.values()).map(o -> o.text).collect(Collectors.toSet());
        for (String label : p.opcodeSelf().keySet()) {
            if (label.startsWith("(")) continue;   // (dispatch)
            assertThat(label.split("[+/]")).as(label).allSatisfy(part -> assertThat(spec).contains(part));
        }
        // the synthetic WasmCallDepth events, read back field by field
        assertThat(p.wasmDepthEvents()).isEqualTo(DEPTHS.length);
        assertThat(p.wasmDepths()).containsExactlyInAnyOrder(Arrays.stream(DEPTHS).boxed().toArray(Integer[]::new));
        assertThat(p.wasmFunctionSelf()).containsExactly(java.util.Map.entry(12, (long) DEPTHS.length));
        assertThat(p.wasmFunctionTotal()).containsOnlyKeys(12, 7);
    }

    @Test
    void depthSummaryUsesNearestRank() {
        int[] sorted = DEPTHS.clone();
        Arrays.sort(sorted);
        var s = DepthChart.Stats.of(sorted);
        assertThat(List.of(s.n(), s.median(), s.p99(), s.max())).containsExactly(8, 5, 40, 40);
    }

    @Test
    void pageIsSelfContainedAndEscaped() throws IOException {
        String html = Files.readString(drawn.index());
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(html.split("<img ", -1).length - 1).isEqualTo(drawn.figures().size());
        assertThat(html).contains("<table>").contains("Stack depth").contains("Not drawn");
    }

    @Test
    void resultsMarkdownGetsOneChartsSection() throws IOException {
        Workbench.draw(run);   // drawing again replaces the section
        String md = Files.readString(run.resolve("results.md"));
        assertThat(md.split(java.util.regex.Pattern.quote(ResultsMarkdown.BEGIN), -1)).hasSize(2);
        assertThat(md).contains("(charts/depth-jvm-pyvm_tailcall.png)").contains("| workload |");   // tables kept
    }

    /** Headless Chromium: no console message, no failed or external load, every chart rendered with a size. */
    @Test
    void pageRendersInHeadlessChromium() throws Exception {
        Path script = Path.of("src/test/browser/check-page.sh").toAbsolutePath();
        Path shot = Path.of("target/index-screenshot.png").toAbsolutePath();
        Process p = new ProcessBuilder("bash", script.toString(), drawn.index().toString(),
                String.valueOf(drawn.figures().size()), shot.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("check-page.sh finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("problems=0");
        assertThat(shot).isRegularFile();
    }
}
