package org.tailbench.nativ.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.PathologicalModuleTest} over {@code native} and {@code native-naive}. */
class PathologicalModuleTest extends org.tailbench.testkit.PathologicalModuleTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
