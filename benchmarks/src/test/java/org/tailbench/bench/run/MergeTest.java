package org.tailbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tailbench.charts.JmhJson;

/** {@link Merge#pool}: one cell's forks from two shards become one result over all their iterations. */
class MergeTest {
    static ObjectNode entry(String rawData) throws IOException {
        return (ObjectNode) JmhJson.MAPPER.readTree("{\"benchmark\":\"b\",\"forks\":1,\"params\":{\"engine\":\"e\"},"
                + "\"primaryMetric\":{\"score\":0,\"scoreError\":0,\"scoreUnit\":\"ms/op\",\"rawData\":" + rawData + "}}");
    }

    @Test
    void poolingRecomputesScoreAndErrorOverEveryIteration() throws IOException {
        ObjectNode a = entry("[[10.0, 12.0]]"), b = entry("[[11.0, 13.0, 14.0]]");
        ObjectNode p = Merge.pool(a, b);
        assertThat(p.path("forks").asInt()).isEqualTo(2);
        assertThat(p.path("primaryMetric").path("rawData")).hasSize(2);
        // mean of 10, 12, 11, 13, 14 = 12; sample sd = sqrt(10/4) = 1.5811; t(0.9995, 4 df) = 8.6103 (Student's t table)
        assertThat(p.path("primaryMetric").path("score").asDouble()).isEqualTo(12.0);
        assertThat(p.path("primaryMetric").path("scoreError").asDouble()).isCloseTo(8.6103 * 1.5811 / Math.sqrt(5), within(1e-3));
    }

    @Test
    void oneValueHasNoError() {
        assertThat(Merge.error99_9(List.of(3.0), 3.0)).isNaN();
    }

    /** A shard folder on {@code host} with the full-run result of {@code engine} × nbody: runs of {@code ms}. */
    static java.nio.file.Path shard(java.nio.file.Path dir, String host, String engine, double ms) throws IOException {
        java.nio.file.Path d = java.nio.file.Files.createDirectories(dir.resolve(host + "-shard"));
        java.nio.file.Files.createDirectories(d.resolve("jmh-parts"));
        java.nio.file.Files.writeString(d.resolve("environment.json"), "{\"host\":\"" + host + "\",\"cpu\":{\"availableProcessors\":2}}");
        java.nio.file.Files.writeString(d.resolve("jmh-parts").resolve("001.json"), "[{\"benchmark\":\"" + Bench.RUN.fqn + "\",\"mode\":\"avgt\","
                + "\"forks\":1,\"params\":{\"engine\":\"" + engine + "\",\"workload\":\"nbody\",\"size\":\"default\"},"
                + "\"primaryMetric\":{\"score\":" + ms + ",\"scoreError\":0.1,\"scoreUnit\":\"ms/op\",\"rawData\":[[" + ms + "," + ms + "]]}}]");
        return d;
    }

    @Test
    void shardsFromTwoHostsKeepEachHostsRowsSoRatiosStayWithinAHost(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path a = shard(dir, "hosta", "switch", 10), b = shard(dir, "hostb", "aot", 1);
        java.nio.file.Files.writeString(a.resolve("references.tsv"), "workload\tsize\treference\tstatus\truns_ms\tsha256\tdetail\n"
                + "nbody\tdefault\tnative-gcc\tok\t2 2 2\tabc\tgcc\n");
        java.nio.file.Path out = dir.resolve("merged");
        int code = Merge.merge(List.of(a, b), out, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertThat(code).isZero();
        String md = java.nio.file.Files.readString(out.resolve("results.md"));
        // switch ran on hosta, aot on hostb: no aot/switch ratio mixes the two machines
        assertThat(md).contains("2 hosts: hosta, hostb").contains("| nbody @hosta |").contains("| nbody @hostb |");
        assertThat(md).containsPattern("\\| nbody @hosta \\| 10\\.\\d+ ± [0-9.]+ \\| — \\| — \\|");
        // native-gcc ran on hosta: switch ÷ native = 10 / 2 = 5 in hosta's row
        assertThat(md).contains("| nbody @hosta | 5.00 |");
        assertThat(JmhJson.MAPPER.readTree(out.resolve("environment.json").toFile()).path("shards")).hasSize(2);
    }
}
