package org.tailbench.interp.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.PathologicalModuleTest} over the four interpreters. */
class PathologicalModuleTest extends org.tailbench.testkit.PathologicalModuleTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
