package org.tailbench.aot.kit;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tailbench.testkit.TestKit;

/**
 * This module runs the whole engine test kit (engines/testkit) over {@code aot} and {@code aot-naive}: one subclass
 * per suite in this package, each naming its engines.
 */
class KitTest {
    /** The engines of this module. */
    static final List<String> ENGINES = List.of("aot", "aot-naive");

    @Test
    void runsEverySuiteOfTheKit() {
        TestKit.assertRunsEverySuite(List.of(
                EngineContractTest.class, NumericEdgeValueTest.class, PolymorphicExecutionTest.class,
                PathologicalModuleTest.class, LargeMemoryTest.class, JfrEventsTest.class, ConformanceTest.class,
                NaiveConformanceTest.class, WasiConformanceTest.class),
                Map.of());
    }
}
