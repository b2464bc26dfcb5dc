package org.tailbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link Retries}: a cell's expected time counts its probable re-runs, from hand-made histories in a results folder
 * (jmh.json + jmh-attempts/) or, without one, from the assumed chances. Every expected number below is worked out by
 * hand from the quick profile's definition (Profile's javadoc and results/README.md "Attempts"): an average-time
 * attempt costs 3 s of fork + 2 setup operations + (warm-ups + iterations) × iteration length; the next attempt has
 * 2 × warm-ups + 3, 1.5 × iterations and iterations twice as long, while it fits the cell's budget (run 180 s,
 * instantiation and compile 120 s), 3 attempts at most.
 */
class RetriesTest {
    @TempDir Path root;

    private BenchConfig config(String profile) {
        BenchCommand cmd = new BenchCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        new CommandLine(cmd).parseArgs("--root", root.toString(), "--profile", profile);
        return cmd.config();
    }

    private Jmh jmh(String profile) { return new Jmh(config(profile), null, List.of()); }

    /** One JMH JSON entry of benchmark {@code method} (run, instantiate, compile) with the given settings and score ± error. */
    private static String entry(String method, String engine, String workload, int warmups, int iterations, String time,
                                double score, double error) {
        String fqn = switch (method) {
            case "run" -> "org.tailbench.bench.WorkloadBenchmark.run";
            case "instantiate" -> "org.tailbench.bench.InstantiateBenchmark.instantiate";
            default -> "org.tailbench.bench.CompileBenchmark.compile";
        };
        return """
            {"jmhVersion":"1.37","benchmark":"%s","mode":"avgt","threads":1,"forks":1,
             "jvm":"java","jvmArgs":[],"jdkVersion":"25","vmName":"VM","vmVersion":"25","warmupIterations":%d,"warmupTime":"%s",
             "warmupBatchSize":1,"measurementIterations":%d,"measurementTime":"%s","measurementBatchSize":1,
             "params":{"engine":"%s","size":"default","wasmArgs":"","wasmFile":"","workload":"%s"},
             "primaryMetric":{"score":%s,"scoreError":%s,"scoreConfidence":[0,0],"scorePercentiles":{},"scoreUnit":"ms/op",
             "rawData":[[1.0]]},"secondaryMetrics":{}}""".formatted(fqn, warmups, time, iterations, time, engine, workload, score, error);
    }

