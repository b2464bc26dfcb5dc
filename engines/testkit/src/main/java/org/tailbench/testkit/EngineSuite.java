package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;

/**
 * The base of every engine-neutral suite of the kit (wazero's {@code internal/integration_test/engine} model): a suite
 * is written once, here, against the {@link Engine} interface; each engine module runs it by subclassing it in its
 * own test sources and naming its engines ({@link #engineNames()}), so that the suite runs in that module's JVM with
 * that module's engines on the class path. Nothing selects engines by system property or by scanning another
 * module's test jar.
 *
 * <p>Each test instance lives for the whole class ({@link TestInstance.Lifecycle#PER_CLASS}), so the suites' argument
 * sources ({@code @MethodSource("engines")}) are instance methods that see the subclass's names. A class whose
 * engine cannot run here ({@link Engine#unavailableReason()}, e.g. native off Linux x86-64) is skipped as a whole,
 * with the reason, never passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineSuite {
    /** @return the names of the engines under test, as registered ({@link Engines#byName}); not empty */
    protected abstract List<String> engineNames();

    /**
     * @return the engines named by {@link #engineNames()}, in that order
     * @throws IllegalArgumentException naming the engines there are, when a name is not on the class path
     */
    protected List<Engine> engines() {
        List<String> names = engineNames();
        assertThat(names).as("engines under test (engineNames() of %s)", getClass().getName()).isNotEmpty();
        return names.stream().map(Engines::byName).toList();
    }

    /** Skips the whole class, with the engine's reason, when one of its engines cannot run on this machine. */
    @BeforeAll
    void enginesAreAvailable() {
        for (Engine e : engines()) {
            assumeTrue(e.unavailableReason().isEmpty(), () -> e.name() + " is unavailable: " + e.unavailableReason().orElseThrow());
        }
    }
}
