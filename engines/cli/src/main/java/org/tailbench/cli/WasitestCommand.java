package org.tailbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tailbench.runtime.Engine;
import org.tailbench.spectest.WasiSuiteRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tailbench wasitest}: runs the WASI preview 1 conformance tests (github.com/WebAssembly/wasi-testsuite)
 * below DIR on an engine, with upstream's rules ({@link WasiSuiteRunner}). Prints {@code NAME: ok} or
 * {@code NAME: FAILED (exit A, expected E)} per test, then {@code N passed, N failed, N skipped};
 * exit status 1 when any test failed.
 */
@Command(name = "wasitest", mixinStandardHelpOptions = true,
        description = {"Runs WASI preview 1 testsuite programs (NAME.wasm + NAME.json, as github.com/WebAssembly/wasi-testsuite) on an engine.",
                "A test passes when its exit status is the expected one (NAME.json's exit_code, 0 when absent)."})
final class WasitestCommand implements Callable<Integer> {
    private final Io io;

    @Mixin EngineArgs.Choice engine = new EngineArgs.Choice();

    @Mixin EngineArgs.Tuning tuning = new EngineArgs.Tuning();

    @Option(names = "--verbose", description = "Print why each failing test failed (trap or load error, the program's stderr).")
    boolean verbose;

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder of tests (searched recursively, e.g. the suite's tests/), or one .wasm test.")
    Path dir;

    WasitestCommand(Io io) { this.io = io; }

    @Override public Integer call() {
        Engine e;
        List<Path> tests;
        try {
            e = engine.engine();
            tuning.install();   // this JVM's options: the runner compiles with EngineOptions.process()
            tests = WasiSuiteRunner.tests(EngineArgs.existing(dir));
            if (tests.isEmpty()) throw new UserError(dir + ": no .wasm tests there");
        } catch (UserError x) {
            io.err().println("error: " + x.getMessage());
            return 1;
        }
        int passed = 0, failed = 0;
        for (Path t : tests) {
            WasiSuiteRunner.Result r = WasiSuiteRunner.run(e, WasiSuiteRunner.name(dir, t), t);
            io.out().println(r.line());
            if (verbose && !r.passed() && !r.detail().isEmpty()) {
                for (String l : r.detail().split("\n")) io.out().println("  " + l);
            }
            io.out().flush();
            if (r.passed()) passed++; else failed++;
        }
        io.out().println(passed + " passed, " + failed + " failed, 0 skipped");
        return failed > 0 ? 1 : 0;
    }
}
