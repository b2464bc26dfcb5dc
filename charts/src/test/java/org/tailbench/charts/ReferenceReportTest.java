package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference tables, on sample-jmh.json (WorkloadBenchmark: switch nbody 2.5 ms, tree nbody 5 ms,
 * switch fib 120 ms, tree fib 60 ms) plus a hand-written reference.sh TSV. Expected values are worked out
 * by hand: nbody native-gcc runs 0.5, 0.4, 0.6 → median 0.5, MAD 0.1, so switch/native-gcc = 2.5 / 0.5 = 5,
 * tree = 10; node median of 50, 60, 55 = 55 → 110; node-inproc median of 1, 2, 3 = 2 → 4.
 */
class ReferenceReportTest {
    static final String SHA = "ae542b305e4ebe2a717eca68cc7c6be83e54a790178cc86952b4301deec31751";

    @TempDir Path dir;
    Path jmh, tsv;

    @BeforeEach
    void files() throws IOException {
        jmh = dir.resolve("jmh.json");
        try (InputStream in = getClass().getResourceAsStream("/sample-jmh.json")) {
            Files.copy(in, jmh);
        }
        tsv = dir.resolve("references.tsv");
        Files.writeString(tsv, String.join("\n",
                Reference.TSV_HEADER,
                "nbody\tdefault\tnative-gcc\tok\t0.5 0.4 0.6\t" + SHA + "\tgcc 12.2.0 -O2; timer: loop",
                "nbody\tdefault\tnative-clang\tn/a\t\t\tclang-19 is not installed",
                "nbody\tdefault\tnode\tok\t50 60 55\t" + SHA + "\tnode v20 whole process",
                "nbody\tdefault\tnode-inproc\tok\t1 2 3\t" + SHA + "\tnode v20 in one process",
                "fib\tdefault\tnative-gcc\tfailed\t\tabc\tWRONG OUTPUT: stdout sha256 abc, expected def; not timed",
                "") );
    }

    @Test
    void statisticsAreMedianMinMaxAndMedianAbsoluteDeviation() {
        Reference odd = new Reference("w", "default", "native-gcc", Reference.Status.OK, List.of(10.0, 12.0, 11.0, 30.0, 9.0), "", "");
        assertThat(odd.median()).isEqualTo(11.0);
        assertThat(odd.min()).isEqualTo(9.0);
        assertThat(odd.max()).isEqualTo(30.0);
        assertThat(odd.mad()).isEqualTo(1.0);  // |deviations| 2, 1, 0, 1, 19 → median 1
        Reference even = new Reference("w", "default", "node", Reference.Status.OK, List.of(4.0, 1.0, 3.0, 2.0), "", "");
        assertThat(even.median()).isEqualTo(2.5);
        assertThat(even.mad()).isEqualTo(1.0);  // 1.5, 1.5, 0.5, 0.5 → (0.5 + 1.5) / 2
        assertThat(even.format()).isEqualTo("2.50 (1.00–4.00)");
        assertThat(new Reference("w", "s", "n", Reference.Status.NOT_AVAILABLE, List.of(), "", "why").median()).isNaN();
        assertThatThrownBy(() -> new Reference("w", "s", "n", Reference.Status.OK, List.of(), "", ""))
                .hasMessageContaining("ok without runs");
    }

    @Test
    void markdownHasTheReferenceTablesApartFromJmhWithRatiosToNativeGcc() throws IOException {
        Path out = dir.resolve("out");
        ResultTables.Written w = ResultTables.write(ResultTables.parse(new String[] {"--jmh", jmh.toString(), "--out",
                out.toString(), "--references", tsv.toString(), "--workloads", "fib,nbody", "--engines", "switch,tree"}));
        // instantiation has no nbody results (2 cells) + the failed fib reference
        assertThat(w.missing()).isEqualTo(3);
        String md = Files.readString(out.resolve("results.md"));
        assertThat(md).contains(" 1 reference cell FAILED (wrong output or a failing run); see References.**");
        int refs = md.indexOf("## References (whole process, includes process start)");
        assertThat(refs).isGreaterThan(md.indexOf("## Instantiation only")).isLessThan(md.indexOf("## JMH settings"));
        assertThat(md).contains("`median (min–max)` over 3 timed runs");
        assertThat(md).contains("| workload | native-gcc (ms) | native-clang (ms) | node (ms) |\n|---|---:|---:|---:|\n"
                // 3 runs: t(0.9995, 2) = 31.6 makes every half-width far above 5% of the median: all noisy (†)
                + "| nbody | 0.500 (0.400–0.600) † | n/a | 55.0 (50.0–60.0) † |\n"
                + "| fib | **FAILED** | — | — |\n");
        assertThat(md).contains("### In one process (excludes process start and compilation)");
        assertThat(md).contains("| workload | node-inproc (ms) |\n|---|---:|\n| nbody | 2.00 (1.00–3.00) † |\n| fib | — |\n");
        assertThat(md).contains("| workload | switch/native-gcc | tree/native-gcc | native-clang/native-gcc | node/native-gcc | node-inproc/native-gcc |\n"
                + "|---|---:|---:|---:|---:|---:|\n"
                + "| nbody | 5.00 | 10.0 | — | 110 | 4.00 |\n"
                + "| fib | — | — | — | — | — |\n");
        assertThat(md).contains("- `native-gcc`: gcc 12.2.0 -O2; timer: loop\n");
        assertThat(md).contains("- `native-clang` × nbody: clang-19 is not installed\n");
        assertThat(md).contains("- `native-gcc` × fib: WRONG OUTPUT: stdout sha256 abc, expected def; not timed\n");
        assertThat(md).contains(MarkdownReport.CATALOG_OUTPUT_CHECK);
    }

