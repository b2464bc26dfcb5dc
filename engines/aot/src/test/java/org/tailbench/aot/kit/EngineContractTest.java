package org.tailbench.aot.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.EngineContractTest} over {@code aot} and {@code aot-naive}. */
class EngineContractTest extends org.tailbench.testkit.EngineContractTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
