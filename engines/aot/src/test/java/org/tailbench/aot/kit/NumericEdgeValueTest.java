package org.tailbench.aot.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.NumericEdgeValueTest} over {@code aot} and {@code aot-naive}. */
class NumericEdgeValueTest extends org.tailbench.testkit.NumericEdgeValueTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
