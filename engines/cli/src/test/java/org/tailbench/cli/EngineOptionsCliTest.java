package org.tailbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.cli.MainTest.assertNoJavaTrace;
import static org.tailbench.cli.MainTest.resource;
import static org.tailbench.cli.MainTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --option KEY=VALUE} and {@code --options-file FILE} on the commands that compile (module-scope options only:
 * per-JVM ones cannot change once this test JVM's engines ran).
 */
class EngineOptionsCliTest {
    @Test
    void anUnknownOptionIsAnErrorListingTheValidOnes() {
        MainTest.Result r = run("run", "--engine", "aot", "--option", "aot.nope=1", resource("hello.wasm"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: unknown engine option \"aot.nope\"").contains("aot.split", "tailcall.bounce");
        assertNoJavaTrace(r);
        MainTest.Result bad = run("spectest", "--option", "aot.split=some", "/no/such.json");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("error: option aot.split=some: expected none|hard|all\n");
    }

    @Test
    void aBadOverridePropertyIsAUserErrorNotAnInternalOne() {
        String before = System.getProperty("tailbench.aot.hardBudget");
        try {
            System.setProperty("tailbench.aot.hardBudget", "lots");
            MainTest.Result r = run("run", "--engine", "aot", "--invoke", "add", resource("math.wasm"), "2", "3");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("error: -Dtailbench.aot.hardBudget=lots: expected integer >= 1 (engine option aot.hardBudget)\n");
        } finally {
            if (before == null) System.clearProperty("tailbench.aot.hardBudget"); else System.setProperty("tailbench.aot.hardBudget", before);
        }
    }

    @Test
    void anOptionReachesTheCompiler(@TempDir Path tmp) {
        String jar = tmp.resolve("math.jar").toString();
        MainTest.Result c = run("compile", "--option", "aot.cheapBudget=1", "--option", "aot.log=true", resource("math.wasm"), "-o", jar);
        assertThat(c.code()).as(c.err()).isZero();
        // every function is above a 1-byte cheap budget, and the log (printed once, by the command) says so
        assertThat(c.err()).contains("cheap budget 1 B");
        assertThat(c.err().lines().filter(l -> l.startsWith("aot: func[")).count()).isEqualTo(5);
        MainTest.Result r = run("run", "--engine", "aot", "--option", "aot.split=none", "--invoke", "add", resource("math.wasm"), "2", "3");
        assertThat(r.out()).isEqualTo("5\n");
        assertThat(r.code()).isZero();
    }

    @Test
    void aTuningFileWorksLikeOptionsAndMissingOneIsAClearError(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("t.options");
        Files.writeString(file, "# aot options, read by aot only: switch runs as ever\naot.split=hard\n");
        MainTest.Result r = run("run", "--options-file", file.toString(), "--invoke", "add", resource("math.wasm"), "2", "3");
        assertThat(r.out()).isEqualTo("5\n");
        MainTest.Result missing = run("run", "--options-file", tmp.resolve("none").toString(), resource("hello.wasm"));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: ").contains("no such file (--options-file)");
    }

    @Test
    void aTuningFilesSuperinstructionsReachTheSwitchEngine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("tuning.json");
        Files.writeString(file, "{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[],\"interp\":{\"superinstructions\":"
                + "[{\"pattern\":\"local.get>local.get>i32.add\"},{\"pattern\":\"local.get>local.get\"}]}}");
        MainTest.Result r = run("run", "--engine", "switch", "--tuning", file.toString(), "--invoke", "add", resource("math.wasm"), "2", "3");
        assertThat(r.out()).as(r.err()).isEqualTo("5\n");
        Path unknown = tmp.resolve("unknown.json");
        Files.writeString(unknown, "{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[],\"interp\":{\"superinstructions\":"
                + "[{\"pattern\":\"i64.add>i64.add\"}]}}");
        MainTest.Result bad = run("run", "--engine", "switch", "--tuning", unknown.toString(), resource("hello.wasm"));
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("error: " + unknown + ": unknown superinstruction \"i64.add>i64.add\"");
        assertNoJavaTrace(bad);
        MainTest.Result other = run("run", "--engine", "threaded", "--tuning", file.toString(), resource("hello.wasm"));
        assertThat(other.code()).isEqualTo(1);
        assertThat(other.err()).contains("engine threaded takes no tuning file yet (aot, aot-naive, switch do)");
    }

    @Test
    void helpListsEveryOptionWithDefaultAndEngines() {
        for (String cmd : new String[] {"run", "compile", "spectest", "wasitest", "profile", "fuzz", "bench"}) {
            MainTest.Result r = run(cmd, "--help");
            String help = r.out().replaceAll("\\s+", "");   // picocli wraps long footer lines (also after a '.')
            assertThat(help).as(cmd).contains("--option=KEY=VALUE")
                    .contains("aot.split=none|hard|all(defaultall;aot,aot-naive;-Dtailbench.aot.split)")
                    .contains("tailcall.bounce=integer1..65536(default16instructions;tailcall;perJVM;-Dtailbench.tailcall.bounce)");
        }
    }
}
