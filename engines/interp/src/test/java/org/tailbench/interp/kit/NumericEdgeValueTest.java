package org.tailbench.interp.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.NumericEdgeValueTest} over the four interpreters. */
class NumericEdgeValueTest extends org.tailbench.testkit.NumericEdgeValueTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
