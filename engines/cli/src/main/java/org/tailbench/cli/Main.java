package org.tailbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tailbench}: the command line of the suite. Subcommands: {@code run} (a WASI program, like
 * {@code wasmtime run}), {@code spectest} (the spec testsuite's JSON files) and {@code engines}.
 * Exit codes: what the command returns ({@code run}: the program's exit status, 134 on a trap,
 * 1 on errors), 2 for a command line picocli cannot parse.
 */
@Command(name = "tailbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "WebAssembly execution strategies on the JVM: run WASI programs and spec tests.",
        footer = {"", "JVM flags: the ./tailbench launcher passes TAILBENCH_JAVA_OPTS (split on whitespace) to the JVM,",
                "e.g. TAILBENCH_JAVA_OPTS='-Xmx4g -XX:+PrintCompilation' ./tailbench run --engine aot prog.wasm"},
        subcommandsRepeatable = false)
public final class Main implements Runnable {
    private final Io io;

    Main(Io io) { this.io = io; }

    @Spec private CommandSpec spec;

    /** Without a subcommand: prints the usage with every subcommand and succeeds. */
    @Override public void run() { spec.commandLine().usage(io.out()); }

    /**
     * @return a configured command line whose commands read and write {@code io}
     */
    public static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new Main(io));
        cl.addSubcommand("run", EngineArgs.withOptionsHelp(new CommandLine(new RunCommand(io)).setStopAtPositional(true)));
        cl.addSubcommand("spectest", EngineArgs.withOptionsHelp(new CommandLine(new SpectestCommand(io))));
        cl.addSubcommand("wasitest", EngineArgs.withOptionsHelp(new CommandLine(new WasitestCommand(io))));
        cl.addSubcommand("engines", new EnginesCommand(io));
        cl.addSubcommand("charts", new ChartsCommand(io));
        cl.addSubcommand("compile", EngineArgs.withOptionsHelp(new CommandLine(new CompileCommand(io))));
        cl.addSubcommand("profile", EngineArgs.withOptionsHelp(new CommandLine(new ProfileCommand(io)).setStopAtPositional(true)));
        org.tailbench.bench.run.BenchCommands.register(cl, io.out(), io.err());   // bench, merge (module benchmarks)
        EngineArgs.withOptionsHelp(cl.getSubcommands().get("bench"));
        cl.addSubcommand("fuzz", EngineArgs.withOptionsHelp(new CommandLine(new FuzzCommand(io))));
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            io.err().println("error: internal error: " + ex);
            if (System.getenv("TAILBENCH_DEBUG") != null) ex.printStackTrace(io.err());
            return 1;
        });
        return cl;
    }

    /** @return the exit code of running {@code args} against {@code io} */
    public static int execute(Io io, String... args) {
        int code = commandLine(io).execute(args);
        io.out().flush();
        io.err().flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(execute(Io.system(), args));
    }

    /** The version from the jar manifest ({@code Implementation-Version}), or "dev" from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"tailbench " + (v != null ? v : "dev") + " (Java " + Runtime.version() + ")"};
        }
    }
}
