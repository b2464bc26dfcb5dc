package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on src/test/resources/sample-jmh.json: a JMH-format file with two engines (switch, tree).
 * WorkloadBenchmark: switch fib 120 ± 2.4 ms, switch nbody 2500 ± 30 us (= 2.5 ± 0.03 ms),
 * tree fib 60 ± 1.2 ms, tree nbody 5 ms without error ("NaN"); InstantiateBenchmark: switch fib
 * 0.5 ± 0.05 ms, tree fib 0.25 ± 0.005 ms. Expected strings below are worked out by hand from those.
 */
class ResultTablesTest {
    @TempDir Path dir;
    Path jmh;

    @BeforeEach
    void copySample() throws IOException {
        jmh = dir.resolve("jmh.json");
        try (InputStream in = getClass().getResourceAsStream("/sample-jmh.json")) {
            Files.copy(in, jmh);
        }
    }

    private Path run(String... extra) throws IOException {
        Path out = dir.resolve("out");
        String[] base = {"--jmh", jmh.toString(), "--out", out.toString(), "--title", "sample run"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        ResultTables.write(ResultTables.parse(args));
        return out;
    }

    @Test
    void markdownHasOneRowPerWorkloadOneColumnPerEngineAndRatios() throws IOException {
        String md = Files.readString(run("--workloads", "fib,nbody,richards").resolve("results.md"));
        assertThat(md).startsWith("# sample run\n\n> **Incomplete: 6 requested results are missing");
        assertThat(md).contains("| workload | switch (ms) | tree (ms) | tree/switch |\n|---|---:|---:|---:|\n");
        // ratio 0.5, error 0.5 * sqrt(0.02² + 0.02²) = 0.01414 -> 2 significant digits
        assertThat(md).contains("| fib | 120.0 ± 2.4 | 60.0 ± 1.2 | 0.500 ± 0.014 |\n");
        // us/op converted to ms; tree has no error estimate, so neither has the ratio 5 / 2.5
        assertThat(md).contains("| nbody | 2.500 ± 0.030 | 5.000 ± n/a | 2.000 ± n/a |\n");
        assertThat(md).contains("| richards | — | — | — |\n");
        assertThat(md).contains("switch × richards, tree × richards");
        // instantiation: 0.05 / 0.5 = 10% > 5% -> flagged; ratio error 0.5 * sqrt(0.1² + 0.02²) = 0.05099
        assertThat(md).contains("## Instantiation only");
        assertThat(md).contains("| fib | 0.500 ± 0.050 † | 0.2500 ± 0.0050 | 0.500 ± 0.051 |\n");
        assertThat(md).contains("† error above 5% of the score");
        assertThat(md).contains("JMH 1.37, 2 forks × (3 warm-up × 2 s + 5 measurement × 2 s iterations), 1 thread");
        assertThat(md).contains("fork JVM args `-Xss16m -Xms2g -Xmx2g`");
        assertThat(md.indexOf("## Full run")).isLessThan(md.indexOf("## Instantiation only"));
    }

    @Test
    void fullRunIsFollowedByTheFastestStrategyPerWorkload() throws IOException {
        String md = Files.readString(run("--workloads", "fib,nbody,richards").resolve("results.md"));
        int table = md.indexOf("### Fastest strategy per workload");
        assertThat(table).isGreaterThan(md.indexOf("| richards | — | — | — |")).isLessThan(md.indexOf("## Instantiation only"));
        assertThat(md.indexOf("### Fastest", table + 1)).isEqualTo(-1);  // not after instantiation
        assertThat(md).contains("| workload | fastest | switch/fastest | tree/fastest | note |\n");
        // tree 60 ± 1.2 [58.8, 61.2] vs switch [117.6, 122.4]: clear; 120/60 = 2 ± 2·sqrt(0.02² + 0.02²) = 0.0566
        assertThat(md).contains("| fib | **tree** | 2.000 ± 0.057 | 1 |  |\n");
        assertThat(md).contains("| nbody | switch | 1 | 2.000 ± n/a | not established: no error estimate for tree |\n");
        assertThat(md).contains("| richards | — | — | — | fewer than 2 engines have a result; missing: switch, tree |\n");
        // switch: ratios 2 ± 0.0566 (fib) and 1 ± 0 (nbody) → sqrt(2) = 1.4142 ± 1.4142·0.02828/2 = 0.0200;
        // tree: 1 and 2 ± n/a → 1.4142 ± n/a
        assertThat(md).contains("| switch | 1 | 0 | 1.414 ± 0.020 | 2 |\n| tree | 1 | 1 | 1.414 ± n/a | 2 |\n");
    }

    @Test
    void csvHoldsUnroundedValuesInMilliseconds() throws IOException {
        List<String> lines = Files.readAllLines(run("--baseline", "switch").resolve("results.csv"));
        assertThat(lines.getFirst()).isEqualTo(
                "benchmark,workload,size,switch_ms,switch_error_ms,tree_ms,tree_error_ms,tree/switch,tree/switch_error,"
                + "fastest,fastest_status,switch/fastest,switch/fastest_error,tree/fastest,tree/fastest_error");
        assertThat(lines).hasSize(4);
        Map<String, Double> fib = row(lines, "WorkloadBenchmark.run,fib,");
        assertThat(fib.get("switch_ms")).isEqualTo(120.0);
        assertThat(fib.get("switch_error_ms")).isEqualTo(2.4);
        assertThat(fib.get("tree/switch")).isEqualTo(0.5);
        assertThat(fib.get("tree/switch_error")).isCloseTo(0.0141421356, within(1e-9));
        // fastest: tree 60 ± 1.2 [58.8, 61.2] clear of switch 120 ± 2.4 [117.6, 122.4]; 120/60 = 2 ± 2·sqrt(0.02² + 0.02²)
        assertThat(lines.get(1)).contains(",tree,clear,");
        assertThat(fib.get("switch/fastest")).isEqualTo(2.0);
        assertThat(fib.get("switch/fastest_error")).isCloseTo(0.0565685425, within(1e-9));
        assertThat(fib.get("tree/fastest")).isEqualTo(1.0);
        assertThat(fib.get("tree/fastest_error")).isEqualTo(0.0);
        Map<String, Double> nbody = row(lines, "WorkloadBenchmark.run,nbody,");
        assertThat(nbody.get("switch_ms")).isCloseTo(2.5, within(1e-12));
        assertThat(nbody.get("switch_error_ms")).isCloseTo(0.03, within(1e-12));
        assertThat(nbody.get("tree_error_ms")).isNull();  // empty cell: no estimate
        // tree has no error estimate on nbody: switch is fastest, but not established
        assertThat(lines.stream().filter(l -> l.startsWith("WorkloadBenchmark.run,nbody,"))).singleElement()
                .asString().contains(",switch,unknown,");
        assertThat(nbody.get("tree/fastest")).isCloseTo(2.0, within(1e-12));
        assertThat(nbody.get("tree/fastest_error")).isNull();
        Map<String, Double> inst = row(lines, "InstantiateBenchmark.instantiate,fib,");
        assertThat(inst.get("tree/switch_error")).isCloseTo(0.5 * Math.sqrt(0.01 + 0.0004), within(1e-12));
        assertThat(inst).doesNotContainKey("tree/fastest");  // the fastest columns are for the full run only
        assertThat(lines.getLast()).startsWith("InstantiateBenchmark.instantiate,fib,").endsWith("0.050990195135927854,,,,,,");  // six empty fastest cells
    }

    @Test
    void baselineCanBeAnyEngine() throws IOException {
        String md = Files.readString(run("--baseline", "tree").resolve("results.md"));
        assertThat(md).contains("| workload | tree (ms) | switch (ms) | switch/tree |");
        assertThat(md).contains("| fib | 60.0 ± 1.2 | 120.0 ± 2.4 | 2.000 ± 0.057 |\n");
    }

    @Test
    void writesMergedJsonAndEnvironmentSection() throws IOException {
        Path env = dir.resolve("environment.json");
        Files.writeString(env, """
                {"timestampUtc":"2025-01-01T00:00:00Z","host":"bench1","os":{"name":"Linux","kernel":"6.1.0","arch":"amd64"},
                 "cpu":{"model":"Example CPU @ 3.0GHz","availableProcessors":2},"memory":"24000000 kB",
                 "java":{"version":"25.0.3+9-LTS","vendor":"Eclipse Adoptium","vmName":"OpenJDK 64-Bit Server VM",
                         "benchmarkJvmArgs":"-Xss16m"},"git":{"commit":"abc123","dirty":true}}
                """);
        Path merged = dir.resolve("merged.json");
        Path descriptions = dir.resolve("engines.properties");
        Files.writeString(descriptions, "engines=switch,tree\nengine.x=ignored\nswitch=switch-dispatch interpreter\n");
        Path out = run("--environment", env.toString(), "--merged-json", merged.toString(), "--note", "INTERRUPTED",
                "--engine-descriptions", descriptions.toString());
        String md = Files.readString(out.resolve("results.md"));
        assertThat(md).contains("> **INTERRUPTED**");
        assertThat(md).contains("Engines:\n\n- `switch`: switch-dispatch interpreter\n\n");  // tree has no description
        assertThat(md).doesNotContain("ignored");
        assertThat(md).contains("## Environment");
        assertThat(md).contains("- CPU: Example CPU @ 3.0GHz — 2 CPUs available\n");
        assertThat(md).contains("- Sources: git abc123 (with uncommitted changes)\n");
        assertThat(JmhJson.MAPPER.readTree(merged.toFile()).size()).isEqualTo(6);
        try (Stream<Path> s = Files.list(out)) {  // atomic writes leave no temporary files behind
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("results.csv", "results.md");
        }
        if (Files.getFileStore(out).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("results.md"))))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void anExpectedBenchmarkWithoutAnyResultShowsAsMissing() throws IOException {
        Path out = dir.resolve("out");
        ResultTables.Written w = ResultTables.write(ResultTables.parse(new String[] {"--jmh", jmh.toString(), "--out",
                out.toString(), "--engines", "switch,tree", "--workloads", "fib",
                "--benchmarks", "org.tailbench.bench.WorkloadBenchmark.run,org.tailbench.bench.CompileBenchmark.compile"}));
        assertThat(w.missing()).isEqualTo(2);  // CompileBenchmark: switch × fib and tree × fib
        String md = Files.readString(out.resolve("results.md"));
        assertThat(md).contains("## Decode + validate + compile");
        assertThat(md).contains("No result (the benchmark failed — e.g. a wrong answer — or was not run; see `jmh.log`): switch × fib, tree × fib.");
        // rows restricted to the requested workloads plus whatever has results
        assertThat(md).contains("| fib | 120.0 ± 2.4 | 60.0 ± 1.2 | 0.500 ± 0.014 |");
    }

