package org.tailbench.nativ.kit;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tailbench.testkit.TestKit;

/**
 * This module runs the whole engine test kit (engines/testkit) over {@code native} and {@code native-naive}: one
 * subclass per suite in this package, each naming its engines; suites it cannot run are named with the reason.
 */
class KitTest {
    /** The engines of this module. */
    static final List<String> ENGINES = List.of("native", "native-naive");

    @Test
    void runsEverySuiteOfTheKit() {
        TestKit.assertRunsEverySuite(List.of(
                EngineContractTest.class, NumericEdgeValueTest.class, PolymorphicExecutionTest.class,
                PathologicalModuleTest.class, LargeMemoryTest.class, ConformanceTest.class, NaiveConformanceTest.class,
                WasiConformanceTest.class),
                Map.of(org.tailbench.testkit.JfrEventsTest.class,
                "native code keeps no Wasm frame stack for JFR and counts no tail calls (engines/native README, JFR)"));
    }
}
