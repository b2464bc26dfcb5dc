package org.tailbench.bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.tailbench.bench.run.JmhLock;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;

/**
 * Runs {@link DispatchBenchmark} for some engines with JMH's GC profiler ({@code -prof gc}) and writes
 * {@code micro.md} (the tables of {@link MicroTable}, the settings and the environment) and {@code jmh.json}
 * into an output folder. Used by {@code benchmarks/micro.sh}; run with the benchmarks jar on the class path:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.tailbench.bench.micro.MicroReport [options]</pre>
 *
 * Options: {@code --engines a,b} (default every registered engine, {@code switch} first), {@code --kernels a,b} (default all),
 * {@code --n N} (default 10000), {@code --forks F} (1), {@code --warmup W} (3), {@code --iterations I} (5),
 * {@code --time S} seconds per iteration (1), {@code --out DIR} (required), {@code --command TEXT} (the
 * command line to quote in the report). While another JMH run holds JMH's lock ({@code /tmp/jmh.lock}) it waits,
 * up to {@link #LOCK_WAIT_SECONDS}, so runs on a shared machine do not overlap. Exit status 0 when every benchmark produced a result, 1 otherwise,
 * 2 for bad usage.
 */
public final class MicroReport {
    private MicroReport() {}

    /** How long {@link #main} waits for another JMH run (holding {@code /tmp/jmh.lock}) to finish. */
    static final long LOCK_WAIT_SECONDS = JmhLock.defaultWaitSeconds();

    private static final String USAGE = "usage: MicroReport --out DIR [--engines a,b] [--kernels a,b] [--n N]"
            + " [--forks F] [--warmup W] [--iterations I] [--time SECONDS] [--command TEXT]";

    /** Parsed options. */
    record Settings(List<String> engines, List<String> kernels, int n, int forks, int warmup, int iterations,
                    int seconds, Path out, String command) {}

    /**
     * @throws IllegalArgumentException with the usage for a bad option, an unknown engine or kernel
     */
    static Settings parse(String[] args) {
        List<String> engines = defaultEngines();
        List<String> kernels = Kernels.NAMES;
        int n = 10_000, forks = 1, warmup = 3, iterations = 5, seconds = 1;
        Path out = null;
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
            String v = args[++i];
            switch (a) {
                case "--engines" -> engines = split(v);
                case "--kernels" -> kernels = split(v);
                case "--n" -> n = positive(a, v);
                case "--forks" -> forks = positive(a, v);
                case "--warmup" -> warmup = atLeast(a, v, 0);
                case "--iterations" -> iterations = positive(a, v);
                case "--time" -> seconds = positive(a, v);
                case "--out" -> out = Path.of(v);
                case "--command" -> command = v;
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        if (out == null) throw new IllegalArgumentException("--out is required\n" + USAGE);
        for (String e : engines) Engines.byName(e);    // throws, naming the engines there are
        for (String k : kernels) Kernels.byName(k);    // throws, naming the kernels
        return new Settings(engines, kernels, n, forks, warmup, iterations, seconds, out, command);
    }

    /** @return every registered engine, {@link MicroTable#BASELINE} first, then by name */
    static List<String> defaultEngines() {
        List<String> names = new ArrayList<>(Engines.all().stream().map(Engine::name).toList());
        if (names.remove(MicroTable.BASELINE)) names.addFirst(MicroTable.BASELINE);
        return List.copyOf(names);
    }

    private static List<String> split(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int positive(String option, String v) { return atLeast(option, v, 1); }

    private static int atLeast(String option, String v, int min) {
        int x;
        try {
            x = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer ≥ " + min + ", got \"" + v + "\"");
        }
        if (x < min) throw new IllegalArgumentException(option + " needs an integer ≥ " + min + ", got " + x);
        return x;
    }

    /** Runs the benchmarks and writes the report; see the class comment for the options and exit status. */
    public static void main(String[] args) throws RunnerException, IOException {
        Settings s;
        try {
            s = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("MicroReport: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(s.out());
        String include = DispatchBenchmark.class.getName() + "\\.(" + String.join("|", s.kernels()) + ")$";
        ChainedOptionsBuilder ob = new OptionsBuilder().include(include)
                .param("engine", s.engines().toArray(String[]::new))
                .param("n", String.valueOf(s.n()))
                .forks(s.forks()).warmupIterations(s.warmup()).measurementIterations(s.iterations())
                .warmupTime(TimeValue.seconds(s.seconds())).measurementTime(TimeValue.seconds(s.seconds()))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON).result(s.out().resolve("jmh.json").toString())
                .shouldFailOnError(false);
        Instant start = Instant.now();
        String load = loadAverage();
        // another JMH run holding /tmp/jmh.lock is waited for (the same lock handling as tailbench bench)
        Collection<RunResult> results = JmhLock.run(ob.build(), LOCK_WAIT_SECONDS,
                line -> System.err.println("MicroReport: " + line));
        List<MicroTable.Row> rows = new ArrayList<>();
        for (RunResult rr : results) rows.add(row(rr));
        rows.sort((a, b) -> Integer.compare(s.engines().indexOf(a.engine()), s.engines().indexOf(b.engine())));
        String md = report(s, rows, start, load + "; at the end: " + loadAverage());
        Files.writeString(s.out().resolve("micro.md"), md);
        System.out.println(md);
        int expected = s.engines().size() * s.kernels().size();
        if (rows.size() < expected) {
            System.err.println("MicroReport: " + (expected - rows.size()) + " of " + expected
                    + " benchmarks produced no result (failed; see the JMH output above)");
            System.exit(1);
        }
    }

    static MicroTable.Row row(RunResult rr) {
        String bench = rr.getParams().getBenchmark();
        Result<?> alloc = rr.getSecondaryResults().get("gc.alloc.rate.norm");
        return new MicroTable.Row(rr.getParams().getParam("engine"), bench.substring(bench.lastIndexOf('.') + 1),
                Integer.parseInt(rr.getParams().getParam("n")), rr.getPrimaryResult().getScore(),
                rr.getPrimaryResult().getScoreError(), alloc == null ? Double.NaN : alloc.getScore());
    }

    /** @return the 1/5/15-minute load averages from /proc/loadavg, or "unknown" */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String report(Settings s, List<MicroTable.Row> rows, Instant start, String load) {
        StringBuilder md = new StringBuilder("## Dispatch micro-benchmarks\n\n");
        md.append("Run ").append(start.truncatedTo(ChronoUnit.SECONDS)).append(" – ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ")
                .append(System.getProperty("java.vm.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("), ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append("; load average (1/5/15 min) at the start: ").append(load).append(".\n\n");
        if (s.command() != null) md.append("Command: `").append(s.command()).append("`\n\n");
        md.append("JMH: ").append(s.forks()).append(" fork(s) × (").append(s.warmup()).append(" warm-up + ")
                .append(s.iterations()).append(" measurement iterations × ").append(s.seconds())
                .append(" s), -prof gc, n = ").append(s.n())
                .append(" iterations (calls) per operation. ± is JMH's 99.9% confidence half-width.\n\n");
        md.append(MicroTable.render(rows));
        return md.toString();
    }
}
