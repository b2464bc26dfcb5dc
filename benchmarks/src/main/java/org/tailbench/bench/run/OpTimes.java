package org.tailbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.charts.JmhJson;
import org.tailbench.charts.JmhResult;

/**
 * Measured milliseconds of one operation per benchmark × workload × engine: from {@code Calibrate} (before a run)
 * or from the last run's jmh.json (for a dry run's estimate). Missing = unknown (NaN).
 * @param relativeErrors the last run's error ÷ score per cell (same keys; only from jmh.json)
 * @param attempts whether each attempt of the last run was wide (error ÷ score above {@link Profile#TARGET_ERROR}),
 *        per cell and settings ({@link #attemptKey}): its result in jmh.json and the attempts kept in jmh-attempts/
 * @param source where the times come from (for the console)
 */
record OpTimes(Map<String, Double> ms, Map<String, Double> relativeErrors, Map<String, Boolean> attempts, String source) {
    OpTimes(Map<String, Double> ms, String source) { this(ms, Map.of(), Map.of(), source); }

    OpTimes(Map<String, Double> ms, Map<String, Double> relativeErrors, String source) { this(ms, relativeErrors, Map.of(), source); }

    static OpTimes none() { return new OpTimes(Map.of(), "nothing"); }

    /** @return the last run's error ÷ score of the cell, NaN when unknown (then the cell starts at its profile's settings) */
    double relativeError(Bench b, String workload, String engine) {
        return relativeErrors.getOrDefault(key(b, workload, engine), Double.NaN);
    }

    /**
     * @return whether the last run's attempt at the cell with settings {@code s}' mode, warm-up and measurement
     *         iterations was wide; null when it made no such attempt ({@link Retries})
     */
    Boolean wasWide(Bench b, String workload, String engine, Profile.Jmh s) {
        return attempts.get(attemptKey(key(b, workload, engine), s.singleShot(), s.warmups(), s.iterations()));
    }

    /** @return the key of one attempt's settings at cell {@code cell} ({@link #key}) */
    static String attemptKey(String cell, boolean singleShot, int warmups, int iterations) {
        return cell + "|" + (singleShot ? "ss" : "avgt") + "|" + warmups + "+" + iterations;
    }

    boolean isEmpty() { return ms.isEmpty(); }

    /** @return the time of one operation, NaN when unknown */
    double of(Bench b, String workload, String engine) {
        return ms.getOrDefault(key(b, workload, engine), Double.NaN);
    }

    static String key(Bench b, String workload, String engine) { return b.name() + "|" + workload + "|" + engine; }

    /**
     * @return the times an estimate uses before the run measures its own: the last run's ({@link #fromLatest}), and
     *         where it has none, those of the newest committed run under {@code resultsDir/published/} (another
     *         machine, so only a guide: a fresh clone's first estimate was 41 min against a real 105 min without it).
     *         Never used to size iterations or skip the calibration; its errors are left out, so the dry run shows the
     *         first attempts the real run makes.
     */
    static OpTimes forEstimate(Path resultsDir, String size) {
        OpTimes latest = fromLatest(resultsDir, size);
        try (var dirs = Files.list(resultsDir.resolve("published"))) {
            Path newest = dirs.filter(d -> Files.isRegularFile(d.resolve("jmh.json"))).max(java.util.Comparator.naturalOrder()).orElse(null);
            if (newest == null) return latest;
            OpTimes read = read(newest.resolve("jmh.json"), size, "the published run " + newest.getFileName() + " (another machine)");
            OpTimes published = new OpTimes(read.ms(), Map.of(), read.source());   // its errors decide neither this run's attempts nor their estimate
            if (latest.isEmpty()) return published;
            OpTimes both = latest.merge(published);
            return new OpTimes(both.ms(), both.relativeErrors(), both.attempts(), latest.source() + " (where it has none: " + published.source() + ")");
        } catch (IOException | RuntimeException e) {
            return latest;
        }
    }

