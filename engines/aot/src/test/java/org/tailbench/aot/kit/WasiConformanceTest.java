package org.tailbench.aot.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.WasiConformanceTest} over {@code aot} and {@code aot-naive}. */
class WasiConformanceTest extends org.tailbench.testkit.WasiConformanceTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
