package org.tailbench.nativ.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.NumericEdgeValueTest} over {@code native} and {@code native-naive}. */
class NumericEdgeValueTest extends org.tailbench.testkit.NumericEdgeValueTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