    /**
     * @return the scores of {@code resultsDir/latest/jmh.json} at {@code size}, with whether each attempt was wide
     *         (also those in {@code jmh-attempts/}), or none when there is no such run
     */
    static OpTimes fromLatest(Path resultsDir, String size) {
        Path dir = resultsDir.resolve("latest"), json = dir.resolve("jmh.json");
        if (!Files.isRegularFile(json)) return none();
        try {
            OpTimes last = read(json, size, "the last run, " + dir.toRealPath().getFileName());
            Map<String, Boolean> attempts = new HashMap<>();
            List<Path> files = new java.util.ArrayList<>(List.of(json));
            if (Files.isDirectory(dir.resolve("jmh-attempts"))) {
                try (var s = Files.list(dir.resolve("jmh-attempts"))) {
                    s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
            for (Path f : files) {
                scan(f, size, (k, r) -> {
                    if (r.ms().hasError() && r.ms().score() > 0) {
                        attempts.put(attemptKey(k, r.mode().equals("ss"), r.settings().warmupIterations(), r.settings().measurementIterations()),
                                r.ms().error() / r.ms().score() > Profile.TARGET_ERROR);
                    }
                });
            }
            return new OpTimes(last.ms(), last.relativeErrors(), attempts, last.source());
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    private static OpTimes read(Path json, String size, String source) {
        try {
            Map<String, Double> m = new HashMap<>(), err = new HashMap<>();
            scan(json, size, (k, r) -> {
                m.put(k, r.ms().score());
                if (r.ms().hasError() && r.ms().score() > 0) err.put(k, r.ms().error() / r.ms().score());
            });
            return new OpTimes(m, err, source);
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    /** Calls {@code each} with the cell key and result of every entry of {@code json} at {@code size} (catalog workloads only). */
    private static void scan(Path json, String size, java.util.function.BiConsumer<String, JmhResult> each) throws IOException {
        for (JmhResult r : JmhJson.parse(JmhJson.readRaw(List.of(json)))) {
            String sz = r.params().get("size");
            if (sz != null && !sz.equals(size) || !r.params().getOrDefault("wasmFile", "").isEmpty()) continue;
            for (Bench b : Bench.values()) {
                if (b.fqn.equals(r.benchmark())) each.accept(key(b, r.params().get("workload"), r.params().get("engine")), r);
            }
        }
    }

    /**
     * Reads {@code Calibrate}'s TSV; an {@code over-limit} row gives its compile time and the run time waited (a lower
     * bound, over the profile's limit, so that cell is not run).
     * @param failures collects "engine × workload: reason" of cells that failed
     */
    static OpTimes readCalibration(Path tsv, List<String> failures) throws IOException {
        Map<String, Double> m = new HashMap<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 6) continue;
            if (f[5].equals(org.tailbench.bench.Calibrate.OVER_LIMIT)) {   // only a lower bound of the run; no instantiation time
                if (!f[2].isEmpty()) m.put(key(Bench.COMPILE, f[1], f[0]), Double.parseDouble(f[2]));
                m.put(key(Bench.RUN, f[1], f[0]), Double.parseDouble(f[4]));
                failures.add(f[0] + " × " + f[1] + ": one run still going after " + Math.round(Double.parseDouble(f[4]) / 1000) + " s");
                continue;
            }
            if (!f[5].equals("ok")) { failures.add(f[0] + " × " + f[1] + ": " + f[5]); continue; }
            m.put(key(Bench.COMPILE, f[1], f[0]), Double.parseDouble(f[2]));
            m.put(key(Bench.INSTANTIATE, f[1], f[0]), Double.parseDouble(f[3]));
            m.put(key(Bench.RUN, f[1], f[0]), Double.parseDouble(f[4]));
        }
        return new OpTimes(m, "calibration");
    }

    /** @return these times, with {@code other}'s where these have none (and these times' source) */
    OpTimes merge(OpTimes other) {
        Map<String, Double> m = new HashMap<>(other.ms), err = new HashMap<>(other.relativeErrors);
        Map<String, Boolean> att = new HashMap<>(other.attempts);
        m.putAll(ms);
        err.putAll(relativeErrors);
        att.putAll(attempts);
        return new OpTimes(m, err, att, source);
    }
}
