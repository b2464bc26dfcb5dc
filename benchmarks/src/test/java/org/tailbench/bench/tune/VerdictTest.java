package org.tailbench.bench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link TuneCommand.Verdict}: keep, no gain, training regression and held-out regression, on scores written here.
 * Gains by hand: untuned ÷ tuned − 1, error = ratio × √(δu²/u² + δt²/t²).
 */
class VerdictTest {
    private static Measurement.Score s(double score, double error) { return new Measurement.Score(score, error, null, List.of()); }

    private static TuneCommand.Verdict verdict(Measurement.Score untuned, Measurement.Score tuned, Measurement.Score heldUntuned,
                                               Measurement.Score heldTuned) {
        return TuneCommand.Verdict.of(Map.of("t", untuned, "h", heldUntuned), Map.of("t", tuned, "h", heldTuned), List.of("t"), List.of("h"));
    }

    @Test
    void aGainBeyondTheErrorIsKept() {
        // 100 ± 2 → 80 ± 2: ratio 1.25, error 1.25 × √(0.0004 + 0.000625) = 0.0400
        TuneCommand.Verdict v = verdict(s(100, 2), s(80, 2), s(50, 1), s(50, 1));
        assertThat(v.trainGain()).isCloseTo(0.25, within(1e-9));
        assertThat(v.trainError()).isCloseTo(0.0400, within(1e-4));
        assertThat(v.keep()).isTrue();
    }

    @Test
    void aGainInsideTheErrorIsDropped() {
        assertThat(verdict(s(100, 20), s(90, 20), s(50, 1), s(50, 1)).reason()).startsWith("no measurable gain");
    }

    @Test
    void aTrainingSlowdownBeyondTheErrorIsCalledARegression() {
        // the aot run of 2026-12-07: untuned 61.89 ± 7.21, call_indirect guards 108.79 ± 12.04 → −43 % ± 9 %
        TuneCommand.Verdict v = verdict(s(61.89, 7.21), s(108.79, 12.04), s(50, 1), s(50, 1));
        assertThat(v.trainGain()).isCloseTo(61.89 / 108.79 - 1, within(1e-9));
        assertThat(v.keep()).isFalse();
        assertThat(v.reason()).startsWith("regression on the training workloads");
    }

    @Test
    void aHeldOutSlowdownBeyondTheErrorDropsAGain() {
        assertThat(verdict(s(100, 2), s(80, 2), s(50, 1), s(70, 1)).reason()).isEqualTo("regression on held-out h beyond the error");
    }
}
