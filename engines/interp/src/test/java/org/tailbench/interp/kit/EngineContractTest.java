package org.tailbench.interp.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.EngineContractTest} over the four interpreters. */
class EngineContractTest extends org.tailbench.testkit.EngineContractTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
