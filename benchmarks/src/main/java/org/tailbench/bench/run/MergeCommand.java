package org.tailbench.bench.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tailbench merge DIR...}: combines the run folders of {@code tailbench bench --shard i/n} into one run folder
 * ({@link Merge}). Exit 0, 1 when a folder cannot be read or results are missing, 2 on bad usage.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combines shard folders of `tailbench bench --shard i/n` (from one or several machines) into one run folder"
                + " with results.md, results.csv, index.html. A cell split over forks is pooled; each host's environment is kept,"
                + " and ratios are only taken between numbers from the same host."})
public final class MergeCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "the shard run folders")
    List<Path> dirs;
    @Option(names = "--out", paramLabel = "DIR", description = "the merged run folder (default: results/<UTC-time>-merged beside the first)")
    Path outDir;

    public MergeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override public Integer call() {
        try {
            return Merge.merge(dirs, outDir, out);
        } catch (java.io.IOException | RuntimeException e) {
            err.println("merge: " + e.getMessage());
            return 1;
        }
    }
}
