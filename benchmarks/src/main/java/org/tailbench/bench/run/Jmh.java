package org.tailbench.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH settings of each invocation, as JMH {@link Options} (what runs) and as the equivalent {@code java -cp
 * tailbench.jar org.openjdk.jmh.Main ...} command line (what command.txt and {@code --dry-run} show).
 */
final class Jmh {
    private final BenchConfig c;
    private final List<String> graalFlags;

    Jmh(BenchConfig c, Matrix m, List<String> graalFlags) {
        this.c = c;
        this.graalFlags = graalFlags;
    }

    /** @return GraalWasm's extra fork flags (empty: interpreter-only) */
    List<String> graalFlags() { return graalFlags; }

    /**
     * @return the settings of {@code u} given the measured operation times. The trial setup of the run and instantiation
     *         benchmarks compiles the module, and the instantiation benchmark's also runs the whole program once to check
     *         its output (PreparedWorkload): that costs the cell's measured compile and run times, and an instantiation
     *         cell whose program run is over the profile's limit is not run either (its setup alone would take that long).
     *         A cell whose last run's error was above {@link Profile#TARGET_ERROR} starts at its second attempt's
     *         settings ({@link Profile.Settings#retry}), when they fit its budget
     */
    Profile.Jmh settings(Plan.Unit u, OpTimes times) {
        Profile.Settings ps = c.profile().of(u.bench());
        Profile.Jmh s = ps.adaptTo(times.of(u.bench(), u.workload(), u.engine()));
        Profile.Jmh wider = ps.retry(s, times.relativeError(u.bench(), u.workload(), u.engine()));
        if (wider != null) s = wider;
        if (u.bench() != Bench.COMPILE) {
            double run = times.of(Bench.RUN, u.workload(), u.engine()), compile = times.of(Bench.COMPILE, u.workload(), u.engine());
            long setup = (long) ((Double.isFinite(compile) ? compile : 0) + (u.bench() == Bench.INSTANTIATE && Double.isFinite(run) ? run : 0));
            long limit = c.profile().run.maxOpMs();
            String notRun = u.bench() == Bench.INSTANTIATE && run > limit ? String.format(java.util.Locale.ROOT,
                    "not run: its trial setup checks the program's output with one run, about %.0f s, over the %d s limit"
                    + " of this profile (--profile full runs it)", run / 1000, limit / 1000) : null;
            s = s.withSetup(setup, notRun);
        }
        return u.fork() > 0 ? s.withForks(1) : s;
    }

    /** @return {@code u}'s expected time with its probable re-runs ({@link Retries}), from {@code times}' history */
    Retries.Expected expected(Plan.Unit u, OpTimes times) {
        return Retries.of(u.bench(), c.profile().of(u.bench()), settings(u, times), s -> times.wasWide(u.bench(), u.workload(), u.engine(), s));
    }

    /** @return the forked JVMs' flags for {@code engine} (graalwasm: plus the Graal flags) and the run folder's properties */
    List<String> forkFlags(String engine, Path runDir) {
        List<String> f = new ArrayList<>(c.forkJvmArgs());
        if (engine.equals("graalwasm")) f.addAll(graalFlags);
        f.add("-Dtailbench.failures.dir=" + runDir.resolve("failures"));
        if (c.wasm() != null) f.add("-Dtailbench.firstrun.dir=" + runDir.resolve("firstrun").resolve(engine));
        return f;
    }

    /** @return the JMH options of {@code u} writing its JSON to {@code json} and its output to {@code log} */
    Options options(Plan.Unit u, Profile.Jmh s, Path runDir, Path json, Path log) {
        ChainedOptionsBuilder b = new OptionsBuilder();
        if (!c.jmhArgs().isEmpty()) {
            try {
                b = new OptionsBuilder().parent(new CommandLineOptions(c.jmhArgs().toArray(String[]::new)));
            } catch (CommandLineOptionException e) {
                throw new IllegalArgumentException("extra JMH options after --: " + e.getMessage());
            }
        }
        b.include(u.bench().regex()).param("engine", u.engine()).param("workload", u.workload());
        if (u.bench() != Bench.COMPILE) b.param("size", c.size());
        if (c.wasm() != null) {
            b.param("wasmFile", runDir.resolve("module").resolve(c.wasmName() + ".wasm").toString());
            if (u.bench() != Bench.COMPILE) b.param("wasmArgs", "@" + runDir.resolve("module").resolve(c.wasmName() + ".args"));
        }
        b.mode(s.singleShot() ? Mode.SingleShotTime : Mode.AverageTime).timeUnit(TimeUnit.MILLISECONDS)
                .forks(s.forks()).warmupIterations(s.warmups()).measurementIterations(s.iterations()).threads(1);
        if (!s.singleShot()) {
            b.warmupTime(TimeValue.milliseconds(s.iterationMs())).measurementTime(TimeValue.milliseconds(s.iterationMs()));
        }
        if (u.bench() == Bench.RUN) b.addProfiler(org.tailbench.bench.RegionProfiler.class);   // the Sightglass region, if marked
        b.jvmArgs(forkFlags(u.engine(), runDir).toArray(String[]::new));
        b.resultFormat(ResultFormatType.JSON).result(json.toString()).output(log.toString()).shouldFailOnError(false);
        return b.build();
    }

    /** @return the equivalent JMH command line of {@code u} (run folder shown as {@code runDir}) */
    List<String> commandLine(Plan.Unit u, Profile.Jmh s, Path runDir, String part) {
        List<String> cmd = new ArrayList<>(List.of("java", "-cp", "tailbench.jar", "org.openjdk.jmh.Main", u.bench().regex(),
                "-p", "engine=" + u.engine(), "-p", "workload=" + u.workload()));
        if (u.bench() != Bench.COMPILE) cmd.addAll(List.of("-p", "size=" + c.size()));
        if (c.wasm() != null) {
            cmd.addAll(List.of("-p", "wasmFile=" + runDir.resolve("module").resolve(c.wasmName() + ".wasm")));
            if (u.bench() != Bench.COMPILE) cmd.addAll(List.of("-p", "wasmArgs=@" + runDir.resolve("module").resolve(c.wasmName() + ".args")));
        }
        cmd.addAll(List.of("-bm", s.singleShot() ? "ss" : "avgt", "-tu", "ms", "-f", "" + s.forks(), "-wi", "" + s.warmups()));
        if (!s.singleShot()) cmd.addAll(List.of("-w", s.iterationMs() + "ms"));
        cmd.addAll(List.of("-i", "" + s.iterations()));
        if (!s.singleShot()) cmd.addAll(List.of("-r", s.iterationMs() + "ms"));
        if (u.bench() == Bench.RUN) cmd.addAll(List.of("-prof", "org.tailbench.bench.RegionProfiler"));
        cmd.addAll(List.of("-t", "1", "-jvmArgs", String.join(" ", forkFlags(u.engine(), runDir)), "-rf", "json",
                "-rff", runDir.resolve("jmh-parts").resolve(part).toString()));
        cmd.addAll(c.jmhArgs());
        return cmd;
    }

    /** @return milliseconds as {@code 1m05s} */
    static String fmt(long ms) {
        long s = (ms + 999) / 1000;
        return String.format("%dm%02ds", s / 60, s % 60);
    }
}
