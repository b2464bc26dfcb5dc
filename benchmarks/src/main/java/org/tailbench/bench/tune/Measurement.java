package org.tailbench.bench.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.tailbench.bench.run.Bench;
import org.tailbench.bench.run.JmhLock;
import org.tailbench.charts.JmhJson;
import org.tailbench.charts.JmhResult;

/**
 * Step 3 of {@code tailbench tune} ("Verify"): JMH's {@code WorkloadBenchmark.run} (a whole program run, output checked)
 * for one engine over the training and held-out workloads, once per variant: untuned, and each tuning file, given to
 * the forked JVMs as the family's flags ({@link Family#jvmArgs}: {@code -Dtailbench.aot.tuning=FILE}, {@code -Dtailbench.native.tuning=FILE} or
 * {@code -Dtailbench.switch.superinstructions=...}, what {@code run --tuning} sets). Average time in ms per operation
 * with JMH's 99.9 % confidence half-width as the error.
 */
final class Measurement {
    /** JMH settings: rounds, forks, warm-up and measurement iterations, milliseconds per iteration. */
    record Settings(int rounds, int forks, int warmups, int iterations, int iterationMs, List<String> jvmArgs) {
        String describe() {
            return "JMH WorkloadBenchmark.run, avgt ms/op, " + rounds + " round(s) (the variants one after the other in each round, in reverse order in even rounds) of "
                    + forks + " fork(s) × (" + warmups + " warm-up + " + iterations + " measurement iterations of " + iterationMs
                    + " ms); score = mean of all measurement iterations of all rounds, error = its 99.9 % confidence half-width"
                    + " (JMH's statistics); fork flags " + String.join(" ", jvmArgs);
        }
    }

    /** @return {@code a} and {@code b} pooled per workload (b's samples after a's) */
    static Map<String, Score> pool(Map<String, Score> a, Map<String, Score> b) {
        if (a == null) return b;
        Map<String, Score> out = new LinkedHashMap<>();
        for (Map.Entry<String, Score> e : a.entrySet()) {
            Score x = e.getValue(), y = b.get(e.getKey());
            if (!x.ok() || y == null || !y.ok()) { out.put(e.getKey(), x.ok() ? y : x); continue; }
            List<Double> all = new ArrayList<>(x.samples());
            all.addAll(y.samples());
            out.put(e.getKey(), Score.of(all));
        }
        return out;
    }

    /**
     * One workload's result: score and error in ms/op (mean of the measurement iterations of every round and its
     * 99.9 % confidence half-width, as JMH computes them: {@code ListStatistics}), or a failure (score NaN).
     * @param samples the iteration scores it came from
     */
    record Score(double score, double error, String failure, List<Double> samples) {
        static Score failed(String why) { return new Score(Double.NaN, Double.NaN, why, List.of()); }

        /** @return the score of {@code samples} pooled */
        static Score of(List<Double> samples) {
            if (samples.isEmpty()) return failed("no samples");
            double[] a = samples.stream().mapToDouble(Double::doubleValue).toArray();
            org.openjdk.jmh.util.ListStatistics st = new org.openjdk.jmh.util.ListStatistics(a);
            return new Score(st.getMean(), a.length > 1 ? st.getMeanErrorAt(0.999) : Double.NaN, null, samples);
        }

        boolean ok() { return failure == null && !Double.isNaN(score); }
        double relError() { return ok() ? error / score : Double.NaN; }
        String text() { return org.tailbench.charts.workbench.TuneResult.Score.of(score, error, failure).text(); }
    }

    private Measurement() {}

    /**
     * Runs {@code workloads} on {@code engine} at {@code size} with the JVM flags {@code tuning} (empty: untuned).
     * @return score per workload, in the given order (a workload JMH gave no result for: a failure)
     */
    static Map<String, Score> run(String engine, List<String> workloads, String size, List<String> tuning, Settings s, Path logFile,
                                  Path jsonFile, Consumer<String> say) {
        List<String> jvm = new ArrayList<>(s.jvmArgs());
        jvm.addAll(tuning);
        ChainedOptionsBuilder b = new OptionsBuilder().include(Bench.RUN.regex())
                .param("engine", engine).param("workload", workloads.toArray(String[]::new)).param("size", size)
                .mode(Mode.AverageTime).timeUnit(TimeUnit.MILLISECONDS)
                .forks(s.forks()).warmupIterations(s.warmups()).measurementIterations(s.iterations()).threads(1)
                .warmupTime(TimeValue.milliseconds(s.iterationMs())).measurementTime(TimeValue.milliseconds(s.iterationMs()))
                .jvmArgs(jvm.toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON).result(jsonFile.toString()).output(logFile.toString()).shouldFailOnError(false);
        Map<String, Score> out = new LinkedHashMap<>();
        Collection<RunResult> results;
        try {
            results = JmhLock.run(b.build(), JmhLock.defaultWaitSeconds(), say);
        } catch (RunnerException e) {
            for (String w : workloads) out.put(w, Score.failed("JMH did not run: " + e.getMessage()));
            return out;
        }
        Map<String, Score> byWorkload = new LinkedHashMap<>();
        for (RunResult r : results) {
            String w = r.getParams().getParam("workload");
            List<Double> samples = new ArrayList<>();
            for (org.openjdk.jmh.results.BenchmarkResult br : r.getBenchmarkResults()) {
                for (org.openjdk.jmh.results.IterationResult ir : br.getIterationResults()) samples.add(ir.getPrimaryResult().getScore());
            }
            byWorkload.put(w, Score.of(samples));
        }
        for (String w : workloads) out.put(w, byWorkload.getOrDefault(w, Score.failed("no JMH result (see " + logFile.getFileName() + ")")));
        return out;
    }

