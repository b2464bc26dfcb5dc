package org.tailbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Profile.Settings#adaptTo}: iterations follow the measured time of one operation. */
class ProfileTest {
    @Test
    void unknownOperationTimesUseTheShortestIteration() {
        Profile.Jmh j = Profile.QUICK.run.adaptTo(Double.NaN);
        assertThat(j.singleShot()).isFalse();
        assertThat(j.iterationMs()).isEqualTo(750);
        assertThat(j.iterations()).isEqualTo(8);
    }

    @Test
    void anIterationHoldsAtLeastFiveOperationsInTheQuickProfile() {
        // 0.17 s per run: 5 runs = 850 ms, rounded up to the next 100 ms = 900 ms
        assertThat(Profile.QUICK.run.adaptTo(170).iterationMs()).isEqualTo(900);
        assertThat(Profile.QUICK.run.adaptTo(20).iterationMs()).isEqualTo(750);
        // full: at least 10 operations and 1 s
        assertThat(Profile.FULL.run.adaptTo(300).iterationMs()).isEqualTo(3000);
    }

    @Test
    void longOperationsAreMeasuredOnePerIteration() {
        Profile.Jmh j = Profile.QUICK.run.adaptTo(2000);
        assertThat(j.singleShot()).isTrue();
        assertThat(j.warmups() + j.iterations()).as("3 + 3 warm-up shots, 8 measured").isEqualTo(14);
        // 1 fork: 3 s of JVM start and setup, 2 setup runs, 14 shots of 2 s
        assertThat(j.estimateMs()).isEqualTo(3000 + 4000 + 28_000);
        // full: single shots above 2 s; 3 forks × (3 s + 2 setup runs + (5 + 3) + 10 shots of 3 s)
        assertThat(Profile.FULL.run.adaptTo(3000).estimateMs()).isEqualTo(3 * (3000 + 6000 + 18 * 3000));
        // just under the threshold: average time with 10 operations per iteration (20 s)
        assertThat(Profile.FULL.run.adaptTo(2000).singleShot()).isFalse();
        assertThat(Profile.FULL.run.adaptTo(2000).iterationMs()).isEqualTo(20_000);
    }

    @Test
    void shortOperationsCostTheirIterations() {
        // quick run: 1 fork × (3 s + 2 setup runs of 1 ms + (3 + 8) × 0.75 s)
        assertThat(Profile.QUICK.run.adaptTo(1).estimateMs()).isEqualTo(3000 + 2 + 8250);
    }

    @Test
    void longQuickCellsDropWarmUpShotsToStayNearTheirBudget() {
        // 18 s per operation, 180 s budget: 10 shots fit, 2 go to the setup runs and 8 to the measurement, so one warm-up
        Profile.Jmh j = Profile.QUICK.run.adaptTo(18_000);
        assertThat(j.notRun()).isNull();
        assertThat(j.warmups()).isEqualTo(1);
        assertThat(j.iterations()).as("never fewer measured shots").isEqualTo(8);
        // 12 s: 15 fit, so 5 warm-ups of the usual 6
        assertThat(Profile.QUICK.run.adaptTo(12_000).warmups()).isEqualTo(5);
        // the full profile keeps its warm-ups whatever the time
        assertThat(Profile.FULL.run.adaptTo(18_000).warmups()).isEqualTo(8);
    }

    @Test
    void operationsOverTheQuickLimitAreNotRunAndSaySo() {
        Profile.Jmh j = Profile.QUICK.run.adaptTo(300_000);
        assertThat(j.notRun()).contains("300 s").contains("45 s").contains("--profile full");
        assertThat(j.estimateMs()).isZero();
        assertThat(Profile.QUICK.run.adaptTo(44_000).notRun()).isNull();
        assertThat(Profile.FULL.run.adaptTo(3_600_000).notRun()).isNull();
        assertThat(Profile.QUICK.run.adaptTo(Double.NaN).notRun()).as("an unknown time runs").isNull();
    }
}
