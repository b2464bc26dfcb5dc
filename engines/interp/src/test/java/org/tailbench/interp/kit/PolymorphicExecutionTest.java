package org.tailbench.interp.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.PolymorphicExecutionTest} over the four interpreters. */
class PolymorphicExecutionTest extends org.tailbench.testkit.PolymorphicExecutionTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
