package org.tailbench.nativ.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.WasiConformanceTest} over {@code native} and {@code native-naive}. */
class WasiConformanceTest extends org.tailbench.testkit.WasiConformanceTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
