package org.tailbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tailbench.aot.AotClasses;
import org.tailbench.aot.AotCompileException;
import org.tailbench.aot.AotJar;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.wasm.validate.ValidatedModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tailbench compile FILE.wasm -o FILE.jar}: compiles a module with the aot compiler and writes
 * the generated classes to a jar ({@link AotJar}), which {@code run --aot-jar} and benchmarks load
 * instead of compiling again. Exit status 0, or 1 with {@code error: MESSAGE}.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compiles a WebAssembly module to JVM classes (engine aot or aot-naive) and writes them to a jar.")
final class CompileCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.jar", description = "The jar to write (replaced atomically).")
    Path output;

    @Option(names = "--engine", defaultValue = "aot", paramLabel = "NAME", description = "aot (default) or aot-naive.")
    String engine;

    @Option(names = "--log", description = "Print per function: index, name, Wasm bytes, bytecode bytes, methods, split or not and why.")
    boolean log;

    @Option(names = "--profile", description = "Compile in per-function tail-call counters (off by default; = --option aot.profile=true).")
    boolean profile;

    @Mixin EngineArgs.Tuning tuning = new EngineArgs.Tuning();

    @Option(names = "--tuning", paramLabel = "tuning.json",
            description = "Bake the profile-guided decisions of this file (written by `tailbench tune`) into the classes.")
    Path tuningFile;

    @Parameters(index = "0", paramLabel = "FILE.wasm", description = "The module to compile.")
    Path file;

    CompileCommand(Io io) { this.io = io; }

    @Override public Integer call() {
        try {
            ModuleInput.engine(engine);   // an unknown name: the engines there are
            EngineOptions options = tuning.install();
            boolean printLog = log || options.get(EngineOptions.AOT_LOG);
            options = options.with(EngineOptions.AOT_LOG, false);   // the log is printed here, once, not by the compiler
            if (profile) options = options.with(EngineOptions.AOT_PROFILE, true);
            if (!options.isSet(EngineOptions.MODULE_NAME)) options = options.with(EngineOptions.MODULE_NAME, file.getFileName().toString());
            if (tuningFile != null) options = options.with(EngineOptions.AOT_TUNING, TuningArg.check(tuningFile));
            ValidatedModule vm = ModuleInput.decode(file, Files.readAllBytes(file));
            long t0 = System.nanoTime();
            AotClasses classes = AotJar.compile(engine, vm, options);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (printLog || tuningFile != null) classes.log().stream().filter(l -> printLog || l.startsWith("tuning:")).forEach(io.err()::println);
            AotJar.write(classes, output);
            io.err().println("compiled " + file + " (" + vm.module().bytes.length + " bytes, " + vm.module().functions.size()
                    + " functions) with " + engine + " in " + ms + " ms to " + output);
            return 0;
        } catch (NoSuchFileException x) {
            io.err().println("error: " + file + ": no such file");
        } catch (IOException x) {
            io.err().println("error: " + x.getMessage());
        } catch (UserError x) {
            io.err().println("error: " + x.getMessage());
        } catch (AotCompileException | IllegalArgumentException x) {
            io.err().println("error: " + x.getMessage());
        } finally {
            io.err().flush();
        }
        return 1;
    }
}
