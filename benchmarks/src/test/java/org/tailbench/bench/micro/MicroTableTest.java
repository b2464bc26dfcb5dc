package org.tailbench.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tailbench.bench.micro.MicroTable.Est;
import org.tailbench.bench.micro.MicroTable.Row;

/** Unit conversion, error propagation and the rendered tables. */
class MicroTableTest {
    @Test
    void ratioErrorAddsRelativeErrorsInQuadrature() {
        Est r = new Est(6, 0.3).ratio(new Est(4, 0.16));   // 5% and 4% → sqrt(0.0041) = 6.403% of 1.5
        assertThat(r.value()).isEqualTo(1.5);
        assertThat(r.error()).isCloseTo(1.5 * Math.sqrt(0.0041), within(1e-12));
        assertThat(new Est(1, Double.NaN).fmt(2)).isEqualTo("1.00 ± ?");
    }

    @Test
    void nanosecondsPerUnit() {
        // 10 000 calls in 50 µs ± 1 µs = 5 ns ± 0.1 ns per call
        Est call = MicroTable.nsPerUnit(new Row("switch", "call", 10_000, 50, 1, 160));
        assertThat(call.value()).isCloseTo(5, within(1e-9));
        assertThat(call.error()).isCloseTo(0.1, within(1e-9));
        // i32Add: 23 * 1000 + 1 instructions
        assertThat(MicroTable.nsPerUnit(new Row("switch", "i32Add", 1000, 23.001, 0, 0)).value()).isCloseTo(1, within(1e-9));
        assertThat(MicroTable.bytesPerUnit(new Row("switch", "returnCall", 10_000, 50, 1, 40))).isEqualTo(0.004);
    }

    @Test
    void tablesShowEveryEngineAndTheTailCallRatio() {
        List<Row> rows = List.of(
                new Row("switch", "call", 1000, 10, 0.5, 48), new Row("switch", "returnCall", 1000, 12, 0.6, 48),
                new Row("other", "call", 1000, 5, 0.1, 48), new Row("other", "returnCall", 1000, 5, 0.1, Double.NaN));
        String md = MicroTable.render(rows);
        assertThat(md).contains("| call | call | 12 | 10.000 ± 0.500 | 5.000 ± 0.100 |");
        // 12 / 10 = 1.2 with sqrt(0.05² + 0.05²) = 7.07% → 0.08
        assertThat(md).contains("| switch | 10.000 ± 0.500 | 12.000 ± 0.600 | 1.20 ± 0.08 | – | – | – | 0.0480 | – | 0.0480 |");
        assertThat(md).contains("| other | 5.000 ± 0.100 | 5.000 ± 0.100 | 1.00 ± 0.03 | – | – | – | – | – | 0.0480 |");
        assertThat(md).contains("### Time relative to switch").contains("| call | 0.50 ± 0.03 |");
        // the baseline is switch wherever its column is
        String reordered = MicroTable.render(List.of(rows.get(2), rows.get(0)));
        assertThat(reordered).contains("### Time relative to switch (lower is faster)\n\n| kernel | other |\n").contains("| call | 0.50 ± 0.03 |");
    }
}
