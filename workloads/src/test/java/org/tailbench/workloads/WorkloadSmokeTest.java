package org.tailbench.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Runs every workload's {@code smoke} size on every engine found by {@link Engines#all()} under WASI
 * and compares stdout with the expected output of the native build (native and native-naive where they can
 * run: Linux x86-64; elsewhere skipped with the reason). The real interpreters (py_*, 10–30 s each under our
 * interpreters) are run by {@link CpythonSuiteTest} instead, all scripts in one process per engine and build.
 */
class WorkloadSmokeTest {
    @TestFactory
    List<DynamicTest> smokeSizeOnEveryEngine() {
        List<Engine> engines = Engines.all();
        assertThat(engines).as("engines on the class path (META-INF/services/org.tailbench.runtime.Engine)").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Engine engine : engines) {
            for (Workload w : WorkloadCatalog.load().all()) {
                if (!w.dirs().isEmpty()) continue;
                tests.add(DynamicTest.dynamicTest(engine.name() + " " + w.name() + " " + w.argv(Workload.SMOKE),
                        () -> {
                            CpythonSuiteTest.assumeAvailable(engine);
                            runSmoke(engine, w);
                        }));
            }
        }
        return tests;
    }

    private static void runSmoke(Engine engine, Workload w) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        Wasi wasi = Wasi.builder().args(w.argv(Workload.SMOKE)).stdout(stdout).stderr(stderr).build();
        Instance instance = engine.compile(ValidatedModule.of(w.wasm())).instantiate(new Store(), wasi.imports());
        int exit = wasi.runStart(instance);
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code of %s (stderr: %s)", w.name(), err).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).as("stdout of %s on %s", w.name(), engine.name())
                .isEqualTo(new String(w.expectedStdout(Workload.SMOKE), StandardCharsets.UTF_8));
        w.verifyStdout(Workload.SMOKE, stdout.toByteArray());
    }
}
