package org.tailbench.nativ.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.LargeMemoryTest} over {@code native} and {@code native-naive}. */
class LargeMemoryTest extends org.tailbench.testkit.LargeMemoryTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
