package org.tailbench.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The real-interpreter family (py_*, issue 12 part 2): CPython 3.13 on Wasm, both builds, run from the
 * catalog the way the benchmarks run it (preopened /lib and /bench, PYTHONHOME=/): the catalog entries
 * follow bench/sizes.json, and py_startup runs. {@link CpythonSuiteTest} runs every script on every own
 * engine and both builds (one process each, at the tiny size); CpythonWasmTest runs every script on node
 * against the same native outputs.
 */
class CpythonWorkloadSmokeTest {
    /** py_startup (-c pass) prints nothing and exits 0 on both builds (one engine). */
    @Test
    void startupRowRunsOnBothBuilds() {
        for (String name : List.of("py_startup", "py_startup@tailcall")) {
            runSmoke(Engines.byName("closure"), WorkloadCatalog.load().get(name));
        }
    }

    /**
     * The catalog's py_* entries are bench/sizes.json's scripts, on both builds, with the same
     * arguments, expected outputs, preopens and PYTHONHOME, and the tail-call build declares tail calls.
     */
    @Test
    void catalogEntriesFollowSizesJson() throws Exception {
        Path dir = Path.of(System.getProperty("tailbench.workloads.dir", System.getProperty("user.dir")));
        JsonNode sizes = new ObjectMapper().readTree(dir.resolve("cpython/bench/sizes.json").toFile());
        WorkloadCatalog catalog = WorkloadCatalog.load();
        List<String> scripts = new ArrayList<>(List.of("startup"));
        sizes.fieldNames().forEachRemaining(scripts::add);
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(17);   // py_startup and 16 scripts
        List<String> pyNames = catalog.names().stream().filter(n -> n.startsWith("py_")).toList();
        assertThat(pyNames).hasSize(2 * scripts.size());
        for (String script : scripts) {
            Workload normal = catalog.get("py_" + script), tail = catalog.get("py_" + script + "@tailcall");
            assertThat(normal.wasmFile()).isEqualTo("cpython/python.wasm");
            assertThat(tail.wasmFile()).isEqualTo("cpython/python-tailcall.wasm");
            assertThat(tail.features()).contains("tail-call");
            assertThat(normal.features()).doesNotContain("tail-call");
            for (Workload w : List.of(normal, tail)) {
                assertThat(w.dirs()).isEqualTo(Map.of("/lib", "cpython/lib", "/bench", "cpython/bench"));
                assertThat(w.env()).isEqualTo(Map.of("PYTHONHOME", "/"));
                assertThat(w.hostDirs().get("/bench").resolve(script.equals("startup") ? "nbody.py" : script + ".py"))
                        .isRegularFile();
                assertThat(w.hostDirs().get("/lib").resolve("python3.13/json/__init__.pyc")).isRegularFile();
                for (String size : List.of("smoke", "default", "long")) {
                    List<String> want = new ArrayList<>();
                    if (script.equals("startup")) {
                        want.addAll(List.of("-c", "pass"));
                    } else {
                        want.add("/bench/" + script + ".py");
                        sizes.get(script).get(size).forEach(a -> want.add(a.asText()));
                    }
                    assertThat(w.args().get(size)).as("%s %s", w.name(), size).isEqualTo(want);
                    assertThat(w.expectedStdout(size)).as("%s %s", w.name(), size).isEqualTo(Files.readAllBytes(
                            dir.resolve("cpython/bench/expected/" + script + "." + size + ".out")));
                }
            }
            assertThat(tail.expectedSha256()).isEqualTo(normal.expectedSha256());
        }
        // the module bytes are the committed, hashed binaries (CpythonWasmTest checks them against manifest.json)
        try (InputStream in = Files.newInputStream(dir.resolve("cpython/python-tailcall.wasm"))) {
            assertThat(catalog.get("py_nbody@tailcall").wasm()).isEqualTo(in.readAllBytes());
        }
    }

    /** Runs W's smoke size as the benchmarks do: argv, preopens, env; checks exit 0 and the native stdout. */
    static void runSmoke(Engine engine, Workload w) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        Wasi.Builder b = Wasi.builder().args(w.argv(Workload.SMOKE)).env(w.env()).stdout(stdout).stderr(stderr).randomSeed(42);
        w.hostDirs().forEach((guest, host) -> b.preopen(host, guest));
        Wasi wasi = b.build();
        Instance instance = engine.compile(ValidatedModule.of(w.wasm())).instantiate(new Store(), wasi.imports());
        int exit = wasi.runStart(instance);
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code of %s on %s (stderr: %s)", w.name(), engine.name(), err).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).as("stdout of %s on %s", w.name(), engine.name())
                .isEqualTo(new String(w.expectedStdout(Workload.SMOKE), StandardCharsets.UTF_8));
        w.verifyStdout(Workload.SMOKE, stdout.toByteArray());
    }
}
