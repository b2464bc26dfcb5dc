package org.tailbench.interp.kit;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tailbench.testkit.TestKit;

/**
 * This module runs the whole engine test kit (engines/testkit) over the four interpreters: one subclass per suite in
 * this package, each naming its engines; suites it cannot run are named with the reason.
 */
class KitTest {
    /** The engines of this module. */
    static final List<String> ENGINES = List.of("switch", "threaded", "tailcall", "closure");

    @Test
    void runsEverySuiteOfTheKit() {
        TestKit.assertRunsEverySuite(List.of(
                EngineContractTest.class, NumericEdgeValueTest.class, PolymorphicExecutionTest.class,
                PathologicalModuleTest.class, LargeMemoryTest.class, JfrEventsTest.class, ConformanceTest.class,
                WasiConformanceTest.class),
                Map.of(org.tailbench.testkit.NaiveConformanceTest.class,
                "no naive interpreter: all four run return_call* in constant stack (ConformanceTest)"));
    }
}
