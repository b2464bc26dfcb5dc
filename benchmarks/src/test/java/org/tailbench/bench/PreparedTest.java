package org.tailbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;
import org.tailbench.runtime.Engines;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;

/** The benchmarks' parameters and the output check they rely on. */
class PreparedTest {
    /** The C programs and the guest VM; the real interpreters (py_*, 10–30 s a run) have their own test below. */
    static java.util.List<String> workloads() {
        return WorkloadCatalog.load().all().stream().filter(w -> w.dirs().isEmpty()).map(Workload::name).toList();
    }

    /** A CPython workload through Prepared: preopens and PYTHONHOME reach the guest (one engine, start-up only). */
    @Test
    void realInterpreterWorkloadRunsWithItsPreopensAndEnvironment() {
        Prepared p = Prepared.of("closure", "py_startup", "smoke");
        Prepared.Run run = p.runOnce();
        assertThat(run.exitCode()).as("stderr: %s", new String(run.stderr(), StandardCharsets.UTF_8)).isZero();
        p.check(run);
        Prepared nbody = Prepared.of("closure", "py_nbody@tailcall", "smoke");
        assertThat(nbody.argv).containsExactly("py_nbody@tailcall", "/bench/nbody.py", "500");
        nbody.check(nbody.runOnce());
    }

    @Test
    void parameterDefaultsNameRealEnginesAndWorkloads() throws Exception {
        for (Class<?> c : new Class<?>[] {WorkloadBenchmark.class, InstantiateBenchmark.class, CompileBenchmark.class}) {
            assertThat(c.getField("workload").getAnnotation(Param.class).value()).isSubsetOf(WorkloadCatalog.load().names());
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

    /**
     * What every benchmark's trial setup does, at the smoke size, with every engine. A peer engine
     * ({@link org.tailbench.runtime.PeerEngine}) may fail a workload that uses the tail-call proposal (Chicory
     * 1.7.5 and Wasmtime 7 do; the tables then say "fails: reason"), and only with a Wasm trap or a stated
     * limitation, never with a wrong answer or a raw exception.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void everyEngineComputesTheRightAnswerAtSmokeSize(String workload) {
        for (var engine : Engines.all()) {
            if (engine instanceof org.tailbench.runtime.PeerEngine
                    && WorkloadCatalog.load().get(workload).features().contains("tail-call")) {
                try {
                    Prepared p = Prepared.of(engine.name(), workload, "smoke");
                    p.check(p.runOnce());
                } catch (org.tailbench.runtime.Trap | UnsupportedOperationException e) {
                    assertThat(Failures.reason(e)).as(engine.name() + " × " + workload).isNotBlank();
                }
                continue;
            }
            Prepared p = Prepared.of(engine.name(), workload, "smoke");
            p.check(p.runOnce());
        }
        assertThat(Engines.all()).isNotEmpty();
    }

    @Test
    void userModuleArgumentsComeFromWhitespaceOrOneLinePerArgumentFiles(@TempDir Path dir) throws Exception {
        assertThat(UserModule.parseArgs("")).isEmpty();
        assertThat(UserModule.parseArgs("  1000   x ")).containsExactly("1000", "x");
        Path f = dir.resolve("args");
        Files.writeString(f, "a b\n\nc,d\n");
        assertThat(UserModule.parseArgs("@" + f)).containsExactly("a b", "", "c,d");
        assertThatThrownBy(() -> UserModule.parseArgs("@" + dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read wasmArgs file");
        assertThatThrownBy(() -> Prepared.of("switch", "x", "default", dir.resolve("none.wasm").toString(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read wasmFile");
    }

    /** A user's module: nbody.wasm from a file, smoke args; the first run becomes the reference. */
    @Test
    void userModuleRunsAreCheckedAgainstTheFirstRun(@TempDir Path dir) throws Exception {
        Workload w = WorkloadCatalog.load().get("nbody");
        Path file = dir.resolve("mine.wasm");
        Files.write(file, w.wasm());
        Prepared p = Prepared.of("switch", "", "default", file.toString(), String.join(" ", w.args().get("smoke")));
        assertThat(p.name).isEqualTo("mine");
        assertThat(p.argv).isEqualTo(List.of("mine", "1000"));
        Prepared.Run first = p.runOnce();
        p.check(first);
        // the same bytes the catalog expects, hashed independently by the catalog
        assertThat(p.expectedSha256).isEqualTo(w.expectedSha256().get("smoke"));
        assertThatCode(() -> p.check(p.runOnce())).doesNotThrowAnyException();
        byte[] other = "something else\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> p.check(new Prepared.Run(0, other, new byte[0])))
                .hasMessageContaining("workload=mine").hasMessageContaining("OUTPUT CHANGED")
                .hasMessageContaining(w.expectedSha256().get("smoke"));
        assertThatThrownBy(() -> p.check(new Prepared.Run(1, first.stdout(), new byte[0])))
                .hasMessageContaining("exit code 1");
    }
}
