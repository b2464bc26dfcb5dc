package org.tailbench.charts.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link NiceLogAxis}: round ticks inside the range, distinct labels, never "0" for a positive value. */
class NiceLogAxisTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void ticksAreRoundDistinctAndInsideTheRange(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 200; i++) {
            double lo = Math.pow(10, -4 + 8 * rnd.nextDouble());
            double hi = lo * Math.pow(10, 0.05 + 6 * rnd.nextDouble());
            List<Double> ticks = NiceLogAxis.ticks(lo, hi);
            assertThat(ticks).as("[%s, %s]", lo, hi).isNotEmpty().hasSizeLessThanOrEqualTo(21).isSorted();
            HashSet<String> labels = new HashSet<>();
            for (double t : ticks) {
                assertThat(t).isBetween(lo * (1 - 1e-9), hi * (1 + 1e-9));
                String l = NiceLogAxis.label(t);
                assertThat(l).isNotEqualTo("0").doesNotContain("E");
                assertThat(Double.parseDouble(l)).isCloseTo(t, org.assertj.core.api.Assertions.withinPercentage(0.5));
                assertThat(labels.add(l)).as("repeated label %s in [%s, %s]", l, lo, hi).isTrue();
            }
        }
    }

    @Test
    void aRatioAxisAroundOneGetsTheUsualRoundValues() {
        // 0.3 … 3: 1, 2, 5 per decade over 1 decade → 1-1.5-2-3-4-5-6-8 mantissas
        assertThat(NiceLogAxis.ticks(0.3, 3).stream().map(NiceLogAxis::label).toList())
                .containsExactly("0.3", "0.4", "0.5", "0.6", "0.8", "1", "1.5", "2", "3");
        assertThat(NiceLogAxis.ticks(0.01, 50).stream().map(NiceLogAxis::label).toList())
                .containsExactly("0.01", "0.1", "1", "10");
        assertThat(NiceLogAxis.label(0.0004)).isEqualTo("0.0004");
    }
}
