package org.tailbench.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds every .wasm with workloads/build.sh into a temporary folder and checks that the bytes
 * equal the committed ones (the build is reproducible). Skipped when the toolchain is missing.
 */
class WasmRebuildTest {
    static final String INSTALL = "apt-get install -y clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc";

    @Test
    void rebuiltWasmIsByteIdenticalToTheCommittedWasm(@TempDir Path out) throws Exception {
        Path dir = Path.of(System.getProperty("tailbench.workloads.dir", System.getProperty("user.dir")));
        Path script = dir.resolve("build.sh");
        assertThat(script).as("workloads/build.sh").exists();
        assumeThat(onPath("clang-19")).as("clang-19 is not installed; install the toolchain with: " + INSTALL).isTrue();
        assumeThat(onPath("bash")).as("bash is needed to run build.sh").isTrue();

        Path log = out.resolve("build.log");
        Process p = new ProcessBuilder("bash", script.toString(), "--no-verify", "--out", out.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("build.sh finished within 5 minutes").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        // build.sh exits 1 with the install command when part of the toolchain (e.g. wasi-libc) is missing.
        assumeThat(p.exitValue() == 1 && output.contains("install with:")).as(output).isFalse();
        assertThat(p.exitValue()).as("build.sh exit code; output:\n%s", output).isZero();

        for (Workload w : WorkloadCatalog.load().all()) {
            if (!w.dirs().isEmpty()) continue;  // py_*: CPython, built by cpython/build.sh (CpythonWasmTest)
            Path committed = dir.resolve(w.wasmFile());
            Path rebuilt = out.resolve(committed.getFileName());
            assertThat(rebuilt).as("rebuilt %s", w.name()).exists();
            assertThat(Files.readAllBytes(rebuilt)).as("rebuilt %s equals committed %s", rebuilt, committed)
                    .isEqualTo(Files.readAllBytes(committed));
            assertThat(Files.readAllBytes(committed)).as("committed %s is what the class path carries", committed)
                    .isEqualTo(w.wasm());
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        return Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }
}
