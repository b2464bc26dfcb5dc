package org.tailbench.bench.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.tailbench.bench.Inventory;
import org.tailbench.charts.EnvironmentInfo;
import org.tailbench.charts.JmhJson;
import org.tailbench.charts.ResultTables;
import org.tailbench.charts.workbench.Workbench;

/** The real run of {@link BenchRun}: the run folder, the references, the calibration, JMH, the JFR pass, tables, page. */
final class Execution {
    private final BenchRun r;
    private final BenchConfig c;
    private final Matrix m;
    private final Plan plan;
    private final Jmh jmh;
    private final Inventory.Data inv;
    private Path dir;
    private String runName;
    private volatile boolean finished;
    private int done;
    /** JMH invocations of our own engines (not peers) that produced no result */
    private int ownFailures;
    private double maxLoad;
    /** the CPU counters at the start, before any child process ({@link OtherCpu}); null off Linux */
    private OtherCpu cpuAtStart;
    private String current = "setup";

    Execution(BenchRun r, BenchConfig c, Matrix m, Plan plan, Jmh jmh, Inventory.Data inv) {
        this.r = r;
        this.c = c;
        this.m = m;
        this.plan = plan;
        this.jmh = jmh;
        this.inv = inv;
    }

    static double load() { return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(); }

    int run() throws IOException {
        String host = EnvironmentInfo.collect(null, c.root()).path("host").asText("host").replaceAll("[^A-Za-z0-9_.-]", "_");
        runName = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now()) + "-" + host
                + (c.shards() > 1 ? "-shard" + c.shard() + "of" + c.shards() : "");
        Files.createDirectories(c.resultsDir());
        dir = c.resultsDir().resolve(runName);
        Files.createDirectory(dir);
        Files.createDirectories(dir.resolve("jmh-parts"));
        Files.writeString(dir.resolve("jmh.log"), "");
        r.runDir(dir);
        maxLoad = load();
        cpuAtStart = OtherCpu.now();
        StringBuilder command = new StringBuilder("# " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " in " + c.root() + "\n"
                + c.commandLine() + "\n# JMH invocations (java = " + Children.java() + ", tailbench.jar = " + Children.classPath() + "):\n");
        BenchRun.write(dir.resolve("command.txt"), command.toString());
        r.say("writing " + dir);
        r.header(m, plan, c.wasm() != null ? OpTimes.none() : OpTimes.forEstimate(c.resultsDir(), c.size()), true);
        if (c.wasm() != null) {
            Path module = Files.createDirectories(dir.resolve("module"));
            Files.copy(c.wasm(), module.resolve(c.wasmName() + ".wasm"));
            Files.writeString(module.resolve(c.wasmName() + ".args"), c.programArgs().isEmpty() ? "" : String.join("\n", c.programArgs()) + "\n");
        }
        ObjectNode env = EnvironmentInfo.collect(String.join(" ", c.forkJvmArgs()), c.root());
        BenchRun.write(dir.resolve("environment.json"), JmhJson.MAPPER.writeValueAsString(env) + "\n");
        List<String> engineLines = new ArrayList<>(inv.engineLines());
        List<String> peers = new ArrayList<>(inv.peerLines());
        if (m.engines().contains("graalwasm")) {
            List<String> graal = jmh.graalFlags();
            if (graal.isEmpty()) {
                r.say("graalwasm: no Graal jars in engines/peer-graalwasm/target/graal (build them: ./mvn25 -q -DskipTests -pl engines/peer-graalwasm -am package);"
                        + " it runs INTERPRETER-ONLY");
            } else {
                // what graalwasm says about itself in its forks' configuration (optimizing), for engines.txt / peers.txt
                List<String> lines = Children.output(Children.inventoryCommand(graal));
                List<String> own = lines.stream().filter(l -> l.startsWith("engine.graalwasm=") || l.startsWith("peer.graalwasm.")).toList();
                if (!own.isEmpty()) {
                    engineLines.removeIf(l -> l.startsWith("graalwasm="));
                    peers.removeIf(l -> l.startsWith("peer.graalwasm."));
                    own.stream().filter(l -> l.startsWith("engine.")).forEach(l -> engineLines.add(l.substring("engine.".length())));
                    own.stream().filter(l -> l.startsWith("peer.")).forEach(peers::add);
                }
            }
        }
        BenchRun.write(dir.resolve("engines.txt"), String.join("\n", engineLines) + "\n");
        BenchRun.write(dir.resolve("peers.txt"), peers.isEmpty() ? "" : String.join("\n", peers) + "\n");
        Thread hook = new Thread(this::onInterrupt);
        Runtime.getRuntime().addShutdownHook(hook);

