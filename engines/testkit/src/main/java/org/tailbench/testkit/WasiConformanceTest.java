package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tailbench.runtime.Engine;
import org.tailbench.spectest.WasiSuiteRunner;
import org.tailbench.spectest.WasiTestsuite;

/**
 * The official WASI preview 1 conformance suite (github.com/WebAssembly/wasi-testsuite, pinned in
 * ../shared/wasi-testsuite or -Dtailbench.wasitestsuite) on the engines a subclass names ({@link EngineSuite}): each
 * of the 72 programs must exit with the status its NAME.json expects ({@link WasiSuiteRunner}, upstream's rules). Run
 * in-process, one engine after another (all eight of ours: about a minute on the 2-core machine). Without the suite the tests
 * are skipped with how to get it (and .ci/run fails), never passed. The peers run the suite by hand
 * (engines/PEERS.md: WASI testsuite).
 */
public abstract class WasiConformanceTest extends EngineSuite {
    /** The pinned suite's size (shared/wasi-testsuite/README.md): fewer found means a broken copy, not a pass. */
    static final int PINNED_TESTS = 72;

    @TestFactory
    Stream<DynamicContainer> everyTestOnEveryEngine() {
        Optional<Path> suite = WasiTestsuite.locate();
        assumeTrue(suite.isPresent(), WasiTestsuite.HOW_TO_GET);
        Path tests = suite.get().resolve("tests");
        List<Path> files = WasiSuiteRunner.tests(tests);
        assertThat(files).as("tests in %s", tests).hasSize(PINNED_TESTS);
        List<DynamicContainer> perEngine = new ArrayList<>();
        for (Engine engine : engines()) {
            String name = engine.name();
            perEngine.add(DynamicContainer.dynamicContainer(name, files.stream().map(f -> {
                String test = WasiSuiteRunner.name(tests, f);
                return DynamicTest.dynamicTest(test, () -> {
                    // a budget against a hang (a blocked read, a lost poll_oneoff), not a speed check
                    WasiSuiteRunner.Result r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                            () -> WasiSuiteRunner.run(engine, test, f));
                    assertThat(r.actual()).as("%s on %s: exit status\n%s", test, name, r.detail()).isEqualTo(r.expected());
                });
            })));
        }
        return perEngine.stream();
    }
}
