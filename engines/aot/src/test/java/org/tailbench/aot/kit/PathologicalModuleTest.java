package org.tailbench.aot.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.PathologicalModuleTest} over {@code aot} and {@code aot-naive}. */
class PathologicalModuleTest extends org.tailbench.testkit.PathologicalModuleTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