    private static void write(Path file, String... entries) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[" + String.join(",", entries) + "]");
    }

    @Test
    void withoutHistoryTheAssumedChancesWeighTheLaterAttempts() {
        // run, 60 ms per op: attempt 1 = 3 + 8 × 750 ms: 3000 + 120 + 11 × 750 = 11,370 ms; attempt 2 = 9 + 12 × 1500 ms:
        // 3000 + 120 + 21 × 1500 = 34,620; attempt 3 = 21 + 18 × 3000 ms: 3000 + 120 + 39 × 3000 = 120,120 (fits 180 s).
        // 11,370 + 0.55 × 34,620 + 0.55 × 0.14 × 120,120 = 11,370 + 19,041 + 9,249.24 = 39,660.24
        Profile.Jmh first = Profile.QUICK.run.adaptTo(60);
        Retries.Expected e = Retries.of(Bench.RUN, Profile.QUICK.run, first, s -> null);
        assertThat(e.firstMs()).isEqualTo(11_370);
        assertThat(e.ms()).isEqualTo(39_660);
        assertThat(e.reRunsMs()).isEqualTo(39_660 - 11_370);
        assertThat(e.fromHistory()).isFalse();
    }

    @Test
    void instantiationStartsLongerAndIsLessLikelyToBeMeasuredAgain() {
        // instantiation, 0.15 ms per op, setup 50 ms compile + 20 ms checked run = 70 ms: attempt 1 = 7 + 8 × 500 ms:
        // 3000 + 70 + 15 × 500 = 10,570; attempt 2 = 17 + 12 × 1000: 3000 + 70 + 29,000 = 32,070; attempt 3 =
        // 37 + 18 × 2000: 3000 + 70 + 110,000 = 113,070 (fits 120 s).
        // 10,570 + 0.17 × 32,070 + 0.17 × 0.14 × 113,070 = 10,570 + 5,451.9 + 2,691.066 = 18,712.966
        Profile.Jmh first = Profile.QUICK.other.adaptTo(0.15).withSetup(70, null);
        assertThat(first.warmups()).isEqualTo(7);
        assertThat(first.iterationMs()).isEqualTo(500);
        assertThat(Retries.of(Bench.INSTANTIATE, Profile.QUICK.other, first, s -> null).ms()).isEqualTo(18_713);
    }

    @Test
    void aCellNotRunCostsNothingAndAProfileOfOneAttemptCountsNoReRun() {
        Profile.Jmh over = Profile.QUICK.run.adaptTo(300_000);
        assertThat(Retries.of(Bench.RUN, Profile.QUICK.run, over, s -> true).ms()).isZero();
        Profile.Jmh smoke = Profile.SMOKE.run.adaptTo(Double.NaN);
        assertThat(Retries.of(Bench.RUN, Profile.SMOKE.run, smoke, s -> true).ms()).isEqualTo(smoke.estimateMs());
    }

    @Test
    void theLastRunsAttemptsAtTheSameSettingsAreReplayed() throws IOException {
        Path run = root.resolve("results/run1");
        // aot × nbody: its first attempt (3 + 8) was wide, kept in jmh-attempts/; its second (9 + 12) counted, narrow.
        // switch × nbody: its first attempt was narrow. richards: no history.
        write(run.resolve("jmh.json"), entry("run", "aot", "nbody", 9, 12, "1500 ms", 60.0, 3.0),
                entry("run", "switch", "nbody", 3, 8, "750 ms", 60.0, 1.2));
        write(run.resolve("jmh-attempts/001-run-nbody-aot.attempt1.json"), entry("run", "aot", "nbody", 3, 8, "750 ms", 62.0, 9.3));
        Files.createSymbolicLink(root.resolve("results/latest"), Path.of("run1"));
        OpTimes t = OpTimes.fromLatest(root.resolve("results"), "default");

        // aot: attempt 1 (wide last time, so certain) + attempt 2 (narrow last time: the end) = 11,370 + 34,620
        Retries.Expected aot = jmh("quick").expected(new Plan.Unit(Bench.RUN, "nbody", "aot", 0), t);
        assertThat(aot.ms()).isEqualTo(11_370 + 34_620);
        assertThat(aot.fromHistory()).isTrue();
        // switch: narrow at its first attempt: no re-run expected
        Retries.Expected sw = jmh("quick").expected(new Plan.Unit(Bench.RUN, "nbody", "switch", 0), t);
        assertThat(sw.ms()).isEqualTo(11_370);
        assertThat(sw.fromHistory()).isTrue();
        // the same cell at another size has no history: the assumed chances (as in the first test)
        OpTimes other = OpTimes.fromLatest(root.resolve("results"), "smoke");
        assertThat(other.wasWide(Bench.RUN, "nbody", "aot", Profile.QUICK.run.adaptTo(60))).isNull();
    }

    @Test
    void aCellStillWideAtItsLastAttemptStartsAtTheSecondAndExpectsTheThird() throws IOException {
        Path run = root.resolve("results/run1");
        // aot × nbody: attempts 1 (3 + 8) and 2 (9 + 12) wide, kept; attempt 3 (21 + 18) counted, still wide (20 %)
        write(run.resolve("jmh.json"), entry("run", "aot", "nbody", 21, 18, "3000 ms", 60.0, 12.0));
        write(run.resolve("jmh-attempts/001-run-nbody-aot.attempt1.json"), entry("run", "aot", "nbody", 3, 8, "750 ms", 60.0, 30.0));
        write(run.resolve("jmh-attempts/001-run-nbody-aot.attempt2.json"), entry("run", "aot", "nbody", 9, 12, "1500 ms", 60.0, 9.0));
        Files.createSymbolicLink(root.resolve("results/latest"), Path.of("run1"));
        OpTimes t = OpTimes.fromLatest(root.resolve("results"), "default");

        // the wide last error starts it at attempt 2 (34,620), wide last time, so attempt 3 (120,120) surely follows
        Retries.Expected e = jmh("quick").expected(new Plan.Unit(Bench.RUN, "nbody", "aot", 0), t);
        assertThat(e.firstMs()).isEqualTo(34_620);
        assertThat(e.ms()).isEqualTo(34_620 + 120_120);
    }

    @Test
    void theEstimateNamesTheReRunsAndTheirBasis() throws IOException {
        Path run = root.resolve("results/run1");
        write(run.resolve("jmh.json"), entry("run", "switch", "nbody", 3, 8, "750 ms", 60.0, 1.2));
        Files.createSymbolicLink(root.resolve("results/latest"), Path.of("run1"));
        OpTimes t = OpTimes.fromLatest(root.resolve("results"), "default");
        Plan plan = Plan.of(List.of("nbody"), List.of(Bench.RUN), List.of("switch", "aot"), java.util.Map.of(), 1, 1);
        // switch: history, narrow: 11,370, no re-run; aot: unknown time, assumed: (3000 + 11 × 750) = 11,250 first,
        // + 0.55 × (3000 + 21 × 1500) + 0.55 × 0.14 × (3000 + 39 × 3000) = 18,975 + 9,240 = 28,215 of re-runs → 0m29s
        assertThat(Estimates.reRunsBasis(config("quick"), plan, t, jmh("quick")))
                .startsWith("0m29s of it for probable re-runs of wide cells (error over 10 %")
                .contains("from this machine's last run for 1 cell and is assumed for 1")
                .contains("run 55 %, instantiation and compile 17 %; a later one 14 %");
        assertThat(Estimates.reRunsBasis(config("smoke"), plan, t, jmh("smoke"))).as("smoke: one attempt per cell").isNull();
    }

    @Test
    void aDryRunNamesTheBasisOfItsEstimate() throws IOException {
        Path results = root.resolve("results");
        write(results.resolve("run1/jmh.json"), entry("run", "switch", "nbody", 3, 8, "750 ms", 60.0, 1.2));
        Files.createSymbolicLink(results.resolve("latest"), Path.of("run1"));
        BenchCommandTest.Result r = BenchCommandTest.bench("--dry-run", "--engines", "switch,aot", "--workloads", "nbody",
                "--references", "none", "--results-dir", results.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(from the operation times of the last run, run1; 5 of 6 cells have none: assumed to fit an iteration)")
                .contains("the chance that an attempt is wide comes from this machine's last run for 1 cell and is assumed for 5")
                // switch's run cell: history, narrow: its first attempt only (3000 + 120 + 11 × 750 = 11,370 ms)
                .contains("(1/6, ~0m12s) java");
        assertThat(r.out()).as("aot's run cell: assumed, re-runs counted (RetriesTest's 0m12s → 0m40s)").contains("(2/6, ~0m12s, ~0m40s with probable re-runs) java");
    }
}
