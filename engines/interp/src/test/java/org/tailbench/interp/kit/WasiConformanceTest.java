package org.tailbench.interp.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.WasiConformanceTest} over the four interpreters. */
class WasiConformanceTest extends org.tailbench.testkit.WasiConformanceTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
