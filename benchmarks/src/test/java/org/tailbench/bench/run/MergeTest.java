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
}