    /**
     * The scores of an earlier {@link #run}'s JMH result file (its per-iteration raw data, as {@code run} pools them), for
     * {@code tune --measured-in}; the file and its {@code .log} are copied into {@code into} (unless already there).
     * @return score per workload, in the given order (a workload the file has no result for: a failure)
     * @throws IOException naming the file when it is missing, not JMH's JSON, or not in ms/op
     */
    static Map<String, Score> read(Path jsonFile, List<String> workloads, Path into) throws IOException {
        if (!Files.isRegularFile(jsonFile)) {
            throw new IOException("no JMH result file " + jsonFile + " (was that run made with other --rounds, or stopped before this variant?)");
        }
        Map<String, Score> byWorkload = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = JmhJson.MAPPER.readTree(jsonFile.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(jsonFile + ": not JMH's JSON result: " + e.getOriginalMessage(), e);
        }
        if (root != null && !root.isMissingNode() && !root.isArray()) throw new IOException(jsonFile + ": not JMH's JSON result (no array)");
        for (JsonNode e : root == null ? List.<JsonNode>of() : root) {
            String unit = e.path("primaryMetric").path("scoreUnit").asText();
            if (!unit.equals("ms/op")) throw new IOException(jsonFile + ": score unit \"" + unit + "\", expected ms/op");
            List<Double> samples = new ArrayList<>();
            for (JsonNode fork : e.path("primaryMetric").path("rawData")) {
                for (JsonNode x : fork) samples.add(x.asDouble());
            }
            byWorkload.put(e.path("params").path("workload").asText(), Score.of(samples));
        }
        String log = jsonFile.getFileName().toString().replaceFirst("\\.json$", ".log");
        for (Path f : List.of(jsonFile, jsonFile.resolveSibling(log))) {
            Path to = into.resolve(f.getFileName());
            if (Files.isRegularFile(f) && !(Files.exists(to) && Files.isSameFile(f, to))) Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, Score> out = new LinkedHashMap<>();
        for (String w : workloads) out.put(w, byWorkload.getOrDefault(w, Score.failed("no JMH result (see " + log + ")")));
        return out;
    }

    /**
     * @return the settings the earlier run of {@code jmhFile} (a {@link #run} result) used: forks, iterations, their time
     *         and the fork flags from the file, rounds from {@code given}; {@code given} when the file holds no result
     * @throws IOException when the file cannot be read
     */
    static Settings settingsOf(Path jmhFile, Settings given) throws IOException {
        if (!Files.isRegularFile(jmhFile)) return given;
        List<JmhResult> rs = JmhJson.parse(JmhJson.readRaw(List.of(jmhFile)));
        if (rs.isEmpty()) return given;
        JmhResult.Settings st = rs.get(0).settings();
        var t = Pattern.compile("(\\d+) (ns|us|ms|s|min)").matcher(st.measurementTime());
        int ms = !t.matches() ? given.iterationMs() : (int) (Long.parseLong(t.group(1)) * switch (t.group(2)) {
            case "min" -> 60_000.0;
            case "s" -> 1000.0;
            case "ms" -> 1.0;
            case "us" -> 1e-3;
            default -> 1e-6;
        });
        return new Settings(given.rounds(), st.forks(), st.warmupIterations(), st.measurementIterations(), ms, st.jvmArgs());
    }

    /** @return the load averages before and after of an earlier run's {@code report.md}, or "unknown" for each */
    static String[] loadsOf(Path reportMd) throws IOException {
        String md = Files.isRegularFile(reportMd) ? Files.readString(reportMd) : "";
        var m = Pattern.compile("load average \\(1, 5, 15 min\\) before: ([^,]+, [^,]+, [^,]+), after: ([^,\\n]+, [^,\\n]+, [^,\\n]+)").matcher(md);
        return m.find() ? new String[] {m.group(1), m.group(2)} : new String[] {"unknown", "unknown"};
    }

    /**
     * The gain of {@code tuned} over {@code untuned}: speed-up − 1 ({@code untuned / tuned − 1}; 0.15 = 15 % faster), with
     * its error from both scores' errors (first-order propagation of the relative errors of a ratio).
     * @return {gain, error}, or NaNs when either failed
     */
    static double[] gain(Score untuned, Score tuned) {
        if (!untuned.ok() || !tuned.ok()) return new double[] {Double.NaN, Double.NaN};
        double r = untuned.score() / tuned.score();
        double e = r * Math.sqrt(Math.pow(untuned.relError(), 2) + Math.pow(tuned.relError(), 2));
        return new double[] {r - 1, e};
    }
}
