package org.tailbench.bench.tune;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tailbench.tune.Devirtualization;
import org.tailbench.tune.TuningFile;
import org.tailbench.bench.run.JvmFlags;
import org.tailbench.charts.workbench.TuneMarkdown;
import org.tailbench.charts.workbench.TuneResult;
import org.tailbench.charts.workbench.Workbench;
import org.tailbench.interp.lower.Superinstructions;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tailbench tune} (issue 17): profile → decide → verify, for the aot family (aot, aot-naive), the native family
 * (native, native-naive) and the {@code switch} interpreter.
 * <ol>
 *   <li>Profile: each training workload once in the {@code switch} engine's opcode-profile mode ({@link TrainingProfile}).</li>
 *   <li>Decide ({@link Family}): for aot, the guarded devirtualization rule ({@link Devirtualization}, engines/aot/README.md
 *       "Tuning") gives decisions of two kinds, {@code call_indirect} and {@code return_call_indirect} sites; the same rule and
 *       decisions for native (written to the file's native section, engines/native/README.md "Tuning"); for switch, the
 *       superinstruction rule ({@link Superinstructions}, engines/interp/README.md "Superinstructions") gives two kinds,
 *       {@code pairs} and {@code triples}, chosen from all training profiles together and applied to every module.</li>
 *   <li>Verify: one JMH pass per variant ({@link Measurement}): untuned, each kind on its own, all kinds together, on the
 *       training and held-out workloads. A kind whose training gain is inside its error, or that regresses a held-out
 *       workload beyond the error, is reported "no measurable gain" / "regression" and dropped.</li>
 * </ol>
 * Writes to the output folder: {@code profiles/<workload>.json}, {@code candidate.json} (every decision), one
 * {@code variants/<name>.json} per measured variant, {@code jmh-<variant>.log/json}, the final {@code tuning.json}
 * (kept kinds only), {@code report.json} (what was measured and decided, {@link TuneResult}), {@code report.md} made from it,
 * the gains chart {@code gains.png} / {@code gains.svg} and {@code index.html} (the report as one page, drawn by
 * {@link Workbench}, which also draws a tune folder's section into a run's page). Exit status: 0 done (whether or not a decision was kept); 1 a step failed;
 * 2 bad usage.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Profile-guided tuning with proof: profiles the training workloads (switch engine, counting mode), turns the"
                + " profile into decisions by the engine's written rule, measures untuned vs tuned with JMH on the training and"
                + " held-out workloads, keeps only decisions with a gain beyond the error, and writes tuning.json, report.md (and report.json), a gains chart and index.html.",
                "Engines: aot, aot-naive, native, native-naive (guarded devirtualization of call_indirect / return_call_indirect sites); switch"
                + " (superinstructions: fused pairs and triples of instructions)."})
