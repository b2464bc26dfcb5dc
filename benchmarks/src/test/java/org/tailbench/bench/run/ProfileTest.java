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

    @Test
    void aWideErrorIsMeasuredAgainWithALongerWarmUpWhileItFitsTheBudget() {
        Profile.Jmh first = Profile.QUICK.run.adaptTo(60);   // 750 ms iterations, 3 + 8
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(Profile.QUICK.run.retry(first, 0.10)).as("at the target: kept").isNull();
        assertThat(Profile.QUICK.run.retry(first, Double.NaN)).as("no result: nothing to widen").isNull();
        Profile.Jmh second = Profile.QUICK.run.retry(first, 0.30);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.warmups()).as("2 × 3 + 3").isEqualTo(9);
        assertThat(second.iterations()).isEqualTo(12);
        assertThat(second.iterationMs()).isEqualTo(1500);
        Profile.Jmh third = Profile.QUICK.run.retry(second, 0.30);
        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.warmups()).isEqualTo(21);
        assertThat(third.iterations()).isEqualTo(18);
        assertThat(third.iterationMs()).isEqualTo(3000);
        // 3 s + 2 setup runs + 39 × 3 s = 120 s: within the 180 s budget
        assertThat(third.estimateMs()).isEqualTo(3000 + 120 + 39 * 3000);
        assertThat(Profile.QUICK.run.retry(third, 0.30)).as("the quick profile makes 3 attempts at most").isNull();
        assertThat(Profile.SMOKE.run.retry(Profile.SMOKE.run.adaptTo(60), 0.90)).as("smoke: one attempt").isNull();
    }

    @Test
    void singleShotRetriesAddShotsAndStopAtTheCellBudget() {
        Profile.Jmh first = Profile.QUICK.run.adaptTo(2000);   // 6 warm-up + 8 shots of 2 s
        Profile.Jmh second = Profile.QUICK.run.retry(first, 0.2);
        assertThat(second.singleShot()).isTrue();
        assertThat(second.warmups()).isEqualTo(12);
        assertThat(second.iterations()).isEqualTo(12);
        // 20 s per operation: the first attempt already fills the 180 s budget, so no second one
        assertThat(Profile.QUICK.run.retry(Profile.QUICK.run.adaptTo(20_000), 0.5)).isNull();
    }
}
