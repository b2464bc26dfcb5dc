package org.tailbench.aot.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.NaiveConformanceTest} over {@code aot-naive}. */
class NaiveConformanceTest extends org.tailbench.testkit.NaiveConformanceTest {
    @Override protected List<String> engineNames() { return List.of("aot-naive"); }
}