    @Test
    void readsADirectoryOfPartsAndAnEmptyPart() throws IOException {
        Path parts = dir.resolve("parts");
        Files.createDirectories(parts);
        Files.move(jmh, parts.resolve("01-all.json"));
        Files.writeString(parts.resolve("02-interrupted.json"), "");
        jmh = parts;
        assertThat(Files.readString(run().resolve("results.md"))).contains("| fib | 120.0 ± 2.4 | 60.0 ± 1.2 | 0.500 ± 0.014 |");
    }

    @Test
    void rejectsThroughputUnitsAndBadArguments() throws IOException {
        Files.writeString(jmh, Files.readString(jmh).replace("\"ms/op\"", "\"ops/ms\""));
        assertThatThrownBy(this::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ops/ms");
        assertThatThrownBy(() -> ResultTables.parse(new String[] {"--out"})).hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> ResultTables.parse(new String[] {"--out", "x"})).hasMessageContaining("--jmh");
    }

    /** @return the CSV row starting with {@code prefix} as header → number (empty cells absent) */
    private static Map<String, Double> row(List<String> lines, String prefix) {
        String[] header = lines.getFirst().split(",", -1);
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        String[] cells = line.split(",", -1);
        assertThat(cells).hasSameSizeAs(header);
        Map<String, Double> m = new HashMap<>();
        for (int i = 3; i < cells.length; i++) {
            if (!cells[i].isEmpty() && !header[i].startsWith("fastest")) m.put(header[i], Double.parseDouble(cells[i]));
        }
        return m;
    }
}
