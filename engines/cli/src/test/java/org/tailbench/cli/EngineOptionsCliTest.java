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
        assertThat(other.err()).contains("engine threaded takes no tuning file yet (aot, aot-naive, native, native-naive, switch do)");
    }

    /** {@code callAt(idx, x)} = call_indirect (i32) → i32 through element idx of table [f0, f1]; f0(x) = x + 1, f1(x) = x * 2 */
    private static byte[] indirect() {
        org.tailbench.wasm.ModuleBuilder mb = new org.tailbench.wasm.ModuleBuilder();
        int t0 = mb.type(new int[] {org.tailbench.wasm.ModuleBuilder.I32}, org.tailbench.wasm.ModuleBuilder.I32);
        int t1 = mb.type(new int[] {org.tailbench.wasm.ModuleBuilder.I32, org.tailbench.wasm.ModuleBuilder.I32}, org.tailbench.wasm.ModuleBuilder.I32);
        mb.func(t0, 0, new org.tailbench.wasm.ModuleBuilder.Body().localGet(0).i32Const(1).op(org.tailbench.wasm.Op.I32_ADD));
        mb.func(t0, 0, new org.tailbench.wasm.ModuleBuilder.Body().localGet(0).i32Const(2).op(org.tailbench.wasm.Op.I32_MUL));
        int callAt = mb.func(t1, 0, new org.tailbench.wasm.ModuleBuilder.Body().localGet(1).localGet(0).callIndirect(t0));
        mb.table(0, 1);
        return mb.export("callAt", callAt).build();
    }

    @Test
    void aTuningFilesNativeSectionReachesTheNativeEngines(@TempDir Path tmp) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.tailbench.runtime.Engines.byName("native").unavailableReason().isEmpty(),
                "native code does not run on this machine");
        byte[] bytes = indirect();
        Path wasm = tmp.resolve("indirect.wasm");
        Files.write(wasm, bytes);
        org.tailbench.wasm.Module m = org.tailbench.wasm.validate.ValidatedModule.of(bytes).module();
        int site = -1;   // callAt's call_indirect: body offset of its third instruction
        org.tailbench.wasm.Module.Function fn = m.functions.get(2);
        for (int i = 0; i < fn.body().length; i++) if (fn.body().opAt(i) == org.tailbench.wasm.Op.CALL_INDIRECT) site = fn.body().pos[i] - fn.bodyOffset();
        String sha = org.tailbench.tune.TuningFile.sha256(bytes);
        Path file = tmp.resolve("tuning.json");
        Files.writeString(file, "{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[{\"sha256\":\"" + sha + "\",\"native\":"
                + "{\"devirtualize\":[{\"function\":2,\"offset\":" + site + ",\"op\":\"call_indirect\",\"targets\":[0]}]}}]}");
        for (String engine : new String[] {"native", "native-naive"}) {
            MainTest.Result hit = run("run", "--engine", engine, "--tuning", file.toString(), "--invoke", "callAt", wasm.toString(), "0", "41");
            assertThat(hit.out()).as(hit.err()).isEqualTo("42\n");
            MainTest.Result miss = run("run", "--engine", engine, "--tuning", file.toString(), "--invoke", "callAt", wasm.toString(), "1", "21");
            assertThat(miss.out()).as(miss.err()).isEqualTo("42\n");
            MainTest.Result oob = run("run", "--engine", engine, "--tuning", file.toString(), "--invoke", "callAt", wasm.toString(), "2", "1");
            assertThat(oob.code()).isEqualTo(134);
            assertThat(oob.err()).startsWith("trap: undefined element");
        }
        Path wrong = tmp.resolve("wrong.json");
        Files.writeString(wrong, Files.readString(file).replace("\"offset\":" + site, "\"offset\":" + (site + 1)));
        MainTest.Result bad = run("run", "--engine", "native", "--tuning", wrong.toString(), "--invoke", "callAt", wasm.toString(), "0", "1");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("error: " + wasm + ": native: tuning (module): function 2 offset " + (site + 1)
                + ": no instruction starts at that offset");
        assertNoJavaTrace(bad);
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
