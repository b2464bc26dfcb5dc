package org.tailbench.interp.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.ConformanceTest} over the four interpreters. */
class ConformanceTest extends org.tailbench.testkit.ConformanceTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
