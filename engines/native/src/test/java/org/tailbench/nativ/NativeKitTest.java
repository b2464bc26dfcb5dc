package org.tailbench.nativ;

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

/**
 * The engine test kit (engines/testkit) over {@code native} and {@code native-naive}; each suite is skipped, with
 * the reason, where native code cannot run ({@link Platform#UNAVAILABLE}). The spec conformance test runs
 * {@code native}; {@code native-naive} traps on the testsuite's 1,000,000-deep tail recursions by design, so it runs
 * the naive baseline's conformance test instead.
 */
class NativeKitTest {
    static final List<String> ENGINES = List.of("native", "native-naive");

    @Test
    void runsTheWholeKit() {
        TestKit.assertRunsEverySuite(NativeKitTest.class, Map.of(JfrEventsTest.class,
                "native code keeps no Wasm frame stack for JFR and counts no tail calls (engines/native README, JFR)"));
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

    @Nested class Conformance extends ConformanceTest {
        @Override protected List<String> engineNames() { return List.of("native"); }
    }

    @Nested class NaiveConformance extends NaiveConformanceTest {
        @Override protected List<String> engineNames() { return List.of("native-naive"); }
    }

    @Nested class WasiConformance extends WasiConformanceTest {
        @Override protected List<String> engineNames() { return ENGINES; }
    }
}
