package org.tailbench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixed seeded budget of fuzz cases on every own engine, in worker JVMs as `tailbench fuzz` runs them:
 * asserts no finding (no raw JVM exception, no JVM crash, no disagreement between our engines). Seeds: the
 * spec testsuite's binaries when -Dtailbench.testsuite names them, and the workloads. The budget is a case
 * count (deterministic), sized to stay well under 2 minutes on 2 cores.
 */
class FuzzRunTest {
    @Test
    void seededBudgetOnEveryOwnEngineFindsNothing(@TempDir Path out) {
        List<Path> dirs = new ArrayList<>();
        String suite = System.getProperty("tailbench.testsuite");
        if (suite != null) dirs.add(Path.of(suite, "json"));
        Path workload = Path.of("").toAbsolutePath();
        while (workload != null && !workload.resolve("workloads/wasm").toFile().isDirectory()) workload = workload.getParent();
        assertThat(workload).as("workloads/wasm above the working directory").isNotNull();
        dirs.add(workload.resolve("workloads/wasm"));
        List<FuzzCase.Seed> seeds = Fuzzer.loadSeeds(dirs);
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(20);

        FuzzOptions o = new FuzzOptions(20261207L, 600, 0, FuzzOptions.ownEngines(), out, seeds, 2, 1000, 30_000,
                true, 0, 30, FuzzOptions.DEFAULT_WORKER_JVM_ARGS);
        Fuzzer.Summary s = new Fuzzer(o, System.out).run();

        assertThat(s.cases()).isEqualTo(600);
        assertThat(s.findings()).as("findings (see %s)", out).isEmpty();
        // the budget reached the engines, not only the decoder
        assertThat(s.outcomes().getOrDefault("instantiated", 0L)).isGreaterThan(50);
        assertThat(s.outcomes().getOrDefault("invoke results", 0L)).isGreaterThan(50);
        assertThat(out.resolve("summary.json")).exists();
    }
}
