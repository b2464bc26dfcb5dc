package org.tailbench.interp;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tailbench.testkit.ConformanceTest;
import org.tailbench.testkit.EngineContractTest;
import org.tailbench.testkit.JfrEventsTest;
import org.tailbench.testkit.LargeMemoryTest;
import org.tailbench.testkit.NaiveConformanceTest;
import org.tailbench.testkit.NumericEdgeValueTest;
import org.tailbench.testkit.PathologicalModuleTest;
import org.tailbench.testkit.PolymorphicExecutionTest;
import org.tailbench.testkit.TestKit;
import org.tailbench.testkit.WasiConformanceTest;

/** The engine test kit (engines/testkit) over the four interpreters. */
class InterpreterKitTest {
    static final List<String> ENGINES = List.of("switch", "threaded", "tailcall", "closure");

    @Test
    void runsTheWholeKit() {
        TestKit.assertRunsEverySuite(InterpreterKitTest.class, Map.of(NaiveConformanceTest.class,
                "no naive interpreter: all four run return_call* in constant stack (ConformanceTest)"));
    }

    @Nested class Contract extends EngineContractTest {
        @Override protected List<String> engineNames() { return ENGINES; }
    }

    @Nested class NumericEdgeValues extends NumericEdgeValueTest {
        @Override protected List<String> engineNames() { return ENGINES; }
    }

    @Nested class PolymorphicExecution extends PolymorphicExecutionTest {
        @Override protected List<String> engineNames() { return ENGINES; }
    }

    @Nested class PathologicalModules extends PathologicalModuleTest {
        @Override protected List<String> engineNames() { return ENGINES; }
    }

    @Nested class LargeMemory extends LargeMemoryTest {
        @Override protected List<String> engineNames() { return ENGINES; }
    }

    @Nested class JfrEvents extends JfrEventsTest {
        @Override protected List<String> engineNames() { return ENGINES; }
    }

    @Nested class Conformance extends ConformanceTest {
        @Override protected List<String> engineNames() { return ENGINES; }
    }

    @Nested class WasiConformance extends WasiConformanceTest {
        @Override protected List<String> engineNames() { return ENGINES; }
    }
}
