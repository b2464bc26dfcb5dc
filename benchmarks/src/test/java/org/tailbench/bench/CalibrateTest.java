package org.tailbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Calibrate#cell}: a cell whose first run outlasts the limit is reported as over the limit with the time
 * waited (the quick profile then does not run it), and one within the limit gives its checked times.
 */
class CalibrateTest {
    @Test
    void aRunOverTheLimitIsReportedWithTheTimeWaited() {
        // nbody (default size) runs for hundreds of ms on the switch interpreter: far over a 5 ms limit
        String[] f = Calibrate.cell("switch", "nbody", "default", "", "", 5).split("\t", -1);
        assertThat(f[3]).isEqualTo(Calibrate.OVER_LIMIT);
        assertThat(Double.parseDouble(f[0])).as("compile ms").isPositive();
        assertThat(f[1]).as("no instantiation time").isEmpty();
        assertThat(Double.parseDouble(f[2])).as("ms waited").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aRunWithinTheLimitIsCheckedAndTimed() {
        String[] f = Calibrate.cell("switch", "nbody", "smoke", "", "", Long.MAX_VALUE).split("\t", -1);
        assertThat(f[3]).isEqualTo("ok");
        assertThat(Double.parseDouble(f[2])).as("run ms").isPositive();
        assertThat(Double.parseDouble(f[1])).as("instantiate ms").isPositive();
    }
}
