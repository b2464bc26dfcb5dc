package org.tailbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;
import org.tailbench.runtime.Engines;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;

/** The benchmarks' parameters and the output check they rely on. */
class PreparedTest {
    static java.util.List<String> workloads() { return WorkloadCatalog.load().names(); }

    @Test
    void parameterDefaultsNameRealEnginesAndWorkloads() throws Exception {
        for (Class<?> c : new Class<?>[] {WorkloadBenchmark.class, InstantiateBenchmark.class, CompileBenchmark.class}) {
            assertThat(c.getField("workload").getAnnotation(Param.class).value()).isSubsetOf(workloads());
            for (String e : c.getField("engine").getAnnotation(Param.class).value()) {
                assertThat(Engines.byName(e).name()).isEqualTo(e);
            }
        }
        assertThat(Inventory.defaultWorkloads()).isNotEmpty();
    }

    @Test
    void checkAcceptsTheExpectedOutputAndRejectsAnythingElse() {
        Workload w = WorkloadCatalog.load().get("nbody");
        Prepared p = new Prepared("switch", w, "smoke", w.argv("smoke"), w.expectedSha256().get("smoke"), null, null);
        byte[] right = w.expectedStdout("smoke");
        assertThatCode(() -> p.check(new Prepared.Run(0, right, new byte[0]))).doesNotThrowAnyException();
        byte[] wrong = new String(right, StandardCharsets.UTF_8).replaceFirst("[0-9]", "#").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> p.check(new Prepared.Run(0, wrong, new byte[0])))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("engine=switch workload=nbody size=smoke: WRONG ANSWER")
                .hasMessageContaining(w.expectedSha256().get("smoke"));
        assertThatThrownBy(() -> p.check(new Prepared.Run(3, right, "boom".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("exit code 3").hasMessageContaining("boom");
        assertThatThrownBy(() -> p.check(null)).hasMessageContaining("no run was recorded");
    }

    @Test
    void unknownNamesFailClearly() {
        assertThatThrownBy(() -> Prepared.of("no-such-engine", "nbody", "smoke")).hasMessageContaining("unknown engine");
        assertThatThrownBy(() -> Prepared.of("switch", "no-such-workload", "smoke")).hasMessageContaining("unknown workload");
        assertThatThrownBy(() -> Prepared.of("switch", "nbody", "huge")).hasMessageContaining("sizes are");
    }

    /** What every benchmark's trial setup does, at the smoke size, with every engine. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void everyEngineComputesTheRightAnswerAtSmokeSize(String workload) {
        for (var engine : Engines.all()) {
            Prepared p = Prepared.of(engine.name(), workload, "smoke");
            p.check(p.runOnce());
        }
        assertThat(Engines.all()).isNotEmpty();
    }
}
