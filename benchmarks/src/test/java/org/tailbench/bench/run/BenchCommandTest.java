package org.tailbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.charts.JmhJson;
import picocli.CommandLine;

/**
 * {@code tailbench bench}: the {@code --dry-run} plan against a golden file (reviewed by hand against the quick
 * profile's definition: 1 fork, 3 + 8 iterations of 750 ms for the run, 7 + 8 of 500 ms for instantiation and
 * compile, no measured times; with the assumed chances of re-runs, RetriesTest: run 0m12s first, 0m40s expected;
 * instantiation and compile 0m11s, 0m19s; in all 6m16s, 2m58s of it re-runs), bad usage, and one tiny real run (smoke profile: switch × nbody at size smoke).
 * Another JMH run on the machine makes the real run wait for /tmp/jmh.lock.
 */
class BenchCommandTest {
    static final Path ROOT = Repo.find();

    record Result(int code, String out, String err) {}

    static Result bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new CommandLine(new BenchCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The console without its clock: "[bench 12:34:56] " → "[bench] ". */
    static String clockless(String s) { return s.replaceAll("\\[bench \\d\\d:\\d\\d:\\d\\d\\] ", "[bench] "); }

    static String golden(String name) throws IOException {
        try (var in = BenchCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void dryRunPrintsThePlanTheEstimateAndTheJmhCommands(@TempDir Path results) throws IOException {
        Result r = bench("--dry-run", "--engines", "switch,aot", "--workloads", "nbody,richards", "--jfr",
                "--results-dir", results.toString(), "--root", ROOT.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(clockless(r.out())).isEqualTo(golden("dry-run.golden"));
        try (Stream<Path> s = Files.list(results)) {
            assertThat(s).as("a dry run writes nothing").isEmpty();
        }
    }

    @Test
    void aShardRunsItsSliceOfTheSamePlan(@TempDir Path results) {
        Result all = bench("--dry-run", "--engines", "switch,aot", "--workloads", "nbody", "--references", "none",
                "--results-dir", results.toString());
        Result second = bench("--dry-run", "--engines", "switch,aot", "--workloads", "nbody", "--references", "none",
                "--shard", "2/4", "--results-dir", results.toString());
        assertThat(all.out()).contains("6 JMH invocations");
        // unsharded: 3 benchmarks × 2 engines; sharded, each of the quick profile's 1 fork is a unit: units 2 and 6 go to shard 2/4
        assertThat(second.out()).contains("2 JMH invocations").contains("shard 2/4")
                .contains("WorkloadBenchmark\\.run$' -p engine=aot").contains("CompileBenchmark\\.compile$' -p engine=aot")
                .doesNotContain("engine=switch");
    }

    @Test
    void engineOptionsGoToTheForkedJvmsAsOneProperty(@TempDir Path results) {
        Result plain = bench("--dry-run", "--engines", "aot", "--workloads", "nbody", "--references", "none",
                "--results-dir", results.toString());
        assertThat(plain.out()).doesNotContain("tailbench.options");
        Result tuned = bench("--dry-run", "--engines", "aot", "--workloads", "nbody", "--references", "none",
                "--option", "aot.frame=false", "--option", "aot.cheapBudget=6000", "--results-dir", results.toString());
        assertThat(tuned.code()).as(tuned.err()).isZero();
        assertThat(tuned.out()).contains("-Dtailbench.options=aot.frame=false,aot.cheapBudget=6000");
        Result unknown = bench("--dry-run", "--engines", "aot", "--option", "aot.fram=false", "--results-dir", results.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown engine option \"aot.fram\"").contains("aot.frame");
    }

    @Test
    void badUsageExitsWith2AndSaysWhy(@TempDir Path results) {
        Result unknown = bench("--dry-run", "--engines", "nope", "--results-dir", results.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown engine 'nope'").contains("switch");
        assertThat(bench("--profile", "slow").err()).contains("--profile must be quick or full, not 'slow'");
        assertThat(bench("--shard", "3/2").err()).contains("--shard must be i/n");
        assertThat(bench("--workloads", "nbody", "--size", "huge", "--dry-run").err()).contains("workload 'nbody' has no size 'huge'");
        assertThat(bench("--baseline", "aot", "--engines", "switch", "--dry-run").err()).contains("--baseline aot is not among the engines run");
    }

    @Test
    @Timeout(600)
    void aTinyRealRunWritesTheRunFolder(@TempDir Path results) throws IOException {
        Result r = bench("--engines", "switch", "--workloads", "nbody", "--size", "smoke", "--profile", "smoke",
                "--references", "none", "--results-dir", results.toString(), "--root", ROOT.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Path run = results.resolve("latest").toRealPath();
        for (String f : List.of("results.md", "results.csv", "jmh.json", "jmh.log", "environment.json", "command.txt",
                "engines.txt", "peers.txt", "index.html")) {
            assertThat(run.resolve(f)).as(f).isRegularFile();
        }
        JsonNode jmh = JmhJson.MAPPER.readTree(run.resolve("jmh.json").toFile());
        assertThat(jmh).hasSize(3);
        for (JsonNode e : jmh) {
            assertThat(e.path("params").path("engine").asText()).isEqualTo("switch");
            assertThat(e.path("primaryMetric").path("score").asDouble()).isPositive();
        }
        assertThat(Files.readString(run.resolve("results.md"))).contains("| nbody | smoke |");
        assertThat(Files.readString(run.resolve("jmh.log"))).as("JMH's own output goes to jmh.log").contains("# Benchmark: org.tailbench.bench.WorkloadBenchmark.run");
        assertThat(r.out()).as("the console shows progress, not JMH's output").contains("(1/3) run × nbody × switch")
                .contains("to go").doesNotContain("# Warmup");
        JsonNode env = JmhJson.MAPPER.readTree(run.resolve("environment.json").toFile());
        assertThat(env.has("loadAverage1mAtStart")).isTrue();
        assertThat(env.has("loadAverage1mAtEnd")).isTrue();
    }

    @Test
    @Timeout(600)
    void twoShardsOnOneMachineMergeIntoOneReport(@TempDir Path results) throws IOException {
        for (String shard : List.of("1/2", "2/2")) {
            Result r = bench("--engines", "switch", "--workloads", "nbody", "--size", "smoke", "--profile", "smoke",
                    "--references", "none", "--shard", shard, "--results-dir", results.toString(), "--root", ROOT.toString());
            assertThat(r.code()).as(r.out() + r.err()).isZero();
        }
        List<Path> shards;
        try (Stream<Path> s = Files.list(results)) {
            shards = s.filter(p -> p.getFileName().toString().contains("-shard")).sorted().toList();
        }
        assertThat(shards).hasSize(2);
        // 3 units (run, instantiate, compile): shard 1 runs the 1st and 3rd, shard 2 the 2nd
        assertThat(JmhJson.MAPPER.readTree(shards.get(0).resolve("jmh.json").toFile())).hasSize(2);
        assertThat(JmhJson.MAPPER.readTree(shards.get(1).resolve("jmh.json").toFile())).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Path merged = results.resolve("merged");
        int code = new CommandLine(new MergeCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(shards.get(0).toString(), shards.get(1).toString(), "--out", merged.toString());
        assertThat(code).as(out + " " + err).isZero();
        assertThat(JmhJson.MAPPER.readTree(merged.resolve("jmh.json").toFile())).hasSize(3);
        assertThat(Files.readString(merged.resolve("results.md"))).contains("Merged from 2 shard folders").contains("on one host")
                .contains("| nbody | smoke |");
        assertThat(JmhJson.MAPPER.readTree(merged.resolve("environment.json").toFile()).path("shards")).hasSize(2);
        assertThat(merged.resolve("index.html")).isRegularFile();
    }

    /**
     * A module made for the purpose (sightglass-mini.wat: a setup loop of 100 000 steps, then bench.start, 200 000
     * steps, bench.end): every reference runner gives it the bench imports (node included), and the tables report
     * the marked region beside the whole run — shorter than it, as the setup loop is outside the region.
     */
    @Test
    @Timeout(600)
    void aSightglassModuleGetsItsImportsEverywhereAndItsRegionInTheTables(@TempDir Path dir) throws IOException {
        Path wasm = dir.resolve("sightglass-mini.wasm");
        try (var in = BenchCommandTest.class.getResourceAsStream("sightglass-mini.wasm")) {
            Files.copy(in, wasm);
        }
        Path results = dir.resolve("results");
        Result r = bench("--engines", "switch", "--wasm", wasm.toString(), "--profile", "smoke", "--references", "all",
                "--reference-runs", "2", "--results-dir", results.toString(), "--root", ROOT.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Path run = results.resolve("latest").toRealPath();
        String md = Files.readString(run.resolve("results.md"));
        assertThat(md).contains("## Marked region: `bench.start` → `bench.end`");
        double whole = Double.NaN, region = Double.NaN;
        for (JsonNode e : JmhJson.MAPPER.readTree(run.resolve("jmh.json").toFile())) {
            if (e.path("benchmark").asText().equals(Bench.RUN.fqn)) {
                whole = e.path("primaryMetric").path("score").asDouble();
                region = e.path("secondaryMetrics").path("region").path("score").asDouble();
            }
        }
        assertThat(region).isPositive().isLessThan(whole);
        String refs = Files.readString(run.resolve("references.csv"));
        assertThat(refs).as("node runs a module importing bench.*").contains("sightglass-mini,default,node,ok")
                .contains("sightglass-mini,default,node-inproc,ok").contains("sightglass-mini,default,node-region-inproc,ok");
        assertThat(md).contains("the same as node's WASI");
    }
}
