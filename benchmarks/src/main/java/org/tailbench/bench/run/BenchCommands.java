package org.tailbench.bench.run;

import java.io.PrintStream;
import picocli.CommandLine;

/** Registers {@code bench}, {@code merge} and {@code tune} in the {@code tailbench} command line (engines/cli's Main). */
public final class BenchCommands {
    private BenchCommands() {}

    /** Adds the subcommands {@code bench} ({@link BenchCommand}) and {@code merge} ({@link MergeCommand}) to {@code cl}. */
    public static void register(CommandLine cl, PrintStream out, PrintStream err) {
        cl.addSubcommand("bench", new BenchCommand(out, err));
        cl.addSubcommand("merge", new MergeCommand(out, err));
        cl.addSubcommand("tune", new org.tailbench.bench.tune.TuneCommand(out, err));
    }
}
