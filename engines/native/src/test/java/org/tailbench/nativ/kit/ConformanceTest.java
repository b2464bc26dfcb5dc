package org.tailbench.nativ.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.ConformanceTest} over {@code native}. */
class ConformanceTest extends org.tailbench.testkit.ConformanceTest {
    @Override protected List<String> engineNames() { return List.of("native"); }
}
