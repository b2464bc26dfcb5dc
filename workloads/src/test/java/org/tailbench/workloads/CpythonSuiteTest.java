package org.tailbench.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tailbench.nativ.Platform;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.PeerEngine;
import org.tailbench.runtime.Store;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Every own engine runs every CPython benchmark script on both builds (issue 12 part 2): {@code bench/suite.py
 * tiny} runs all of sizes.json's scripts at their {@code tiny} size in one CPython process, so each engine × build
 * pays one start-up. Its stdout must be, byte for byte, "== NAME ARGS" then the NATIVE python3.13's
 * {@code expected/NAME.tiny.out} for every script in order (written by update-expected.sh, which also checks that
 * suite.py prints exactly that natively and on node; {@link CpythonWasmTest} checks it on node again).
 * native and native-naive run where {@link Platform} allows (Linux x86-64); elsewhere their tests are skipped with
 * the reason, as the native module's own tests are.
 */
class CpythonSuiteTest {
    /** The size every engine runs: below smoke, so that 8 engines × 2 builds stay within CI's budget. */
    static final String SIZE = "tiny";
    static final List<String> BUILDS = List.of("py_startup", "py_startup@tailcall");   // only for the wasm file, preopens, env
    static final Path BENCH = Path.of(System.getProperty("tailbench.workloads.dir", System.getProperty("user.dir")))
            .resolve("cpython/bench");

    @TestFactory
    List<DynamicTest> everyOwnEngineRunsEveryScriptOnBothBuilds() {
        List<Engine> own = Engines.all().stream().filter(e -> !(e instanceof PeerEngine)).toList();
        assertThat(own).extracting(Engine::name).contains(
                "switch", "threaded", "tailcall", "closure", "aot", "aot-naive", "native", "native-naive");
        String expected = expected(SIZE);
        List<DynamicTest> tests = new ArrayList<>();
        for (Engine engine : own) {
            for (String build : BUILDS) {
                Workload w = WorkloadCatalog.load().get(build);
                tests.add(DynamicTest.dynamicTest(engine.name() + " " + w.wasmFile() + " /bench/suite.py " + SIZE, () -> {
                    assumeAvailable(engine);
                    assertThat(run(engine, w, "/bench/suite.py", SIZE)).as("stdout of suite.py %s on %s, %s", SIZE, engine.name(), w.wasmFile())
                            .isEqualTo(expected);
                }));
            }
        }
        return tests;
    }

    /** The expected suite output names every script of sizes.json once, in order, with its tiny arguments. */
    @Test
    void expectedOutputCoversEveryScriptOfSizesJson() throws IOException {
        JsonNode sizes = sizes();
        List<String> headers = expected(SIZE).lines().filter(l -> l.startsWith("== ")).toList();
        List<String> names = new ArrayList<>();
        sizes.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("deltablue", "hexiom", "go").hasSizeGreaterThanOrEqualTo(16);
        assertThat(headers).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(headers.get(i)).startsWith("== " + names.get(i) + " ");
            assertThat(sizes.get(names.get(i)).properties()).extracting(Map.Entry::getKey)
                    .containsExactly("tiny", "smoke", "default", "long");
        }
    }

    /** Skips (with the reason) an engine that cannot run on this machine: native code outside Linux x86-64. */
    static void assumeAvailable(Engine engine) {
        if (engine.getClass().getPackageName().equals("org.tailbench.nativ")) {
            assumeThat(Platform.UNAVAILABLE).as("%s: %s", engine.name(), Platform.UNAVAILABLE).isNull();
        }
    }

    static JsonNode sizes() throws IOException {
        return new ObjectMapper().readTree(BENCH.resolve("sizes.json").toFile());
    }

    /** "== NAME ARGS\n" + expected/NAME.SIZE.out for every script of sizes.json, in its order (what suite.py prints). */
    static String expected(String size) {
        try {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, JsonNode> e : sizes().properties()) {
                List<String> args = new ArrayList<>();
                e.getValue().get(size).forEach(a -> args.add(a.asText()));
                sb.append("== ").append(e.getKey()).append(' ').append(String.join(" ", args)).append('\n');
                sb.append(Files.readString(BENCH.resolve("expected/" + e.getKey() + "." + size + ".out"), StandardCharsets.UTF_8));
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** stdout of W's module run with ARGS (instead of W's own), W's preopens and env; fails on exit != 0. */
    static String run(Engine engine, Workload w, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of(w.argv(Workload.SMOKE).getFirst()));
        argv.addAll(List.of(args));
        Wasi.Builder b = Wasi.builder().args(argv).env(w.env()).stdout(stdout).stderr(stderr).randomSeed(42);
        w.hostDirs().forEach((guest, host) -> b.preopen(host, guest));
        Wasi wasi = b.build();
        Instance instance = engine.compile(ValidatedModule.of(w.wasm())).instantiate(new Store(), wasi.imports());
        int exit = wasi.runStart(instance);
        assertThat(exit).as("exit code of %s %s on %s (stderr: %s)", w.wasmFile(), argv, engine.name(),
                stderr.toString(StandardCharsets.UTF_8)).isZero();
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
