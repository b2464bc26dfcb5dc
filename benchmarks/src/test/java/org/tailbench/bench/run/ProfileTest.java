package org.tailbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Profile.Settings#adaptTo}: iterations follow the measured time of one operation. */
class ProfileTest {
    @Test
    void unknownOperationTimesUseTheShortestIteration() {
        Profile.Jmh j = Profile.QUICK.run.adaptTo(Double.NaN);
        assertThat(j.singleShot()).isFalse();
        assertThat(j.iterationMs()).isEqualTo(500);
        assertThat(j.iterations()).isEqualTo(8);
    }

    @Test
    void anIterationHoldsAtLeastFiveOperationsInTheQuickProfile() {
        // 0.15 s per run: 5 runs = 750 ms, rounded up to the next 100 ms = 800 ms
        assertThat(Profile.QUICK.run.adaptTo(150).iterationMs()).isEqualTo(800);
        assertThat(Profile.QUICK.run.adaptTo(20).iterationMs()).isEqualTo(500);
        // full: at least 10 operations and 1 s
        assertThat(Profile.FULL.run.adaptTo(300).iterationMs()).isEqualTo(3000);
    }

    @Test
    void longOperationsAreMeasuredOnePerIteration() {
        Profile.Jmh j = Profile.QUICK.run.adaptTo(2000);
        assertThat(j.singleShot()).isTrue();
        assertThat(j.warmups() + j.iterations()).isEqualTo(10);
        // 1 fork: 3 s of JVM start and setup, 2 setup runs, 10 shots of 2 s
        assertThat(j.estimateMs()).isEqualTo(3000 + 4000 + 20_000);
        assertThat(Profile.FULL.run.adaptTo(2000).estimateMs()).isEqualTo(3 * (3000 + 4000 + 15 * 2000));
    }

    @Test
    void shortOperationsCostTheirIterations() {
        // quick run: 1 fork × (3 s + 2 setup runs of 1 ms + (2 + 8) × 0.5 s)
        assertThat(Profile.QUICK.run.adaptTo(1).estimateMs()).isEqualTo(3000 + 2 + 5000);
    }
}
