package org.tailbench.spectest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;

/**
 * The runner's rules (upstream's test-runner): NAME.json's exit_code, args and env reach the program; the exit
 * status alone decides. Uses programs of the pinned WASI suite whose behaviour its .json files state; skipped
 * without the suite. It runs them on {@code switch}, so it lives here, not in engines/spectest: the spec runner
 * module has no engine, not even in test scope (every engine module runs the kit, which needs the runner).
 */
class WasiSuiteRunnerTest {
    @TempDir Path tmp;
    Path as;
    Engine engine;

    @BeforeEach
    void setUp() {
        var suite = WasiTestsuite.locate();
        assumeTrue(suite.isPresent(), WasiTestsuite.HOW_TO_GET);
        as = suite.get().resolve("tests/assemblyscript/testsuite/wasm32-wasip1");
        engine = Engines.byName("switch");
    }

    /** Copies {@code NAME.wasm} into the temporary folder, with {@code json} as its NAME.json (none when null). */
    Path copy(String name, String json) throws IOException {
        Path w = Files.copy(as.resolve(name + ".wasm"), tmp.resolve(name + ".wasm"));
        if (json != null) Files.writeString(tmp.resolve(name + ".json"), json);
        return w;
    }

    @Test
    void namesDropTheSuiteFolders() {
        Path tests = as.getParent().getParent().getParent();
        Path f = tests.resolve("rust/testsuite/wasm32-wasip1/path_link.wasm");
        assertThat(WasiSuiteRunner.name(tests, f)).isEqualTo("rust/path_link");
        assertThat(WasiSuiteRunner.name(f, f)).isEqualTo("path_link");
        assertThat(WasiSuiteRunner.tests(tests)).hasSize(72).allMatch(p -> p.toString().endsWith(".wasm"));
    }

    @Test
    void theExpectedExitStatusComesFromTheJson() throws IOException {
        // proc_exit-failure.json says 33: it passes with that, and fails (exit 33, expected 0) without the .json
        WasiSuiteRunner.Result withJson = WasiSuiteRunner.run(engine, "t", copy("proc_exit-failure", "{\"exit_code\": 33}"));
        assertThat(withJson.passed()).isTrue();
        assertThat(withJson.line()).isEqualTo("t: ok");
        Files.delete(tmp.resolve("proc_exit-failure.json"));
        WasiSuiteRunner.Result without = WasiSuiteRunner.run(engine, "t", tmp.resolve("proc_exit-failure.wasm"));
        assertThat(without.passed()).isFalse();
        assertThat(without.line()).isEqualTo("t: FAILED (exit 33, expected 0)");
    }

    @Test
    void argsAndEnvReachTheProgram() throws IOException {
        // each program asserts the values of its .json; with other values it must fail
        assertThat(WasiSuiteRunner.run(engine, "a", copy("args_get-multiple-arguments",
                Files.readString(as.resolve("args_get-multiple-arguments.json")))).passed()).isTrue();
        Files.writeString(tmp.resolve("args_get-multiple-arguments.json"), "{\"args\": [\"first\"]}");
        assertThat(WasiSuiteRunner.run(engine, "a", tmp.resolve("args_get-multiple-arguments.wasm")).passed()).isFalse();
        assertThat(WasiSuiteRunner.run(engine, "e", copy("environ_get-multiple-variables",
                Files.readString(as.resolve("environ_get-multiple-variables.json")))).passed()).isTrue();
        Files.writeString(tmp.resolve("environ_get-multiple-variables.json"), "{\"env\": {\"a\": \"text\"}}");
        assertThat(WasiSuiteRunner.run(engine, "e", tmp.resolve("environ_get-multiple-variables.wasm")).passed()).isFalse();
    }

    @Test
    void badInputIsAFailureWithItsReasonNotAnException() throws IOException {
        WasiSuiteRunner.Result badJson = WasiSuiteRunner.run(engine, "j", copy("proc_exit-success", "{not json"));
        assertThat(badJson.passed()).isFalse();
        assertThat(badJson.actual()).isEqualTo(-1);
        Files.write(tmp.resolve("junk.wasm"), new byte[] {0, 'a', 's', 'm', 9, 9, 9, 9});
        WasiSuiteRunner.Result junk = WasiSuiteRunner.run(engine, "junk", tmp.resolve("junk.wasm"));
        assertThat(junk.actual()).isEqualTo(-1);
        assertThat(junk.detail()).containsIgnoringCase("version");
        Files.writeString(tmp.resolve("proc_exit-success.json"), "{\"root\": \"no-such-folder\"}");
        assertThat(WasiSuiteRunner.run(engine, "r", tmp.resolve("proc_exit-success.wasm")).detail()).contains("no-such-folder");
    }

    @Test
    void eachRunGetsAFreshCopyOfItsRoot() throws IOException {
        Path rust = as.getParent().getParent().getParent().resolve("rust/testsuite/wasm32-wasip1");
        Path root = rust.resolve("fs-tests.dir");
        List<String> before;
        try (Stream<Path> s = Files.walk(root)) { before = s.map(Path::toString).sorted().toList(); }
        // the program makes and removes files below its root; twice in a row, both pass, the original stays as it was
        for (int i = 0; i < 2; i++) {
            assertThat(WasiSuiteRunner.run(engine, "fd_readdir", rust.resolve("fd_readdir.wasm")).passed()).isTrue();
        }
        try (Stream<Path> s = Files.walk(root)) { assertThat(s.map(Path::toString).sorted().toList()).isEqualTo(before); }
    }
}
