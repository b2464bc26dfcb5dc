package org.tailbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasi.WasiExit;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tailbench run}: decodes, validates and compiles a module with one engine, instantiates it with
 * the WASI imports and runs {@code _start} (or {@code --invoke EXPORT}). Exit status: the program's
 * {@code proc_exit} code (0 when {@code _start} returns), 134 after a trap (printed as {@code trap: MESSAGE}
 * plus the Wasm backtrace), 1 for a missing/malformed/invalid/unlinkable module or bad arguments.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a WebAssembly module with WASI, like `wasmtime run`.",
                "Options go before FILE; everything after FILE is passed to the program."})
final class RunCommand implements Callable<Integer> {
    static final int TRAP_EXIT = 134;
    private final Io io;

    @Mixin EngineArgs.Choice engine = new EngineArgs.Choice();

    @Mixin EngineArgs.Tuning tuning = new EngineArgs.Tuning();

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "Preopen host directory HOST as guest path GUEST (default: the same path). Repeatable.")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "K=V", description = "Set an environment variable for the program. Repeatable.")
    List<String> envs = new ArrayList<>();

    @Option(names = "--invoke", paramLabel = "EXPORT",
            description = "Call this exported function with ARGS (parsed per parameter type) and print its results, one per line.")
    String invoke;

    @Option(names = "--aot-jar", paramLabel = "FILE.jar",
            description = "Load the classes `tailbench compile` wrote instead of compiling (engine aot / aot-naive).")
    Path aotJar;

    @Option(names = "--tuning", paramLabel = "tuning.json",
            description = "Apply the profile-guided decisions of this file (written by `tailbench tune`): engine aot / aot-naive the devirtualizations"
                    + " of its aot section, native / native-naive those of its native section (decisions for other modules are ignored), engine switch its superinstructions (option switch.superinstructions).")
    Path tuningFile;

    @Parameters(index = "0", paramLabel = "FILE.wasm", description = "The module to run.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program (or the --invoke function).")
    List<String> args = new ArrayList<>();

    RunCommand(Io io) { this.io = io; }

    @Override public Integer call() {
        Wasi wasi = null;
        try {
            EngineOptions options = tuning.install();
            CompiledModule compiled = aotJar != null ? loadAotJar(ModuleInput.read(file), options)
                    : compile(engine.engine(), ModuleInput.load(file), options);
            wasi = wasi();
            Instance instance;
            try {
                instance = compiled.instantiate(new Store(), wasi.imports());
            } catch (LinkException x) {
                throw new UserError(file + ": " + x.getMessage());
            }
            return invoke == null ? runStart(wasi, instance) : invoke(instance);
        } catch (UserError x) {
            io.err().println("error: " + x.getMessage());
            return 1;
        } catch (WasiExit x) { // proc_exit from a start function or an --invoke'd export
            return x.code();
        } catch (Trap t) {
            if (wasi != null) wasi.flush();
            io.out().flush();
            io.err().println("trap: " + t.getMessage());
            io.err().println("wasm backtrace:");
            for (String line : Backtrace.lines(t)) io.err().println("  " + line);
            return TRAP_EXIT;
        } finally {
            if (wasi != null) wasi.close();
            io.out().flush();
            io.err().flush();
        }
    }

    /** Option {@code module.name} is the file's name unless given: aot names its generated classes (and their SourceFile, shown in JFR) after it. */
    private CompiledModule compile(Engine e, ValidatedModule vm, EngineOptions options) {
        if (!options.isSet(EngineOptions.MODULE_NAME)) options = options.with(EngineOptions.MODULE_NAME, file.getFileName().toString());
        if (tuningFile != null) {
            options = switch (e.name()) {
                case "aot", "aot-naive" -> options.with(EngineOptions.AOT_TUNING, TuningArg.check(tuningFile));
                case "native", "native-naive" -> options.with(EngineOptions.NATIVE_TUNING, TuningArg.check(tuningFile));
                case "switch" -> options.with(EngineOptions.SWITCH_SUPERINSTRUCTIONS, TuningArg.superinstructions(tuningFile));
                default -> throw new UserError("--tuning: engine " + e.name() + " takes no tuning file yet (aot, aot-naive, native, native-naive, switch do)");
            };
        }
        try {
            return e.compile(vm, options);
        } catch (org.tailbench.aot.AotCompileException | org.tailbench.tune.TuningMismatchException x) {
            throw new UserError(file + ": " + x.getMessage());
        }
    }

    /** the jar's module is not decoded in full nor validated again: the jar holds only for these exact bytes */
    private CompiledModule loadAotJar(byte[] bytes, EngineOptions options) {
        try {
            return org.tailbench.aot.AotJar.load(aotJar, bytes, options);
        } catch (IllegalArgumentException | java.io.UncheckedIOException x) {
            throw new UserError(aotJar + ": " + x.getMessage());
        }
    }

    private Wasi wasi() {
        Wasi.Builder b = Wasi.builder().stdin(io.in()).stdout(io.out()).stderr(io.err());
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        if (invoke == null) argv.addAll(args);
        b.args(argv);
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : envs) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new UserError("--env " + kv + ": expected KEY=VALUE");
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        b.env(env);
        for (String d : dirs) {
            int sep = d.indexOf("::");
            String host = sep < 0 ? d : d.substring(0, sep);
            String guest = sep < 0 ? d : d.substring(sep + 2);
            if (host.isEmpty() || guest.isEmpty()) throw new UserError("--dir " + d + ": expected HOST or HOST::GUEST");
            b.preopen(Path.of(host), guest);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException x) {
            throw new UserError(x.getMessage());
        }
    }

    private int runStart(Wasi wasi, Instance instance) {
        if (!(instance.export("_start") instanceof FunctionInstance)) {
            throw new UserError(file + ": no exported function \"_start\"; use --invoke EXPORT to call another export ("
                    + "exports are " + instance.exports().keySet() + ")");
        }
        return wasi.runStart(instance);
    }

    private int invoke(Instance instance) {
        if (!(instance.export(invoke) instanceof FunctionInstance f)) {
            throw new UserError(file + ": no exported function \"" + invoke + "\"; exports are " + instance.exports().keySet());
        }
        FuncType type = f.type();
        if (args.size() != type.params().length) {
            throw new UserError(invoke + " " + type + " takes " + type.params().length + " argument(s), got " + args.size());
        }
        long[] values = new long[args.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Values.parse(type.params()[i], args.get(i));
            } catch (IllegalArgumentException x) {
                throw new UserError("argument " + (i + 1) + " of " + invoke + ": " + x.getMessage());
            }
        }
        long[] results = f.invoke(values);
        for (int i = 0; i < type.results().length; i++) io.out().println(Values.format(type.results()[i], results[i]));
        return 0;
    }
}
