package org.tailbench.nativ.kit;

import java.util.List;

/** The engine test kit's {@link org.tailbench.testkit.EngineContractTest} over {@code native} and {@code native-naive}. */
class EngineContractTest extends org.tailbench.testkit.EngineContractTest {
    @Override protected List<String> engineNames() { return KitTest.ENGINES; }
}
