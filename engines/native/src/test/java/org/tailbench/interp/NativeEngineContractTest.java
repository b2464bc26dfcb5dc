package org.tailbench.interp;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared engine contract over {@code native} and {@code native-naive} (selected by {@code tailbench.engines});
 * skipped, with the reason, where native code cannot run.
 */
class NativeEngineContractTest extends EngineContractTest {
    @BeforeAll
    static void platform() {
        Assumptions.assumeTrue(org.tailbench.nativ.Platform.UNAVAILABLE == null, String.valueOf(org.tailbench.nativ.Platform.UNAVAILABLE));
    }
}
