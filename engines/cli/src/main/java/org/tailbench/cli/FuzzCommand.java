package org.tailbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tailbench.fuzz.FuzzCase;
import org.tailbench.fuzz.FuzzOptions;
import org.tailbench.fuzz.Fuzzer;
import org.tailbench.fuzz.Replay;
import org.tailbench.spectest.Testsuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tailbench fuzz}: differential fuzzing of the engines with mutated spec-testsuite and workload
 * modules ({@link Fuzzer}); {@code --replay FILE.wasm} runs one module on the engines and prints each
 * engine's outcome. Exit status 0, or 1 when findings were made (or the replayed module shows one).
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Differential fuzzing: mutates seed modules and compares the engines' outcomes (see README, \"Fuzzing\").")
final class FuzzCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--seed", defaultValue = "1", description = "Run seed (default: ${DEFAULT-VALUE}); with --cases the run is deterministic.")
    long seed;

    @Option(names = "--minutes", defaultValue = "10", description = "Wall-clock budget when --cases is not given (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--cases", defaultValue = "-1", description = "Number of cases to run (overrides --minutes).")
    long cases;

    @Option(names = "--engines", split = ",", paramLabel = "NAME", description = "Engines to compare (default: the own engines that can run here, see `tailbench engines`; "
            + "peers chicory-interp, chicory-aot, wasmtime, graalwasm are reported apart).")
    List<String> engines;   // null: FuzzOptions.ownEngines(), looked up only when fuzz runs

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/fuzz-<UTC time>).")
    Path out;

    @Option(names = "--testsuite", paramLabel = "DIR", description = "Spec testsuite folder (its json/*.wasm are seeds; default: -Dtailbench.testsuite or ../shared/wasm-testsuite).")
    Path testsuite;

    @Option(names = "--workloads", paramLabel = "DIR", description = "Folder of workload .wasm seeds (default: workloads/wasm of the repository).")
    Path workloads;

    @Option(names = "--workers", defaultValue = "2", description = "Worker JVMs running cases in parallel (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--invoke-limit-ms", defaultValue = "1000", description = "Wall-clock limit per invocation (default: ${DEFAULT-VALUE}).")
    long invokeLimit;

    @Option(names = "--compile-limit-ms", defaultValue = "30000", description = "Wall-clock limit per engine compile (default: ${DEFAULT-VALUE}).")
    long compileLimit;

    @Option(names = "--no-shrink", description = "Write findings without minimizing them.")
    boolean noShrink;

    @Option(names = "--wabt-every", defaultValue = "20", description = "Compare with wabt's wasm-validate on every N-th case, 0 = never (default: ${DEFAULT-VALUE}).")
    int wabtEvery;

    @Option(names = "--progress-seconds", defaultValue = "15", description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    int progressSeconds;

    @Option(names = "--replay", paramLabel = "FILE.wasm", description = "Run this module on the engines once and print each engine's outcome.")
    Path replay;

    @Mixin EngineArgs.Tuning tuning = new EngineArgs.Tuning();

    FuzzCommand(Io io) { this.io = io; }

    @Override public Integer call() {
        if (engines == null) {
            engines = new ArrayList<>(FuzzOptions.ownEngines());
            for (org.tailbench.runtime.Engine e : org.tailbench.runtime.Engines.own()) {
                e.unavailableReason().ifPresent(why -> io.err().println("fuzz: leaving out " + e.name() + ": " + why));
            }
        }
        try {
            List<String> workerJvmArgs = FuzzOptions.workerJvmArgs(tuning.install());
            if (replay != null) {
                byte[] bytes = ModuleInput.read(replay);
                Path log = out != null ? out.resolve("replay-worker.log") : Path.of(System.getProperty("java.io.tmpdir"), "tailbench-fuzz-replay-worker.log");
                return Replay.run(bytes, engines, invokeLimit, compileLimit, log, workerJvmArgs, io.out());
            }
            if (out == null) {
                out = Path.of("results", "fuzz-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)));
            }
            List<Path> dirs = new ArrayList<>();
            if (testsuite != null && !Files.isDirectory(testsuite)) throw new UserError(testsuite + ": no such folder (--testsuite)");
            if (workloads != null && !Files.isDirectory(workloads)) throw new UserError(workloads + ": no such folder (--workloads)");
            Path suite = testsuite != null ? testsuite : Testsuite.locate().orElse(null);
            if (suite != null) dirs.add(Files.isDirectory(suite.resolve("json")) ? suite.resolve("json") : suite);
            else io.err().println("warning: " + Testsuite.HOW_TO_GET);
            dirs.add(workloads != null ? workloads : locateWorkloads());
            List<FuzzCase.Seed> seeds = Fuzzer.loadSeeds(dirs);
            if (seeds.isEmpty()) throw new UserError("no seed modules (.wasm) in " + dirs);
            io.out().println("fuzz: seed " + seed + ", " + seeds.size() + " seed modules from " + dirs + ", engines " + engines
                    + ", " + workers + " workers, out " + out);
            FuzzOptions o = new FuzzOptions(seed, cases, minutes, List.copyOf(engines), out, seeds, workers, invokeLimit, compileLimit,
                    !noShrink, wabtEvery, progressSeconds, workerJvmArgs);
            Fuzzer f = new Fuzzer(o, io.out());
            Fuzzer.Summary s = f.run();
            io.out().printf("fuzz: %d cases in %.0f s (%.0f cases/min), %d finding kinds, %d peer disagreement kinds; summary in %s%n",
                    s.cases(), s.seconds(), s.casesPerMinute(), s.findings().size(), s.peerDisagreements().size(), out.resolve("summary.json"));
            return s.findings().isEmpty() ? 0 : 1;
        } catch (UserError x) {
            io.err().println("error: " + x.getMessage());
            return 1;
        }
    }

    /** workloads/wasm in the first ancestor of the working directory that has one. */
    private static Path locateWorkloads() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("workloads").resolve("wasm");
            if (Files.isDirectory(c)) return c;
        }
        return Path.of("workloads", "wasm");
    }
}
