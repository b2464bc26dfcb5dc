package org.tailbench.nativ.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.NaiveConformanceTest} over {@code native-naive}. */
class NaiveConformanceTest extends org.tailbench.testkit.NaiveConformanceTest {
    @Override protected List<String> engineNames() { return List.of("native-naive"); }
}