    @Test
    void csvFilesHoldTheStatisticsAndTheEngineToNativeGccRatios() throws IOException {
        Path out = dir.resolve("out");
        ResultTables.write(ResultTables.parse(new String[] {"--jmh", jmh.toString(), "--out", out.toString(),
                "--references", tsv.toString(), "--output-check", "Checked against the first run."}));
        List<String> refs = Files.readAllLines(out.resolve("references.csv"));
        assertThat(refs.getFirst()).isEqualTo("workload,size,reference,status,runs,median_ms,min_ms,max_ms,mad_ms,sha256,detail");
        String[] gcc = refs.get(1).split(",", -1);
        assertThat(List.of(gcc).subList(0, 5)).containsExactly("nbody", "default", "native-gcc", "ok", "3");
        assertThat(Double.parseDouble(gcc[5])).isEqualTo(0.5);
        assertThat(Double.parseDouble(gcc[6])).isEqualTo(0.4);
        assertThat(Double.parseDouble(gcc[7])).isEqualTo(0.6);
        assertThat(gcc[8]).isEqualTo("0.1");  // |0.5-0.5|, |0.4-0.5|, |0.6-0.5| → 0.1 (rounded: no 0.0999…98)
        assertThat(List.of(gcc).subList(9, 11)).containsExactly(SHA, "gcc 12.2.0 -O2; timer: loop");
        assertThat(refs.get(2)).isEqualTo("nbody,default,native-clang,n/a,0,,,,,,clang-19 is not installed");
        assertThat(refs.get(4)).startsWith("nbody,default,node-inproc,ok,3,2,1,3,1,");
        assertThat(refs.get(5)).isEqualTo("fib,default,native-gcc,failed,0,,,,,abc,\"WRONG OUTPUT: stdout sha256 abc, expected def; not timed\"");
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        String[] header = results.getFirst().split(",");
        assertThat(header).endsWith("switch/native-gcc", "tree/native-gcc");
        String[] nbody = results.stream().filter(l -> l.startsWith("WorkloadBenchmark.run,nbody,")).findFirst().orElseThrow().split(",", -1);
        assertThat(Double.parseDouble(nbody[header.length - 2])).isCloseTo(5.0, within(1e-9));
        assertThat(Double.parseDouble(nbody[header.length - 1])).isCloseTo(10.0, within(1e-9));
        String inst = results.stream().filter(l -> l.startsWith("InstantiateBenchmark")).findFirst().orElseThrow();
        assertThat(inst).endsWith(",,");  // not a full run: no native ratio
        String md = Files.readString(out.resolve("results.md"));
        assertThat(md).contains("Checked against the first run.").doesNotContain(MarkdownReport.CATALOG_OUTPUT_CHECK);
    }

    @Test
    void malformedTsvIsRejectedWithFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, Reference.TSV_HEADER + "\nnbody\tdefault\tnode\tok\t1 x\t\t\n");
        assertThatThrownBy(() -> Reference.readTsv(bad)).hasMessageContaining("bad.tsv line 2");
        Files.writeString(bad, Reference.TSV_HEADER + "\nnbody\tdefault\tnode\tmaybe\t\t\t\n");
        assertThatThrownBy(() -> Reference.readTsv(bad)).hasMessageContaining("status must be ok, n/a or failed");
        Files.writeString(bad, "workload,size\n");
        assertThatThrownBy(() -> Reference.readTsv(bad)).hasMessageContaining("not a reference.sh TSV");
    }

    @Test
    void referenceCellsCarryTheJmhTablesNoiseMarker() {
        // runs 10, 10.1, 9.9: mean 10, sd 0.1, half-width t(0.9995, 2) = 31.599 × 0.1 / √3 = 1.824 ms = 18% of the median → †
        Reference noisy = new Reference("w", "default", "native-gcc", Reference.Status.OK, List.of(10.0, 10.1, 9.9), "", "");
        assertThat(noisy.error()).isCloseTo(31.599 * 0.1 / Math.sqrt(3), within(1e-3));
        assertThat(noisy.noisy()).isTrue();
        // ten runs alternating 10.0 / 10.02: sd 0.010541, t(0.9995, 9) = 4.781 → 0.0159 ms, 0.16% → no †
        List<Double> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) runs.add(i % 2 == 0 ? 10.0 : 10.02);
        Reference quiet = new Reference("w", "default", "native-gcc", Reference.Status.OK, runs, "", "");
        assertThat(quiet.error()).isCloseTo(4.781 * 0.0105409 / Math.sqrt(10), within(1e-4));
        assertThat(quiet.noisy()).isFalse();
        assertThat(new Reference("w", "default", "node", Reference.Status.OK, List.of(5.0), "", "").noisy()).as("one run: no error").isFalse();
        String md = ReferenceReport.markdown(List.of(noisy), List.of());
        assertThat(md).contains(" †").contains("† as in the JMH tables");
    }

    @Test
    void aWorkloadGccCannotBuildIsDividedByClangAndSaysSo() {
        List<Reference> refs = List.of(
                new Reference("pyvm_tailcall", "default", "native-gcc", Reference.Status.NOT_AVAILABLE, List.of(), "", "gcc: no musttail"),
                new Reference("pyvm_tailcall", "default", "native-clang", Reference.Status.OK, List.of(4.0, 4.0, 4.0), SHA, "clang-19 -O2"),
                new Reference("pyvm_tailcall", "default", "node", Reference.Status.OK, List.of(12.0, 12.0, 12.0), SHA, "node"));
        String md = ReferenceReport.markdown(refs, List.of());
        // node / clang = 12 / 4 = 3; clang's own column is not divided by itself
        assertThat(md).contains("| pyvm_tailcall (÷ native-clang) | — | 3").contains("divided by the native `clang-19 -O2`");
    }
}
