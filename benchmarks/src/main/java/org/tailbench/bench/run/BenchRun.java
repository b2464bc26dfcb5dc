package org.tailbench.bench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.tailbench.bench.Inventory;

/**
 * One {@code tailbench bench}: checks the names, plans ({@link Plan}), measures one operation per cell
 * ({@link OpTimes#calibrate}), times the references, runs each JMH invocation in-process through JMH's
 * {@code Runner} (its output to jmh.log, progress to the console), then the JFR pass, and writes the tables and
 * the page. The run folder's files are those of results/README.md.
 */
final class BenchRun {
    private final BenchConfig c;
    private final PrintStream out;
    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private Path runDir;

    BenchRun(BenchConfig c, PrintStream out, PrintStream err) {
        this.c = c;
        this.out = out;
        this.err = err;
    }

    /** A progress line to the console and (once the run folder exists) to jmh.log. */
    void say(String line) {
        String s = "[bench " + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now()) + "] " + line;
        out.println(s);
        if (runDir != null) appendLog(s + "\n");
    }

    void appendLog(String text) {
        try {
            Files.writeString(runDir.resolve("jmh.log"), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            err.println("bench: cannot write jmh.log: " + e.getMessage());
        }
    }

    int execute() {
        Inventory.Data inv = Inventory.collect();
        Matrix m = Matrix.of(c, inv);
        List<String> graalFlags = m.engines().contains("graalwasm") ? Children.graalFlags(c.root()) : List.of();
        Map<Bench, Integer> forks = new EnumMap<>(Bench.class);
        for (Bench b : Bench.values()) forks.put(b, c.profile().of(b).forks());
        Plan plan = Plan.of(m.workloads(), List.of(Bench.values()), m.engines(), forks, c.shard(), c.shards());
        Jmh jmh = new Jmh(c, m, graalFlags);
        if (c.dryRun()) {
            OpTimes prior = c.wasm() != null ? OpTimes.none() : OpTimes.forEstimate(c.resultsDir(), c.size());
            header(m, plan, prior, true);
            if (!c.references().equals("none") && c.shard() == 1) {
                List<String> ref = Children.referencesCommand(c, m, Path.of("RUN_DIR"), Path.of("RUN_DIR/references.tsv"));
                ref.set(0, "workloads/reference.sh");
                out.println("  (references) " + BenchCommand.quote(ref));
            }
            int i = 0;
            for (Plan.Unit u : plan.units()) {
                i++;
                Profile.Jmh s = jmh.settings(u, prior);
                Retries.Expected e = jmh.expected(u, prior);
                out.println("  (" + i + "/" + plan.units().size() + ", ~" + Jmh.fmt(s.estimateMs())
                        + (e.reRunsMs() > 0 ? ", ~" + Jmh.fmt(e.ms()) + " with probable re-runs" : "") + ") "
                        + (s.notRun() != null ? u.label() + ": " + s.notRun()   // as the real run says and skips it
                        : BenchCommand.quote(jmh.commandLine(u, s, Path.of("RUN_DIR"), u.partName(i)))));
            }
            for (String line : Children.jfrPlan(c, m, plan, prior)) out.println("  (JFR pass) " + line);
            return 0;
        }
        try {
            return new Execution(this, c, m, plan, jmh, inv).run();
        } catch (IOException e) {
            err.println("bench: " + e.getMessage());
            return 2;
        }
    }

    /** The plan's summary lines. */
    void header(Matrix m, Plan plan, OpTimes times, boolean dry) {
        String what = c.wasm() != null
                ? "your module " + c.wasm() + " as '" + c.wasmName() + "' (args: " + (c.programArgs().isEmpty() ? "none" : String.join(" ", c.programArgs())) + ")"
                : "workloads [" + String.join(", ", m.workloads()) + "] (size " + c.size() + ")";
        say("profile " + c.profile().label() + ": engines [" + String.join(", ", m.engines()) + "] × " + what
                + (c.shards() > 1 ? "; shard " + c.shard() + "/" + c.shards() : ""));
        say("references: " + c.references() + (c.references().equals("none") ? "" : " (" + c.referenceRuns() + " timed runs per cell, about "
                + Jmh.fmt(Estimates.referencesMs(c, m)) + ")"));
        Jmh jmh = new Jmh(c, m, List.of());
        long total = Estimates.totalMs(c, m, plan, times, jmh);
        say(plan.units().size() + " JMH invocations" + (c.jfr() || c.opcodeProfile() ? " + the JFR pass" : "") + ", estimated "
                + Jmh.fmt(total) + " in all" + (dry ? (times.isEmpty() ? " (no measured operation times yet: assumes each operation fits an iteration;"
                + " the run measures them first)" : " (from the operation times of " + times.source() + unknown(plan, times) + ")") : ""));
        String reRuns = Estimates.reRunsBasis(c, plan, times, jmh);
        if (reRuns != null) say(reRuns);
    }

    /** @return "; N of M cells have none: ..." for the cells of {@code plan} without an operation time, else "" */
    private static String unknown(Plan plan, OpTimes times) {
        long n = plan.units().stream().filter(u -> Double.isNaN(times.of(u.bench(), u.workload(), u.engine()))).count();
        return n == 0 ? "" : "; " + n + " of " + plan.units().size() + " cells have none: assumed to fit an iteration";
    }

    Path runDir() { return runDir; }

    void runDir(Path dir) { this.runDir = dir; }

    long elapsedMs() { return (System.nanoTime() - startNanos) / 1_000_000; }

    /** Writes {@code text} to {@code file} atomically. */
    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return the JMH results, waiting for the JMH lock */
    Collection<RunResult> runJmh(org.openjdk.jmh.runner.options.Options o) throws RunnerException {
        return JmhLock.run(o, JmhLock.defaultWaitSeconds(), this::say);
    }

    static List<String> lines(String... s) { return new ArrayList<>(List.of(s)); }
}
