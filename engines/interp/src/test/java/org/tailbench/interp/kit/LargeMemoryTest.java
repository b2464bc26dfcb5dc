package org.tailbench.interp.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.LargeMemoryTest} over the four interpreters. */
class LargeMemoryTest extends org.tailbench.testkit.LargeMemoryTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
