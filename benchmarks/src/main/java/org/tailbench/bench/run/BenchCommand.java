package org.tailbench.bench.run;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tailbench bench}: runs the JMH benchmarks (full run, instantiation, compile) for the chosen engines and
 * workloads, times the native and JIT references ({@code workloads/reference.sh}), and writes
 * {@code results/<UTC-time>-<host>/} as documented in {@code results/README.md}. {@code ./run-bench.sh} is its
 * launcher. Exit status: 0 all results present; 1 a benchmark or a reference failed; 2 bad usage; 130 interrupted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the JMH benchmarks of the chosen engines × workloads (full run, instantiation, compile), times the"
                + " native and JIT references, and writes results/<UTC-time>-<host>/ (results.md, results.csv, index.html, ...;"
                + " see results/README.md); results/latest points to the newest complete run.",
                "Progress goes to the console; JMH's own output to the run folder's jmh.log.",
                "Another JMH run holding /tmp/jmh.lock is waited for (30 min, or TAILBENCH_JMH_LOCK_WAIT seconds).",
                "Exit status: 0 all results present; 1 a benchmark or reference failed; 2 bad usage; 130 interrupted."},
        footer = {"", "  -- ARGS...   after --: extra JMH options for every invocation (e.g. -- -prof gc);"
                + " with --wasm, the program's arguments instead"})
