package org.tailbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tailbench.runtime.Engine;
import org.tailbench.spectest.SpecRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tailbench spectest}: runs wast2json output of the spec testsuite. Prints
 * {@code NAME.json: N passed, N failed, N skipped} per file, then the totals as
 * {@code N passed, N failed, N skipped}; exit status 1 when any command failed.
 */
@Command(name = "spectest", mixinStandardHelpOptions = true,
        description = "Runs spec testsuite files (wast2json .json output, or folders of them) on an engine.")
final class SpectestCommand implements Callable<Integer> {
    private final Io io;

    @Mixin EngineArgs.Choice engine = new EngineArgs.Choice();

    @Mixin EngineArgs.Tuning tuning = new EngineArgs.Tuning();

    @Option(names = "--verbose", description = "Print every failing command with its line in the .wast/.json.")
    boolean verbose;

    @Option(names = "--strict", description = "Fail expected rejections that report another message.")
    boolean strict;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A .json file, or a folder of them (a testsuite root uses its json/ folder).")
    List<Path> paths = new ArrayList<>();

    SpectestCommand(Io io) { this.io = io; }

    @Override public Integer call() {
        try {
            return run(engine.engine(), files());
        } catch (UserError x) {
            io.err().println("error: " + x.getMessage());
            return 1;
        }
    }

    /** @return the .json files below {@link #paths} @throws UserError for a missing path or one without spec files */
    private List<Path> files() {
        tuning.install();   // this JVM's options: the runner compiles with EngineOptions.process()
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            List<Path> found = SpecRunner.jsonFiles(EngineArgs.existing(p));
            if (found.isEmpty()) throw new UserError(p + ": no .json spec files there");
            files.addAll(found);
        }
        return files;
    }

    private int run(Engine e, List<Path> files) {
        List<SpecRunner.FileResult> results = new ArrayList<>();
        for (Path f : files) {
            SpecRunner.FileResult r = SpecRunner.runFile(f, e, strict);
            results.add(r);
            io.out().println(f.getFileName() + ": " + r.passed() + " passed, " + r.failed() + " failed, " + r.skipped() + " skipped");
            if (verbose) {
                for (SpecRunner.Failure fail : r.failures()) {
                    io.out().println("  line " + fail.line() + ": " + fail.command() + ": " + fail.detail());
                }
            }
            io.out().flush();
        }
        SpecRunner.Totals t = SpecRunner.Totals.of(results);
        io.out().println(t.passed() + " passed, " + t.failed() + " failed, " + t.skipped() + " skipped");
        return t.failed() > 0 ? 1 : 0;
    }
}
