package org.tailbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OpTimes}: where an estimate's operation times and a cell's last error come from. */
class OpTimesTest {
    @TempDir Path results;

    private static String entry(String engine, String workload, double score, double error) {
        return """
            {"jmhVersion":"1.37","benchmark":"org.tailbench.bench.WorkloadBenchmark.run","mode":"avgt","threads":1,"forks":1,
             "jvm":"java","jvmArgs":[],"jdkVersion":"25","vmName":"VM","vmVersion":"25","warmupIterations":3,"warmupTime":"750 ms",
             "warmupBatchSize":1,"measurementIterations":8,"measurementTime":"750 ms","measurementBatchSize":1,
             "params":{"engine":"%s","size":"default","wasmArgs":"","wasmFile":"","workload":"%s"},
             "primaryMetric":{"score":%s,"scoreError":%s,"scoreConfidence":[0,0],"scorePercentiles":{},"scoreUnit":"ms/op",
             "rawData":[[1.0]]},"secondaryMetrics":{}}""".formatted(engine, workload, score, error);
    }

    private void write(Path dir, String... entries) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",", entries) + "]");
    }

    @Test
    void theLatestRunGivesTimesAndRelativeErrors() throws IOException {
        write(results.resolve("run1"), entry("aot", "nbody", 50.0, 20.0));
        Files.createSymbolicLink(results.resolve("latest"), Path.of("run1"));
        OpTimes t = OpTimes.fromLatest(results, "default");
        assertThat(t.of(Bench.RUN, "nbody", "aot")).isEqualTo(50.0);
        assertThat(t.relativeError(Bench.RUN, "nbody", "aot")).isEqualTo(0.4);
        assertThat(t.of(Bench.RUN, "nbody", "switch")).isNaN();
        assertThat(OpTimes.fromLatest(results, "smoke").isEmpty()).as("another size").isTrue();
    }

    @Test
    void anEstimateFallsBackToTheNewestPublishedRunWithoutItsErrors() throws IOException {
        assertThat(OpTimes.forEstimate(results, "default").isEmpty()).as("nothing at all").isTrue();
        write(results.resolve("published/2026-01-01"), entry("aot", "nbody", 70.0, 1.0), entry("switch", "nbody", 900.0, 300.0));
        write(results.resolve("published/2026-12-07"), entry("aot", "nbody", 60.0, 1.0), entry("switch", "nbody", 1000.0, 300.0));
        OpTimes t = OpTimes.forEstimate(results, "default");
        assertThat(t.of(Bench.RUN, "nbody", "switch")).as("the newest published run").isEqualTo(1000.0);
        assertThat(t.source()).contains("2026-12-07").contains("another machine");
        assertThat(t.relativeError(Bench.RUN, "nbody", "switch")).as("not this machine's: no second attempt planned").isNaN();
        // the machine's own last run wins where it has a time
        write(results.resolve("run1"), entry("aot", "nbody", 40.0, 2.0));
        Files.createSymbolicLink(results.resolve("latest"), Path.of("run1"));
        OpTimes both = OpTimes.forEstimate(results, "default");
        assertThat(both.of(Bench.RUN, "nbody", "aot")).isEqualTo(40.0);
        assertThat(both.of(Bench.RUN, "nbody", "switch")).isEqualTo(1000.0);
        assertThat(both.relativeError(Bench.RUN, "nbody", "aot")).isEqualTo(0.05);
    }
}
