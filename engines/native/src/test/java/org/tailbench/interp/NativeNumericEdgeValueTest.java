package org.tailbench.interp;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared numeric edge-value test (every numeric instruction against node) over {@code native} and
 * {@code native-naive} (selected by {@code tailbench.engines}); skipped, with the reason, where native code cannot run.
 */
class NativeNumericEdgeValueTest extends NumericEdgeValueTest {
    @BeforeAll
    static void platform() {
        Assumptions.assumeTrue(org.tailbench.nativ.Platform.UNAVAILABLE == null, String.valueOf(org.tailbench.nativ.Platform.UNAVAILABLE));
    }
}
