package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.testkit.gen.PolymorphicFunctions;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The engines a subclass names ({@link EngineSuite}) against node (V8, an independent runtime) on seeded
 * {@link PolymorphicFunctions}: code that keeps running after {@code if … else br … end}, values popped from the
 * polymorphic stack, branches out of both arms of an {@code if}, {@code br_table} to mixed labels. Each module's {@code f} is called with
 * several arguments; the result value, or {@code unreachable} trap, must equal node's. This is the test that
 * catches an engine lowering live code as dead (the closure engine returned a wrong value there).
 */
public abstract class PolymorphicExecutionTest extends EngineSuite {
    private static final int MODULES = 1000;
    private static final int[] ARGS = {0, 1, -1, 7};
    private static final String NODE_SCRIPT = """
            const fs = require('fs');
            const [dir, n, args] = [process.argv[2], +process.argv[3], process.argv[4].split(',').map(Number)];
            const out = [];
            for (let i = 0; i < n; i++) {
              const inst = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(dir + '/m' + i + '.wasm')));
              for (const a of args) {
                try { out.push(String(inst.exports.f(a))); }
                catch (e) { out.push(e instanceof WebAssembly.RuntimeError && /unreachable/.test(e.message) ? 'trap:unreachable' : 'other:' + e); }
              }
            }
            console.log(out.join('\\n'));
            """;

    @TempDir static Path dir;
    private static List<byte[]> modules;
    private static List<String> expected;

    @BeforeAll
    static void runNode() throws IOException, InterruptedException {
        modules = new ArrayList<>();
        for (int i = 0; i < MODULES; i++) {
            byte[] wasm = PolymorphicFunctions.module(7000 + i, 20 + i % 80, 0);
            modules.add(wasm);
            Files.write(dir.resolve("m" + i + ".wasm"), wasm);
        }
        Path script = Files.writeString(dir.resolve("run.js"), NODE_SCRIPT);
        StringBuilder args = new StringBuilder();
        for (int a : ARGS) args.append(args.isEmpty() ? "" : ",").append(a);
        Process p;
        try {
            p = new ProcessBuilder("node", script.toString(), dir.toString(), String.valueOf(MODULES), args.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            expected = null; // node missing: each test is reported as skipped, and .ci/run installs node
            return;
        }
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(p.exitValue()).as("node's exit status").isZero();
        expected = stdout.lines().toList();
        assertThat(expected).hasSize(MODULES * ARGS.length).noneMatch(s -> s.startsWith("other:"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void resultsEqualNodes(Engine engine) {
        assumeThat(expected).as("node (apt-get install nodejs)").isNotNull();
        int traps = 0;
        for (int i = 0; i < MODULES; i++) {
            var inst = engine.compile(ValidatedModule.of(modules.get(i))).instantiate(new Store(), Imports.NONE);
            for (int k = 0; k < ARGS.length; k++) {
                String got;
                try {
                    got = String.valueOf((int) inst.exportedFunction("f").invoke(ARGS[k])[0]);
                } catch (Trap t) {
                    got = "trap:" + t.kind().message;
                    traps++;
                }
                assertThat(got).as("%s, module %d (seed %d), f(%d)", engine.name(), i, 7000 + i, ARGS[k])
                        .isEqualTo(expected.get(i * ARGS.length + k));
            }
        }
        // both outcomes must occur, or the comparison says little
        assertThat(traps).isBetween(1, MODULES * ARGS.length - 1);
    }
}
