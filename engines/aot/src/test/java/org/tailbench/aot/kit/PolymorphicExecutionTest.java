package org.tailbench.aot.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.PolymorphicExecutionTest} over {@code aot} and {@code aot-naive}. */
class PolymorphicExecutionTest extends org.tailbench.testkit.PolymorphicExecutionTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
