package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EstimateTest {
    @ParameterizedTest(name = "{0} ± {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "120.0   | 2.4    | 120.0 ± 2.4",
        "12.3456 | 0.0123 | 12.346 ± 0.012",
        "123.456 | 45.6   | 123 ± 46",
        "0.25    | 0.005  | 0.2500 ± 0.0050",
        "1234.5  | 0.0    | 1235 ± 0",
        "5.0     | NaN    | 5.000 ± n/a",
        "0.0123456 | NaN  | 0.01235 ± n/a",
    })
    void formatsToTwoSignificantDigitsOfTheError(double score, double error, String expected) {
        assertThat(new Estimate(score, error).format()).isEqualTo(expected);
    }

    @Test
    void ratioPropagatesRelativeErrors() {
        // 60 ± 1.2 over 120 ± 2.4: both 2% relative, so the ratio 0.5 carries sqrt(2)*2% = 2.828%
        Estimate r = new Estimate(60, 1.2).ratioTo(new Estimate(120, 2.4));
        assertThat(r.score()).isEqualTo(0.5);
        assertThat(r.error()).isCloseTo(0.5 * 0.02 * Math.sqrt(2), within(1e-12));
        assertThat(new Estimate(5, Double.NaN).ratioTo(new Estimate(2.5, 0.1)).hasError()).isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Estimate(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Estimate(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Estimate(1, 1).ratioTo(new Estimate(0, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
