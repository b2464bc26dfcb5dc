package org.tailbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the tailbench commands in-process on small modules under src/test/resources/cli
 * (their .wat/.c sources sit beside them) and checks exit codes and output.
 */
class MainTest {
    record Result(int code, String out, String err) {}

    static Result runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = Main.execute(io, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(String... args) { return runWithStdin("", args); }

    static String resource(String name) {
        try {
            return Path.of(MainTest.class.getResource("/cli/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static void assertNoJavaTrace(Result r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpAndVersion() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("run", "spectest", "engines");
        r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("tailbench ");
        for (String sub : new String[] {"run", "spectest", "engines"}) {
            r = run(sub, "--help");
            assertThat(r.code()).as(sub).isZero();
            assertThat(r.out()).as(sub).contains("Usage: tailbench " + sub);
        }
    }

    @Test
    void withoutASubcommandTheUsageListsTheSubcommands() {
        Result r = run();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Commands:").contains("run", "spectest", "engines", "compile", "profile");
    }

    @Test
    void runawayRecursionFoldsRepeatedFramesAndNamesUnnamedFunctionsOnce(@TempDir Path dir) throws Exception {
        // (module (func (export "f") (call 0))): no name section, so frames are named by index only
        byte[] wasm = java.util.HexFormat.of().parseHex("0061736d0100000001040160000003020100070501016600000a0601040010000b");
        Path file = Files.write(dir.resolve("rec.wasm"), wasm);
        Result r = run("run", "--invoke", "f", file.toString());
        assertThat(r.code()).isEqualTo(134);
        assertThat(r.err()).startsWith("trap: call stack exhausted\n");
        assertThat(r.err()).doesNotContain("func[0] func[0]");
        assertThat(r.err().lines().filter(l -> l.startsWith("  func[0]"))).hasSize(1)
                .first(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("(× 100)");
        assertThat(r.err()).containsPattern("\\.\\.\\. [0-9]+ more frames");
        assertNoJavaTrace(r);
    }

    @Test
    void enginesListsSwitch() {
        Result r = run("engines");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).anyMatch(l -> l.startsWith("switch "));
    }

    @Test
    void missingFileIsAClearError() {
        Result r = run("run", "/no/such/file.wasm");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: /no/such/file.wasm: no such file\n");
    }

    @Test
    void malformedModuleIsAnErrorWithItsOffset(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.wasm");
        Files.write(bad, new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}); // wrong version
        Result r = run("run", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + bad + ": malformed module: unknown binary version").contains("offset");
        assertNoJavaTrace(r);
        Files.write(bad, "not wasm at all".getBytes(StandardCharsets.UTF_8));
        r = run("run", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains("magic header");
        assertNoJavaTrace(r);
    }

    @Test
    void unknownEngineIsAnError() {
        Result r = run("run", "--engine", "nope", resource("hello.wasm"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: unknown engine \"nope\"");
    }

    @Test
    void helloPrintsAndExitsWithProcExitCode() {
        Result r = run("run", resource("hello.wasm"));
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("hello\n");
        assertThat(r.code()).isEqualTo(7);
    }

    @Test
    void compileWritesAJarThatRunLoadsAndAnotherModuleIsRefused(@TempDir Path tmp) {
        String jar = tmp.resolve("hello.jar").toString();
        Result c = run("compile", resource("hello.wasm"), "-o", jar, "--log");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.err()).contains("aot: func[").contains("compiled ");
        assertThat(Files.exists(Path.of(jar))).isTrue();
        Result r = run("run", "--aot-jar", jar, resource("hello.wasm"));
        assertThat(r.out()).isEqualTo("hello\n");
        assertThat(r.code()).isEqualTo(7);
        Result wrong = run("run", "--aot-jar", jar, resource("trap.wasm"));
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("error: ").contains("another module");
        assertNoJavaTrace(wrong);
    }

    @Test
    void trapOnAotHasTheSameBacktraceNames() {
        Result r = run("run", "--engine", "aot", resource("trap.wasm"));
        assertThat(r.code()).isEqualTo(134);
        assertThat(r.err()).startsWith("trap: unreachable\n").contains("inner");
        assertNoJavaTrace(r);
    }

    @Test
    void trapExitsWith134AndABacktrace() {
        Result r = run("run", resource("trap.wasm"));
        assertThat(r.code()).isEqualTo(134);
        assertThat(r.err()).startsWith("trap: unreachable\n");
        assertThat(r.err()).contains("inner"); // the trapping function, named by the name section
        assertNoJavaTrace(r);
    }

    @Test
    void invokeParsesArgumentsPerTypeAndPrintsResults() {
        assertThat(run("run", "--invoke", "add", resource("math.wasm"), "2", "-5").out()).isEqualTo("-3\n");
        assertThat(run("run", "--invoke", "add", resource("math.wasm"), "0xFFFFFFFF", "1").out()).isEqualTo("0\n");
        assertThat(run("run", "--invoke", "mul64", resource("math.wasm"), "4294967296", "3").out()).isEqualTo("12884901888\n");
        assertThat(run("run", "--invoke", "half", resource("math.wasm"), "3").out()).isEqualTo("1.5\n");
        assertThat(run("run", "--invoke", "swap", resource("math.wasm"), "2.5", "9").out()).isEqualTo("9\n2.5\n");
        Result r = run("run", "--invoke", "add", resource("math.wasm"), "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: add");
        r = run("run", "--invoke", "add", resource("math.wasm"), "x", "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not a valid i32");
        r = run("run", "--invoke", "div", resource("math.wasm"), "1", "0");
        assertThat(r.code()).isEqualTo(134);
        assertThat(r.err()).startsWith("trap: integer divide by zero");
        r = run("run", resource("math.wasm"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("_start");
    }

    @Test
    void cProgramWithPreopenedDirectoryArgsAndEnv(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        Files.writeString(data.resolve("in.txt"), "from the host");
        Result r = run("run", "--dir", data + "::/data", "--env", "GREETING=hi there",
                resource("files.wasm"), "/data/in.txt", "second arg");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains(
                "argv[1]=/data/in.txt\n", "argv[2]=second arg\n", "GREETING=hi there\n",
                "content=from the host\n", "entries=2\n", "escape=refused\n", "year>=2024: 1\n");
        assertThat(r.out()).startsWith("argv[0]=" + resource("files.wasm") + "\n");
        assertThat(r.code()).isEqualTo(3);
        assertThat(Files.readString(data.resolve("out.txt"))).isEqualTo("written by wasm\n");
        assertThat(Files.exists(tmp.resolve("escape.txt"))).isFalse();
    }

    @Test
    void fileSystemCallsStdinAndSandboxFromC(@TempDir Path tmp) throws Exception {
        Path box = Files.createDirectory(tmp.resolve("box"));
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(box.resolve("out"), Path.of(".."));
        Result r = runWithStdin("line one\n", "run", "--dir", box + "::/box", resource("fsops.wasm"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("to stderr\n");
        assertThat(r.out()).isEqualTo(String.join("\n",
                "stdin=line one", "mkdir=ok", "stat-dir=ok", "open-create=ok", "write=ok", "append=ok", "lseek=ok",
                "read=ok", "fstat-size=ok", "rename=ok", "stat-gone=ok", "rmdir=ok", "symlink=ok", "readlink=ok",
                "unlink=ok", "escape-symlink=refused", "escape-dotdot=refused", "slept>=20ms=1", "getentropy=ok", ""));
        try (var files = Files.list(box)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void spectestRunsJsonFilesAndPrintsTotals() {
        var suite = org.tailbench.spectest.Testsuite.locate();
        assumeTrue(suite.isPresent(), org.tailbench.spectest.Testsuite.HOW_TO_GET);
        Path json = suite.get().resolve("json/nop.json");
        Result r = run("spectest", json.toString());
        assertThat(r.out()).startsWith("nop.json: ");
        assertThat(r.out().lines().toList().getLast()).matches("\\d+ passed, \\d+ failed, \\d+ skipped");
        assertThat(r.code()).isEqualTo(r.out().contains(" 0 failed") ? 0 : 1);
        Result missing = run("spectest", "/no/such.json");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: ");
    }

    @Test
    void wasitestRunsTestsAndPrintsTotals() {
        var suite = org.tailbench.spectest.WasiTestsuite.locate();
        assumeTrue(suite.isPresent(), org.tailbench.spectest.WasiTestsuite.HOW_TO_GET);
        Path dir = suite.get().resolve("tests/assemblyscript");
        Result r = run("wasitest", "--engine", "switch", dir.toString());
        java.util.List<String> lines = r.out().lines().toList();
        // proc_exit-failure exits 33, as its .json expects: a pass (upstream's rule: exit status compared)
        assertThat(lines).contains("proc_exit-failure: ok", "args_get-multiple-arguments: ok");
        assertThat(lines.getLast()).isEqualTo((lines.size() - 1) + " passed, 0 failed, 0 skipped");
        assertThat(r.code()).isZero();
        Result missing = run("wasitest", "/no/such/dir");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: ");
    }
}