public final class TuneCommand implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;
    @Spec CommandSpec spec;

    @Option(names = "--engine", paramLabel = "NAME", description = "engine to tune: aot (default), aot-naive, native, native-naive or switch")
    String engine = "aot";
    @Option(names = "--workloads", split = ",", required = true, paramLabel = "a,b", description = "training workloads (catalog names)")
    List<String> workloads = new ArrayList<>();
    @Option(names = "--holdout", split = ",", paramLabel = "c,d", description = "held-out workloads: measured, never profiled")
    List<String> holdout = new ArrayList<>();
    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/tune-<UTC time>-<engine>)")
    Path outDir;
    @Option(names = "--size", paramLabel = "NAME", description = "catalog size measured (default: ${DEFAULT-VALUE})")
    String size = "default";
    @Option(names = "--profile-size", paramLabel = "NAME", description = "catalog size of the profiling run (default: the measured size;"
            + " pyvm_tailcall's smoke run is dominated by one loop and misleads: its hottest site's top target has 81.6 percent of its calls"
            + " there and 36.9 percent at the default size)")
    String profileSize;
    @Option(names = "--min-calls", paramLabel = "N", description = "aot and native rule: least calls of a site (default: 1000)")
    long minCalls = Devirtualization.Rule.DEFAULT.minCalls();
    @Option(names = "--min-share", paramLabel = "F", description = "aot and native rule: least share of a site's calls per target, 0..1 (default: 0.10)")
    double minShare = Devirtualization.Rule.DEFAULT.minShare();
    @Option(names = "--max-targets", paramLabel = "N", description = "aot and native rule: most targets per site (default: 4)")
    int maxTargets = Devirtualization.Rule.DEFAULT.maxTargets();
    @Option(names = "--max-sites", paramLabel = "N", description = "aot and native rule: most sites per module (default: 256)")
    int maxSites = Devirtualization.Rule.DEFAULT.maxSites();
    @Option(names = "--max-superinstructions", paramLabel = "N", description = "switch rule: most superinstructions (default: 16)")
    int maxSuperinstructions = Superinstructions.Rule.DEFAULT.maxCount();
    @Option(names = "--min-pattern-share", paramLabel = "F", description = "switch rule: least share of all executed instructions"
            + " a fused sequence must have, 0..1 (default: 0.005)")
    double minPatternShare = Superinstructions.Rule.DEFAULT.minShare();
    @Option(names = "--rounds", paramLabel = "N", description = "rounds of measurement: each runs every variant once, in turn,"
            + " the even rounds in reverse order (untuned last), so that a slow drift of the machine's speed falls on all variants alike"
            + " and cancels over two rounds; iterations are pooled (default: ${DEFAULT-VALUE})")
    int rounds = 1;
    @Option(names = "--forks", paramLabel = "N", description = "JMH forks per variant × workload (default: ${DEFAULT-VALUE})")
    int forks = 1;
    @Option(names = "--warmups", paramLabel = "N", description = "JMH warm-up iterations (default: ${DEFAULT-VALUE})")
    int warmups = 3;
    @Option(names = "--iterations", paramLabel = "N", description = "JMH measurement iterations (default: ${DEFAULT-VALUE})")
    int iterations = 5;
    @Option(names = "--iteration-ms", paramLabel = "MS", description = "milliseconds per JMH iteration (default: ${DEFAULT-VALUE})")
    int iterationMs = 1000;
    @Option(names = "--measured-in", paramLabel = "DIR", description = "make the report from the JMH results of an earlier tune"
            + " with the same options in DIR (its jmh-<variant>[-round<N>].json, copied to the output folder) instead of measuring;"
            + " profiles and decides again and stops if the decisions differ from DIR's candidate.json")
    Path measuredIn;
    @Option(names = "--jvm-args", paramLabel = "\"FLAGS\"", description = "flags of the forked JMH JVMs (default: \"${DEFAULT-VALUE}\")")
    String jvmArgs = String.join(" ", JvmFlags.FORK);

    public TuneCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Stops unless {@code candidate} makes the decisions of the earlier run's {@code file}: its measurements are of those.
     * @throws IOException naming the file when it is missing or its decisions differ
     */
    private static void sameDecisions(TuningFile candidate, Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("--measured-in: no " + file + " (not a tune output folder?)");
        TuningFile old;
        try {
            old = TuningFile.read(file);
        } catch (IllegalArgumentException e) {
            throw new IOException("--measured-in: " + e.getMessage(), e);
        }
        if (!java.util.Objects.equals(old.modules(), candidate.modules()) || !java.util.Objects.equals(old.interp(), candidate.interp())) {
            throw new IOException("--measured-in: the decisions differ from " + file + " (give the options of that run: engine,"
                    + " workloads, sizes and rule)");
        }
    }

    /** @return {@code tailbench tune} and the arguments as given (each quoted when it holds a space or quote) */
    private String commandLine() {
        StringBuilder sb = new StringBuilder("tailbench tune");
        if (spec == null) return sb.toString();
        if (spec.parent() != null) sb.setLength("tailbench".length());   // a subcommand: the original arguments start with "tune"
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            sb.append(' ').append(a.matches("[A-Za-z0-9_./,:=@+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** A measured configuration: its name, decision kinds and tuning file (null: untuned). */
    record Variant(String name, Set<String> kinds, Path file) {}

    @Override public Integer call() {
        if (rounds < 1) {
            err.println("error: --rounds must be at least 1");
            return 2;
        }
        String family = Family.of(engine);
        if (family == null) {
            err.println("error: tune supports aot, aot-naive, native, native-naive and switch so far; " + engine + " has no decision rule yet"
                    + " (threaded and tailcall run no superinstructions)");
            return 2;
        }
        if (measuredIn != null && !Files.isDirectory(measuredIn)) {
            err.println("error: --measured-in " + measuredIn + ": no such folder");
            return 2;
        }
        if (profileSize == null) profileSize = size;
        WorkloadCatalog catalog = WorkloadCatalog.load();
        List<Workload> training = new ArrayList<>();
        try {
            for (String w : workloads) training.add(catalog.get(w));
            for (String w : holdout) catalog.get(w).argv(size);
            for (Workload w : training) { w.argv(size); w.argv(profileSize); }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Set<String> overlap = new LinkedHashSet<>(workloads);
        overlap.retainAll(holdout);
        if (!overlap.isEmpty()) {
            err.println("error: " + overlap + " both trained on and held out");
            return 2;
        }
        Devirtualization.Rule rule;
        Superinstructions.Rule superRule;
        try {
            rule = new Devirtualization.Rule(minCalls, minShare, maxTargets, maxSites);
            superRule = new Superinstructions.Rule(maxSuperinstructions, minPatternShare);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path dir = outDir != null ? outDir : Path.of("results", "tune-" + stamp + "-" + engine);
        try {
            return tune(training, family, rule, superRule, dir);
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int tune(List<Workload> training, String familyName, Devirtualization.Rule rule, Superinstructions.Rule superRule, Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.createDirectories(dir.resolve("variants"));
        String loadBefore = TuneReport.loadAverage();
        String loadAfter = null;
        if (measuredIn != null) {
            String[] loads = Measurement.loadsOf(measuredIn.resolve("report.md"));
            loadBefore = loads[0];
            loadAfter = loads[1];
        }
        // 1 + 2: profile, decide
        List<TrainingProfile> profiles = new ArrayList<>();
        for (Workload w : training) {
            out.println("profiling " + w.name() + " (" + profileSize + ") in the switch engine's counting mode …");
            TrainingProfile p = TrainingProfile.run(w, profileSize, rule);
            Files.writeString(dir.resolve("profiles").resolve(w.name() + ".json"), p.json());
            out.printf("  %,d ms; %,d instructions; %d indirect call sites ran (%,d calls); %d devirtualizations covering %,d calls%n",
                    p.millis(), p.profile().totalInstructions(), p.profile().indirectSites().size(), p.indirectCalls(), p.decisions().size(),
                    TrainingProfile.covered(p.decisions()));
            profiles.add(p);
        }
        Family fam = switch (familyName) {
            case "interp" -> Family.Interp.of(profiles, superRule);
            case "native" -> new Family.Native(profiles, rule);
            default -> new Family.Aot(profiles, rule);
        };
        if (fam instanceof Family.Interp in) {
            for (Superinstructions.Decision d : in.decisions()) {
                out.printf(java.util.Locale.ROOT, "  superinstruction %s: %,d executions (%.2f %% of all instructions)%n", d.pattern(), d.count(), 100 * d.share());
            }
        }
        Set<String> kinds = fam.kinds();
        TuningFile candidate = file(fam, kinds);
        if (measuredIn != null) sameDecisions(candidate, measuredIn.resolve("candidate.json"));
        candidate.write(dir.resolve("candidate.json"));
        // 3: verify
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("untuned", Set.of(), null));
        if (kinds.size() > 1) for (String k : kinds) variants.add(variant(dir, fam, Set.of(k), "only-" + k));
        if (!kinds.isEmpty()) variants.add(variant(dir, fam, kinds, "all"));
        List<String> all = new ArrayList<>(workloads);
        all.addAll(holdout);
        Measurement.Settings s = new Measurement.Settings(rounds, forks, warmups, iterations, iterationMs, JvmFlags.split(jvmArgs));
        if (measuredIn != null) s = Measurement.settingsOf(measuredIn.resolve("jmh-untuned" + (rounds > 1 ? "-round1" : "") + ".json"), s);
        Map<String, Map<String, Measurement.Score>> scores = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Variant v : roundOrder(variants, round)) {
                String tag = v.name() + (rounds > 1 ? "-round" + round : "");
                if (measuredIn != null) {
                    out.println("reading " + v.name() + (rounds > 1 ? " (round " + round + " of " + rounds + ")" : "") + " from " + measuredIn);
                    Map<String, Measurement.Score> r = Measurement.read(measuredIn.resolve("jmh-" + tag + ".json"), all, dir);
                    r.forEach((w, sc) -> out.println("  " + w + ": " + sc.text() + " ms/op"));
                    scores.put(v.name(), Measurement.pool(scores.get(v.name()), r));
                    continue;
                }
                out.println("measuring " + v.name() + (rounds > 1 ? " (round " + round + " of " + rounds + ")" : "") + " (" + engine + ", "
                        + String.join(",", all) + ", " + size + ") …");
                Map<String, Measurement.Score> r = Measurement.run(engine, all, size, v.file() == null ? List.of() : fam.jvmArgs(v.file()), s,
                        dir.resolve("jmh-" + tag + ".log"), dir.resolve("jmh-" + tag + ".json"), out::println);
                r.forEach((w, sc) -> out.println("  " + w + ": " + sc.text() + " ms/op"));
                scores.put(v.name(), Measurement.pool(scores.get(v.name()), r));
            }
        }
        // keep or drop each kind
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (Variant v : variants) {
            if (v.file() == null) continue;
            verdicts.put(v.name(), Verdict.of(scores.get("untuned"), scores.get(v.name()), workloads, holdout));
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String k : kinds) {
            Verdict v = verdicts.get(kinds.size() > 1 ? "only-" + k : "all");
            if (v != null && v.keep()) kept.add(k);
        }
        TuningFile fin = file(fam, kept);
        fin.write(dir.resolve("tuning.json"));
        String finalVariant = kept.isEmpty() ? null : kept.size() == kinds.size() ? "all" : kept.size() == 1 ? "only-" + kept.iterator().next() : null;
        TuneResult result = new TuneReport(engine, size, profileSize, fam, s, profiles, variants, scores, verdicts, kinds, kept,
                finalVariant, workloads, holdout, loadBefore, loadAfter != null ? loadAfter : TuneReport.loadAverage()).result(commandLine());
        result.write(dir.resolve(TuneResult.FILE));
        Files.writeString(dir.resolve("report.md"), TuneMarkdown.report(result));
        out.println("kept: " + (kept.isEmpty() ? "nothing" : String.join(", ", kept)) + "; wrote " + dir.resolve("tuning.json")
                + ", " + dir.resolve("report.md") + " and " + dir.resolve(TuneResult.FILE));
        Workbench.Drawn page = Workbench.draw(dir);   // the gains chart and index.html: the report as one page
        out.println("wrote " + page.index() + " (" + page.figures().size() + " chart" + (page.figures().size() == 1 ? "" : "s") + ")");
        for (String n : page.notes()) out.println("note: " + n);
        return 0;
    }

    private Variant variant(Path dir, Family fam, Set<String> kinds, String name) throws IOException {
        Path f = dir.resolve("variants").resolve(name + ".json");
        file(fam, kinds).write(f);
        return new Variant(name, kinds, f);
    }

    /** @return the tuning file with the decisions of {@code kinds} */
    private TuningFile file(Family fam, Set<String> kinds) {
        return fam.file(kinds, "tailbench tune --engine " + engine + ", decision kinds " + kinds + ", rule: " + fam.rule());
    }

    /**
     * Whether a variant's gain is real: on the training workloads the mean gain minus its error is above zero, and no
     * held-out workload is slower beyond its error. A training mean gain plus its error below zero is a regression (the
     * aot run of 2026-12-07: guarded {@code call_indirect} sites −43 % ± 9 %), reported as such rather than as "no gain".
     */
    record Verdict(double trainGain, double trainError, Map<String, double[]> perWorkload, boolean keep, String reason) {
        static Verdict of(Map<String, Measurement.Score> untuned, Map<String, Measurement.Score> tuned, List<String> training,
                          List<String> holdout) {
            Map<String, double[]> per = new LinkedHashMap<>();
            double sum = 0, err2 = 0;
            int n = 0;
            for (String w : training) {
                double[] g = Measurement.gain(untuned.get(w), tuned.get(w));
                per.put(w, g);
                if (Double.isNaN(g[0])) return new Verdict(Double.NaN, Double.NaN, per, false, "a training measurement failed (" + w + ")");
                sum += g[0];
                err2 += g[1] * g[1];
                n++;
            }
            double gain = sum / n, error = Math.sqrt(err2) / n;
            String regression = null;
            for (String w : holdout) {
                double[] g = Measurement.gain(untuned.get(w), tuned.get(w));
                per.put(w, g);
                if (!Double.isNaN(g[0]) && g[0] + g[1] < 0 && regression == null) regression = w;
            }
            if (gain + error < 0) return new Verdict(gain, error, per, false, "regression on the training workloads (slower beyond the error)");
            if (gain - error <= 0) return new Verdict(gain, error, per, false, "no measurable gain (the gain is inside the error)");
            if (regression != null) return new Verdict(gain, error, per, false, "regression on held-out " + regression + " beyond the error");
            return new Verdict(gain, error, per, true, "gain beyond the error, no held-out regression");
        }
    }

    /**
     * The order the variants run in during round {@code round} (1-based): as given in odd rounds, reversed in even ones
     * (an A-B-B-A design), so that a linear drift of the machine's speed over the measurement adds the same to every
     * variant's pooled mean after an even number of rounds instead of favouring the variants measured last.
     */
    static <T> List<T> roundOrder(List<T> variants, int round) {
        return round % 2 == 0 ? variants.reversed() : variants;
    }
}
