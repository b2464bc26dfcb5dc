package org.tailbench.aot.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.ConformanceTest} over {@code aot}. */
class ConformanceTest extends org.tailbench.testkit.ConformanceTest {
    @Override protected List<String> engineNames() { return List.of("aot"); }
}
