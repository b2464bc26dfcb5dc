package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * The engine test kit's table of suites, and the check that an engine module runs all of them.
 *
 * <p>An engine module runs the kit with one test class of its own (e.g. {@code InterpreterKitTest}) whose
 * {@link Nested @Nested} classes extend the suites below and name the module's engines ({@link EngineSuite#engineNames()}).
 * That class calls {@link #assertRunsEverySuite} from a test, so a suite added to {@link #SUITES} fails every engine
 * module that neither runs it nor says why it cannot. Peer engines run {@code PeerContractTest} (engines/peer-contract,
 * an {@link EngineSuite} too) instead: the suites below check our engines' own guarantees (frame limits, backtraces,
 * JFR events), which a peer does not make.
 */
public final class TestKit {
    private TestKit() {}

    /** Every engine-neutral suite of the kit. */
    public static final List<Class<? extends EngineSuite>> SUITES = List.of(
            EngineContractTest.class, NumericEdgeValueTest.class, PolymorphicExecutionTest.class,
            PathologicalModuleTest.class, LargeMemoryTest.class, JfrEventsTest.class, ConformanceTest.class,
            NaiveConformanceTest.class, WasiConformanceTest.class);

    /**
     * Asserts that {@code kitClass} runs every suite of {@link #SUITES}: through a concrete {@link Nested @Nested}
     * class extending it, or else by naming it in {@code notRun} with the reason it cannot run there.
     *
     * @param kitClass an engine module's kit test class
     * @param notRun   suite → why this module's engines do not run it (a suite the module does run must not be here)
     * @throws AssertionError naming the suite that is neither run nor excused, or excused but run anyway
     */
    public static void assertRunsEverySuite(Class<?> kitClass, Map<Class<? extends EngineSuite>, String> notRun) {
        Set<Class<?>> run = new HashSet<>();
        for (Class<?> nested : kitClass.getDeclaredClasses()) {
            if (!nested.isAnnotationPresent(Nested.class) || Modifier.isAbstract(nested.getModifiers())) continue;
            for (Class<?> c = nested.getSuperclass(); c != null; c = c.getSuperclass()) run.add(c);
        }
        for (Class<? extends EngineSuite> suite : SUITES) {
            String reason = notRun.get(suite);
            if (run.contains(suite)) {
                assertThat(reason).as("%s runs %s and also says why it does not", kitClass.getSimpleName(), suite.getSimpleName()).isNull();
            } else {
                assertThat(reason).as("%s does not run the kit's %s (engines/testkit): add a @Nested subclass, or say why not",
                        kitClass.getSimpleName(), suite.getSimpleName()).isNotBlank();
            }
        }
        assertThat(SUITES).as("suites named in notRun").containsAll(notRun.keySet());
    }
}