public final class BenchCommand implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;

    @Option(names = "--engines", split = ",", paramLabel = "a,b", description = "engines to compare (default: every engine)")
    List<String> engines = new ArrayList<>();
    @Option(names = "--workloads", split = ",", paramLabel = "x,y",
            description = "catalog workloads (default: the default set; --profile full: every workload)")
    List<String> workloads = new ArrayList<>();
    @Option(names = "--size", paramLabel = "NAME", description = "catalog size (default: ${DEFAULT-VALUE})")
    String size = "default";
    @Option(names = "--profile", paramLabel = "quick|full", description = {
            "quick (default): 1 fork × (3 warm-up + 8 measurement iterations) per benchmark, each iteration at least 0.75 s"
            + " and 5 operations long (an operation over 1 s: one per iteration, single-shot, with fewer warm-up shots"
            + " to keep a cell near 3 min; an operation over 45 s is not run and its cell says so); instantiation and"
            + " compile alike with 7 warm-ups of ≥ 0.5 s. The operation times are measured first (a few runs per engine × workload)."
            + " A cell whose error is over 10 %% of its score is measured again with longer settings (up to 3 attempts; full: 2);"
            + " the time estimate counts these re-runs by their chance: this machine's last run of the cell at the same settings"
            + " (results/latest: wide or not), else assumed: a first attempt 55 %% (run) or 17 %% (instantiation, compile), a later one 14 %%.",
            "full: 3 forks × (5 + 10 iterations of ≥ 1 s and ≥ 10 operations; single-shot over 2 s), JFR pass on.",
            "(smoke: the tests' tiny real run, 1 fork × 2 iterations of 100 ms; its errors mean nothing.)"})
    String profile = "quick";
    @Option(names = "--baseline", paramLabel = "ENGINE", description = "engine the ratio columns divide by (default: switch if run, else the first)")
    String baseline;
    @Option(names = "--references", paramLabel = "WHICH", description = "none | native (gcc and clang-19 -O2 builds) | all (default: also node's WASI)")
    String references = "all";
    @Option(names = "--reference-runs", paramLabel = "N", description = "timed whole-process runs per reference cell (default: 5 quick, 10 full)")
    Integer referenceRuns;
    @Option(names = "--timer", paramLabel = "auto|hyperfine|loop", description = "how references are timed (default: ${DEFAULT-VALUE})")
    String timer = "auto";
    @Option(names = "--wasm", paramLabel = "FILE.wasm", description = "benchmark your own WASI command module instead of catalog workloads;"
            + " its arguments follow --; every run must repeat the first run's stdout sha256 and exit code")
    Path wasm;
    @Option(names = "--name", paramLabel = "NAME", description = "the row name of --wasm's module (default: the file name)")
    String name;
    @Option(names = "--jvm-args", paramLabel = "\"FLAGS\"", description = {
            "flags of the forked benchmark JVMs (default: \"${DEFAULT-VALUE}\"); they replace the default, so repeat what you keep, e.g.",
            "  --jvm-args \"${DEFAULT-VALUE} -XX:-DontCompileHugeMethods\" (C2 also compiles methods above 8000 B of bytecode)",
            "  --jvm-args \"${DEFAULT-VALUE} -Dtailbench.aot.frame=false\" (aot without its frame strategy, to compare)"})
    String jvmArgs = String.join(" ", JvmFlags.FORK);
    @Option(names = "--option", paramLabel = "KEY=VALUE", description = {
            "engine option for every engine of the run (repeatable; the options are listed below), passed to the forked JVMs",
            "as one -D" + org.tailbench.runtime.EngineOptions.PROPERTY + "=KEY=VALUE,... flag; e.g. --option aot.frame=false (default: none)"})
    List<String> engineOptions = new ArrayList<>();
    @Option(names = "--options-file", paramLabel = "FILE", description = "engine options from a tuning file: one KEY=VALUE per line, # comments; --option items win")
    Path optionsFile;
    @Option(names = "--results-dir", paramLabel = "DIR", description = "where run folders go (default: results/ of the repository)")
    Path resultsDir;
    @Option(names = "--jfr", negatable = true, description = "after the timed pass, record each engine × workload with JFR in its own JVM:"
            + " jfr/<workload>/<engine>.jfr (default: on with --profile full)")
    Boolean jfr;
    @Option(names = "--jfr-seconds", paramLabel = "N", description = "seconds recorded per cell (default: 5 quick, 20 full)")
    Integer jfrSeconds;
    @Option(names = "--jfr-warmup", paramLabel = "N", description = "seconds each cell runs before recording (default: 2 quick, 5 full)")
    Integer jfrWarmup;
    @Option(names = "--opcode-profile", description = "exact Wasm opcode and pair counts per workload (the switch engine's counting mode)")
    boolean opcodeProfile;
    @Option(names = "--shard", paramLabel = "i/n", description = "run only slice i of n of the engine × workload × fork matrix"
            + " (deterministic; combine the folders with tailbench merge)")
    String shard = "1/1";
    @Option(names = "--dry-run", description = "print the plan, the time estimate and the JMH settings; run nothing")
    boolean dryRun;
    @Option(names = "--root", paramLabel = "DIR", hidden = true, description = "the repository (default: found from the jar)")
    Path root;
    @Parameters(paramLabel = "ARGS", description = "after --: extra JMH options, or --wasm's program arguments")
    List<String> rest = new ArrayList<>();

    public BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override public Integer call() {
        BenchConfig c;
        try {
            c = config();
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return 2;
        }
        try {
            return new BenchRun(c, out, err).execute();
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return 2;
        }
    }

    /** @return the validated settings @throws IllegalArgumentException naming the bad option */
    BenchConfig config() {
        Profile p = Profile.of(profile);
        if (!List.of("none", "native", "all").contains(references)) {
            throw new IllegalArgumentException("--references must be none, native or all, not '" + references + "'");
        }
        if (!List.of("auto", "hyperfine", "loop").contains(timer)) {
            throw new IllegalArgumentException("--timer must be auto, hyperfine or loop, not '" + timer + "'");
        }
        if (referenceRuns != null && referenceRuns < 1) throw new IllegalArgumentException("--reference-runs must be a positive whole number");
        if (jfrSeconds != null && jfrSeconds < 1) throw new IllegalArgumentException("--jfr-seconds must be a positive whole number");
        if (jfrWarmup != null && jfrWarmup < 0) throw new IllegalArgumentException("--jfr-warmup must be a whole number");
        if (name != null && wasm == null) throw new IllegalArgumentException("--name goes with --wasm");
        String wasmName = null;
        if (wasm != null) {
            if (!Files.isRegularFile(wasm)) throw new IllegalArgumentException("--wasm " + wasm + ": no such file");
            if (!workloads.isEmpty()) throw new IllegalArgumentException("--wasm replaces the catalog workloads: drop --workloads");
            if (!size.equals("default")) throw new IllegalArgumentException("--size applies to catalog workloads, not to --wasm");
            wasmName = name != null ? name : wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
            if (!wasmName.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("--name '" + wasmName + "': use letters, digits, '_', '.' and '-' only");
            }
            for (String a : rest) {
                if (a.contains("\n") || a.contains("\t")) throw new IllegalArgumentException("--wasm program arguments with newlines or tabs are not supported");
            }
        }
        int[] sh = Plan.parseShard(shard);
        if (sh[0] < 1 || sh[0] > sh[1]) throw new IllegalArgumentException("--shard must be i/n with 1 <= i <= n, not " + shard);
        Path repo = root != null ? root.toAbsolutePath().normalize() : Repo.find();
        List<String> forkJvmArgs = new ArrayList<>(JvmFlags.split(jvmArgs));
        org.tailbench.runtime.EngineOptions options = engineOptions();
        if (!options.isEmpty()) forkJvmArgs.add("-D" + org.tailbench.runtime.EngineOptions.PROPERTY + "=" + options.encode());
        return new BenchConfig(List.copyOf(engines), List.copyOf(workloads), size, p, baseline, references,
                referenceRuns != null ? referenceRuns : p.referenceRuns, timer,
                wasm == null ? null : wasm.toAbsolutePath().normalize(), wasmName, List.copyOf(forkJvmArgs),
                resultsDir != null ? resultsDir.toAbsolutePath().normalize() : repo.resolve("results"),
                jfr != null ? jfr : p.jfr, jfrSeconds != null ? jfrSeconds : p.jfrSeconds,
                jfrWarmup != null ? jfrWarmup : p.jfrWarmup, opcodeProfile, sh[0], sh[1], dryRun, repo,
                wasm == null ? List.copyOf(rest) : List.of(), wasm == null ? List.of() : List.copyOf(rest),
                commandLine());
    }

    /** @return --options-file's options with --option's over them @throws IllegalArgumentException naming an unknown key, a bad value or file */
    private org.tailbench.runtime.EngineOptions engineOptions() {
        org.tailbench.runtime.EngineOptions o = org.tailbench.runtime.EngineOptions.NONE;
        if (optionsFile != null) {
            try {
                o = org.tailbench.runtime.EngineOptions.load(optionsFile);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--options-file " + optionsFile + ": cannot read it (" + e + ")");
            }
        }
        return o.withAll(org.tailbench.runtime.EngineOptions.parse(engineOptions));
    }

    @Spec CommandSpec spec;

    /** The command line as typed, for command.txt ({@code run-bench.sh} names itself in TAILBENCH_COMMAND). */
    private String commandLine() {
        String prog = System.getenv("TAILBENCH_COMMAND");
        List<String> args = spec == null ? List.of() : new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.getFirst().equals("bench")) args.removeFirst();
        int r = args.indexOf("--root");   // run-bench.sh's own
        if (r >= 0 && r + 1 < args.size() && (args.indexOf("--") < 0 || r < args.indexOf("--"))) { args.remove(r + 1); args.remove(r); }
        return (prog == null || prog.isBlank() ? "tailbench bench" : prog) + (args.isEmpty() ? "" : " " + quote(args));
    }

    /** @return {@code args} joined, each shell-quoted when needed */
    static String quote(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(a.matches("[A-Za-z0-9_./,=:+@%^-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    static List<String> list(String... a) { return new ArrayList<>(Arrays.asList(a)); }
}