        int refStatus = 0;
        if (!c.references().equals("none") && c.shard() == 1) {
            current = "references";
            List<String> cmd = Children.referencesCommand(c, m, dir, dir.resolve("references.tsv"));
            append("command.txt", "# references: " + BenchCommand.quote(cmd) + "\n");
            r.say("references (workloads/reference.sh): " + c.references() + ", " + c.referenceRuns() + " timed runs per cell, about "
                    + Jmh.fmt(Estimates.referencesMs(c, m)));
            refStatus = Children.run(cmd, dir.resolve("jmh.log"), 3600);
            if (refStatus != 0) r.say("FAILURE: a reference failed or could not run (status " + refStatus + "; see references.csv)");
        }
        OpTimes times = calibrate();
        long remaining = 0, first = 0;
        List<Retries.Expected> expected = new ArrayList<>();
        for (Plan.Unit u : plan.units()) {
            expected.add(jmh.expected(u, times));
            remaining += expected.getLast().ms();
            first += expected.getLast().firstMs();
        }
        if (!times.isEmpty()) r.say("with the measured operation times: the JMH invocations take about " + Jmh.fmt(remaining)
                + (remaining > first ? " (" + Jmh.fmt(first) + " of first attempts, " + Jmh.fmt(remaining - first) + " of probable re-runs)" : "")
                + (Estimates.jfrMs(c, m, plan, times) > 0 ? ", the JFR pass " + Jmh.fmt(Estimates.jfrMs(c, m, plan, times)) : ""));
        int i = 0;
        for (Plan.Unit u : plan.units()) {
            i++;
            Profile.Jmh s = jmh.settings(u, times);
            current = u.label();
            if (s.notRun() != null) {   // over the profile's time limit: the cell gives the reason
                r.say("(" + i + "/" + plan.units().size() + ") " + u.label() + " — " + s.notRun());
                append("command.txt", "# " + u.label() + ": " + s.notRun() + "\n");
                org.tailbench.bench.Failures.writeReason(dir.resolve("failures"), u.engine(), u.workload(), c.size(), u.bench().fqn, s.notRun());
                if (!m.peers().contains(u.engine())) ownFailures++;
                done = i;
                continue;
            }
            r.say("(" + i + "/" + plan.units().size() + ") " + u.label() + " — " + describe(s) + "; elapsed " + Jmh.fmt(r.elapsedMs())
                    + ", about " + Jmh.fmt(remaining + Estimates.jfrMs(c, m, plan, times)) + " to go");
            Collection<RunResult> results = attempt(u, i, s);
            Profile.Settings ps = c.profile().of(u.bench());
            double error = relativeError(results);
            for (Profile.Jmh next = ps.retry(s, error); next != null; next = ps.retry(next, error)) {
                // a wide error: measure the cell again with a longer warm-up (Profile.TARGET_ERROR); the last attempt counts
                Path attempts = Files.createDirectories(dir.resolve("jmh-attempts"));
                Path part = dir.resolve("jmh-parts").resolve(u.partName(i));
                String kept = u.partName(i).replaceFirst("\\.json$", "") + ".attempt" + (next.attempt() - 1) + ".json";
                if (Files.isRegularFile(part)) Files.move(part, attempts.resolve(kept), StandardCopyOption.REPLACE_EXISTING);
                r.say("    error " + String.format(Locale.ROOT, "%.0f", 100 * error) + " % of the score (over "
                        + Math.round(100 * Profile.TARGET_ERROR) + " %): attempt " + next.attempt() + " — " + describe(next));
                append("command.txt", "# attempt " + next.attempt() + " of " + u.label() + " (the error of the last was "
                        + String.format(Locale.ROOT, "%.1f", 100 * error) + " %; it is kept in jmh-attempts/" + kept + ")\n");
                results = attempt(u, i, next);
                error = relativeError(results);
            }
            if (results.isEmpty()) {
                r.say("no result: " + u.label() + " — " + reason(u.engine(), u.workload()));
                if (!m.peers().contains(u.engine())) ownFailures++;
            }
            remaining -= expected.get(i - 1).ms();   // the same model as the estimate, whatever this cell took
            done = i;
            maxLoad = Math.max(maxLoad, load());
        }
        int jfrStatus = jfrPass(times);
        current = "tables";
        r.say("all " + done + " JMH invocations done in " + Jmh.fmt(r.elapsedMs()) + "; writing tables");
        env.put("loadAverage1mAtEnd", Math.round(load() * 100) / 100.0);
        env.put("loadAverage1mMax", Math.round(Math.max(maxLoad, load()) * 100) / 100.0);
        double other = cpuAtStart == null ? Double.NaN : cpuAtStart.otherShare(OtherCpu.now());
        if (Double.isFinite(other)) env.put("otherProcessesCpuShare", Math.round(other * 1000) / 1000.0);
        BenchRun.write(dir.resolve("environment.json"), JmhJson.MAPPER.writeValueAsString(env) + "\n");
        String outputCheck = null;
        if (c.wasm() != null) {
            OutputCheck oc = OutputCheck.of(dir, c.wasmName(), c.wasm(), c.programArgs());
            outputCheck = oc.text();
            if (!oc.agree()) refStatus = 1;
            r.say("output check: " + outputCheck);
        }
        String note = loadWarning(env);
        if (c.shards() > 1) {
            String slice = "Shard " + c.shard() + " of " + c.shards() + ": only this slice of the engine × workload × fork matrix ran here;"
                    + " combine the shards' folders with `tailbench merge`.";
            note = note == null ? slice : note + " " + slice;
        }
        int missing = tables(note, outputCheck);
        if (c.shards() > 1) missing = ownFailures;   // the other shards' cells are not missing
        draw();
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already
        }
        Path latest = c.resultsDir().resolve(".latest." + ProcessHandle.current().pid());
        Files.deleteIfExists(latest);
        Files.createSymbolicLink(latest, Path.of(runName));
        Files.move(latest, c.resultsDir().resolve("latest"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        r.say("results: " + dir.resolve("results.md") + " and index.html (also results/latest)");
        if (missing != 0) { r.say("FAILED: some benchmarks or references produced no result (wrong answer or error) — see results.md and jmh.log"); return 1; }
        if (refStatus != 0) { r.say("FAILED: the references or the output check failed — see results.md and jmh.log"); return 1; }
        if (jfrStatus != 0) { r.say("FAILED: a cell of the JFR pass failed — see jmh.log"); return 1; }
        return 0;
    }

    /** Runs one JMH invocation of {@code u} with settings {@code s} into its part file. @return its results (empty: none) */
    private Collection<RunResult> attempt(Plan.Unit u, int i, Profile.Jmh s) throws IOException {
        Path part = dir.resolve("jmh-parts").resolve(u.partName(i));
        Path tmp = dir.resolve("jmh-parts").resolve(u.partName(i) + ".tmp");
        Path log = Files.createTempFile("tailbench-jmh", ".log");
        append("command.txt", BenchCommand.quote(jmh.commandLine(u, s, dir, u.partName(i))) + "\n");
        Collection<RunResult> results = List.of();
        try {
            results = r.runJmh(jmh.options(u, s, dir, tmp, log));
        } catch (RunnerException e) {
            r.say("JMH could not run " + u.label() + ": " + e.getMessage());
        } finally {
            r.appendLog(Files.readString(log, StandardCharsets.UTF_8));
            Files.deleteIfExists(log);
        }
        if (Files.size(tmp) > 0) Files.move(tmp, part, StandardCopyOption.REPLACE_EXISTING); else Files.deleteIfExists(tmp);
        return results;
    }

    /** @return the largest error ÷ score among {@code results}' primary results; NaN when there is none */
    static double relativeError(Collection<RunResult> results) {
        double worst = Double.NaN;
        for (RunResult rr : results) {
            double score = rr.getPrimaryResult().getScore(), error = rr.getPrimaryResult().getScoreError();
            if (score > 0 && Double.isFinite(error) && !(error / score <= worst)) worst = error / score;
        }
        return worst;
    }

    private static String describe(Profile.Jmh s) {
        String op = Double.isFinite(s.opMs()) ? String.format(Locale.ROOT, "one op ≈ %.3g ms; ", s.opMs()) : "";
        return op + s.forks() + " fork" + (s.forks() == 1 ? "" : "s") + " × " + (s.singleShot()
                ? "(" + s.warmups() + " + " + s.iterations() + " single shots)"
                : "(" + s.warmups() + " + " + s.iterations() + " × " + s.iterationMs() + " ms)");
    }

    /**
     * @return the warning for the top of results.md, else null: when other processes used more than a quarter of the
     *         machine's CPU time during the run ({@link OtherCpu}: the load average counts the run's own JVMs); where
     *         that share is unknown (not Linux, older folders), when the 1-minute load average exceeded half the CPUs
     */
    static String loadWarning(ObjectNode env) {
        int cpus = env.path("cpu").path("availableProcessors").asInt(1);
        double start = env.path("loadAverage1mAtStart").asDouble(-1), end = env.path("loadAverage1mAtEnd").asDouble(-1),
                max = env.path("loadAverage1mMax").asDouble(Math.max(start, end));
        if (env.has("otherProcessesCpuShare")) {
            double other = env.path("otherProcessesCpuShare").asDouble();
            if (other <= OTHER_CPU_LIMIT) return null;
            return String.format(Locale.ROOT, "Warning: the machine was busy — other processes used %.0f%% of its CPU time during the"
                    + " run (%d CPUs; 1-minute load average %.2f at the start, %.2f at the end, up to %.2f): they competed with"
                    + " the benchmarks, so read every number here, references included, as noisy.", other * 100, cpus, start, end, max);
        }
        if (max <= cpus / 2.0) return null;
        return String.format(Locale.ROOT, "Warning: the machine was busy — the 1-minute load average reached %.2f on %d CPUs"
                + " (%.2f at the start, %.2f at the end; more than half the CPUs): other processes competed with the benchmarks,"
                + " so read every number here, references included, as noisy.", max, cpus, start, end);
    }

    /** Other processes' share of the machine's CPU time above which results.md warns (a quarter: half a core of 2). */
    static final double OTHER_CPU_LIMIT = 0.25;

    /** @return the first line of failures/<engine>__<workload>.txt, or a pointer to jmh.log */
    private String reason(String engine, String workload) {
        Path f = dir.resolve("failures").resolve(engine.replaceAll("[^A-Za-z0-9_.-]", "_") + "__" + workload.replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt");
        try {
            if (Files.isRegularFile(f)) return Files.readAllLines(f).getFirst() + (m.peers().contains(engine) ? " (a peer: expected)" : "");
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "see jmh.log";
    }

    /**
     * @return the operation times that size the iterations: the last run's JMH scores at this size (results/latest)
     *         where it has them — warmed-up times — else measured now by {@code Calibrate} (cold, so over-estimated)
     */
    private OpTimes calibrate() throws IOException {
        if (c.profile() == Profile.SMOKE) return OpTimes.none();
        current = "calibration";
        OpTimes prior = c.wasm() != null ? OpTimes.none() : OpTimes.fromLatest(c.resultsDir(), c.size());
        List<String> unknown = m.engines().stream()
                .filter(e -> m.workloads().stream().anyMatch(w -> Double.isNaN(prior.of(Bench.RUN, w, e)))).toList();
        if (unknown.isEmpty()) {
            r.say("operation times from " + prior.source() + " (every engine × workload has one)");
            return prior;
        }
        long limit = c.profile().run.maxOpMs();
        r.say("measuring the operations of " + String.join(", ", unknown) + " (sizes the JMH iterations; about "
                + Jmh.fmt(Estimates.calibrationMs(c, m, OpTimes.none())) + " if every operation is short"
                + (limit == Long.MAX_VALUE ? "" : ", up to " + Jmh.fmt(limit) + " more per slow cell") + ")"
                + (prior.isEmpty() ? "" : "; the others' from " + prior.source()));
        OpTimes times = OpTimes.none();
        List<String> failures = new ArrayList<>();
        List<String> main = unknown.stream().filter(e -> !e.equals("graalwasm")).toList();
        for (List<String> group : List.of(main, unknown.contains("graalwasm") ? List.of("graalwasm") : List.<String>of())) {
            if (group.isEmpty()) continue;
            Path tsv = Files.createTempFile("tailbench-calibrate", ".tsv");
            List<String> extra = group.contains("graalwasm") ? jmh.graalFlags() : List.of();
            List<String> cmd = Children.calibrateCommand(c, m, group, extra, dir, tsv);
            append("command.txt", "# calibration: " + BenchCommand.quote(cmd) + "\n");
            int status = Children.run(cmd, dir.resolve("jmh.log"), 1800);
            // a cell over the profile's time limit ends the JVM (its run cannot be stopped): a new one resumes after it
            for (int restarts = 0; status == org.tailbench.bench.Calibrate.EXIT_OVER_LIMIT && restarts < 100; restarts++) {
                status = Children.run(cmd, dir.resolve("jmh.log"), 1800);
            }
            if (status != 0) r.say("calibration JVM exited with status " + status + " (see jmh.log); unmeasured cells use the shortest iterations");
            if (Files.size(tsv) > 0) times = times.merge(OpTimes.readCalibration(tsv, failures));
            Files.deleteIfExists(tsv);
        }
        for (String f : failures) r.say("calibration: " + f);
        return prior.merge(times);
    }

    /** @param times the operation times: a cell whose run is over the profile's limit is not recorded either */
    private int jfrPass(OpTimes times) throws IOException {
        List<Children.JfrCell> cells = new ArrayList<>();
        for (Children.JfrCell cell : Children.jfrCells(c, m, plan, times)) {
            if (cell.notRun() == null) cells.add(cell);
            else r.say("JFR pass: no recording of " + cell.engine() + " × " + cell.workload() + " (" + cell.notRun() + ")");
        }
        if (cells.isEmpty()) return 0;
        r.say("JFR pass: " + cells.size() + " cells, about " + Jmh.fmt(Estimates.jfrMs(c, m, plan, times)));
        int status = 0;
        for (Children.JfrCell cell : cells) {
            current = "JFR pass " + (cell.engine() == null ? "opcode profile" : cell.engine()) + " × " + cell.workload();
            r.say(current);
            List<String> cmd = Children.jfrCommand(c, cell, dir, false);
            append("command.txt", "# jfr pass: " + BenchCommand.quote(cmd) + "\n");
            if (Children.run(cmd, dir.resolve("jmh.log"), 1800) != 0) {
                if (cell.engine() != null && m.peers().contains(cell.engine())) {
                    r.say("JFR pass: no recording of " + cell.engine() + " × " + cell.workload() + " (the peer cannot run it; see jmh.log)");
                } else {
                    r.say("FAILURE: " + current + " failed (see jmh.log)");
                    status = 1;
                }
            }
        }
        return status;
    }

    /** Writes results.md / results.csv / jmh.json / references.csv. @return the number of missing results */
    private int tables(String note, String outputCheck) {
        try {
            Path refs = dir.resolve("references.tsv");
            String title = "tailbench results — " + runName + " (" + c.profile().label() + " profile, "
                    + (c.wasm() != null ? "your module " + c.wasmName() + ": " + c.wasm().getFileName()
                    + (c.programArgs().isEmpty() ? "" : " " + String.join(" ", c.programArgs())) : "size " + c.size()) + ")";
            ResultTables.Written w = ResultTables.write(new ResultTables.Options(List.of(dir.resolve("jmh-parts")), dir, c.baseline(),
                    m.engines(), m.workloads(), dir.resolve("environment.json"), dir.resolve("jmh.json"), title, note,
                    List.of(Bench.RUN.fqn, Bench.INSTANTIATE.fqn, Bench.COMPILE.fqn), true, dir.resolve("engines.txt"),
                    Files.isRegularFile(refs) && Files.size(refs) > 0 ? refs : null, outputCheck, dir.resolve("failures"), dir.resolve("peers.txt")));
            return w.missing();
        } catch (IOException | RuntimeException e) {
            r.say("could not write the tables: " + e.getMessage());
            return 1;
        }
    }

    private void draw() {
        try {
            Workbench.Drawn d = Workbench.draw(dir);
            r.say("drew " + d.figures().size() + " charts; wrote " + d.index().getFileName());
        } catch (IOException | RuntimeException e) {
            r.say("warning: could not draw the charts / index.html (" + e.getMessage() + "); the tables are complete");
        }
    }

    private void append(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Ctrl-C: keeps what finished (INTERRUPTED.txt, partial tables and page); results/latest is not updated. */
    private void onInterrupt() {
        if (finished || dir == null) return;
        try {
            r.say("interrupted during " + current + "; " + done + " of " + plan.units().size() + " JMH invocations had finished");
            BenchRun.write(dir.resolve("INTERRUPTED.txt"), "Interrupted at " + Instant.now() + " during " + current + ".\n" + done + " of "
                    + plan.units().size() + " JMH invocations finished; their results are in jmh-parts/ and results.md.\n"
                    + "jmh.log has the output up to the interruption. results/latest was not updated.\n");
            try (var s = Files.list(dir.resolve("jmh-parts"))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".tmp")).toList()) Files.deleteIfExists(p);
            }
            tables("INTERRUPTED: partial results (" + done + " of " + plan.units().size() + " JMH invocations finished).", null);
            draw();
            r.say("partial results: " + dir.resolve("results.md"));
        } catch (IOException | RuntimeException e) {
            // the JVM is going down; nothing more to do
        }
    }
}
