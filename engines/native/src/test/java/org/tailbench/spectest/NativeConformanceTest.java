package org.tailbench.spectest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.tailbench.nativ.Platform;

/** The shared spec conformance run over {@code native} (tailbench.conformance.engines); skipped, with the reason, where native code cannot run. */
class NativeConformanceTest extends ConformanceTest {
    @BeforeAll
    static void platform() { Assumptions.assumeTrue(Platform.UNAVAILABLE == null, String.valueOf(Platform.UNAVAILABLE)); }
}
