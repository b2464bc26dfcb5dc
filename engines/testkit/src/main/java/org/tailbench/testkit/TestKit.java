package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine test kit's table of suites, and the check that an engine module runs all of them.
 *
 * <p>An engine module runs the kit with one subclass per suite in a {@code kit} package of its tests (e.g.
 * {@code org.tailbench.aot.kit.EngineContractTest extends org.tailbench.testkit.EngineContractTest}), each naming the
 * module's engines ({@link EngineSuite#engineNames()}), so {@code -Dtest=EngineContractTest} runs the suite in that
 * module. The package's {@code KitTest} calls {@link #assertRunsEverySuite} with its subclasses, so a suite added to
 * {@link #SUITES} fails every engine module that neither runs it nor says why it cannot. Peer engines run
 * {@code PeerContractTest} (engines/peer-contract, an {@link EngineSuite} too) instead: the suites below check our
 * engines' own guarantees (frame limits, backtraces, JFR events, full conformance), which a peer does not make.
 */
public final class TestKit {
    private TestKit() {}

    /** Every engine-neutral suite of the kit. */
    public static final List<Class<? extends EngineSuite>> SUITES = List.of(
            EngineContractTest.class, NumericEdgeValueTest.class, PolymorphicExecutionTest.class,
            PathologicalModuleTest.class, LargeMemoryTest.class, JfrEventsTest.class, ConformanceTest.class,
            NaiveConformanceTest.class, WasiConformanceTest.class);

    /**
     * Asserts that an engine module runs every suite of {@link #SUITES}: through one of {@code subclasses} (concrete
     * test classes of the module extending it), or else by naming it in {@code notRun} with the reason it cannot.
     *
     * @param subclasses the module's concrete subclasses of the suites
     * @param notRun     suite → why this module's engines do not run it (a suite the module does run must not be here)
     * @throws AssertionError naming the suite that is neither run nor excused, or excused but run anyway
     */
    public static void assertRunsEverySuite(List<Class<?>> subclasses, Map<Class<? extends EngineSuite>, String> notRun) {
        Set<Class<?>> run = new HashSet<>();
        for (Class<?> sub : subclasses) {
            assertThat(Modifier.isAbstract(sub.getModifiers())).as("%s is abstract: it runs nothing", sub.getName()).isFalse();
            for (Class<?> c = sub.getSuperclass(); c != null; c = c.getSuperclass()) run.add(c);
        }
        for (Class<? extends EngineSuite> suite : SUITES) {
            String reason = notRun.get(suite);
            if (run.contains(suite)) {
                assertThat(reason).as("%s is run and also said not to be", suite.getSimpleName()).isNull();
            } else {
                assertThat(reason).as("the kit's %s (engines/testkit) is not run: add a subclass naming the engines, "
                        + "or say why not", suite.getSimpleName()).isNotBlank();
            }
        }
        assertThat(SUITES).as("suites named in notRun").containsAll(notRun.keySet());
    }
}
