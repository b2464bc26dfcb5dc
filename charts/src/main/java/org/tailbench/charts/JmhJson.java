package org.tailbench.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON result format ({@code -rf json}): a top-level array of benchmark entries. */
public final class JmhJson {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JmhJson() {}

    /**
     * Reads the raw entries of several JMH result files, in order (a file may hold an empty array).
     * @throws IOException when a file cannot be read or is not JSON
     * @throws IllegalArgumentException when a file's top level is not an array
     */
    public static ArrayNode readRaw(List<Path> files) throws IOException {
        ArrayNode all = MAPPER.createArrayNode();
        for (Path f : files) {
            JsonNode root = MAPPER.readTree(f.toFile());
            if (root == null || root.isMissingNode()) continue;  // empty file: JMH interrupted before writing
            if (!root.isArray()) throw new IllegalArgumentException(f + ": not a JMH JSON result (top level is not an array)");
            root.forEach(all::add);
        }
        return all;
    }

    /**
     * Converts raw entries to {@link JmhResult}s (scores in ms/op).
     * @throws IllegalArgumentException naming the entry, when a field is missing or the unit is not a time per operation
     */
    public static List<JmhResult> parse(ArrayNode entries) {
        List<JmhResult> out = new ArrayList<>();
        for (JsonNode e : entries) {
            out.add(parseEntry(e));
            JsonNode region = e.path("secondaryMetrics").path(REGION_METRIC);
            if (region.isObject()) {   // the Sightglass region of the same runs: a result of its own "benchmark"
                ObjectNode r = e.deepCopy();
                r.put("benchmark", e.path("benchmark").asText() + REGION_SUFFIX);
                r.set("primaryMetric", region);
                out.add(parseEntry(r));
            }
        }
        return out;
    }

    /** The secondary metric of {@code org.tailbench.bench.RegionProfiler}: ms between {@code bench.start} and {@code bench.end}. */
    public static final String REGION_METRIC = "region";
    /** Suffix of the pseudo-benchmark that holds each entry's region metric. */
    public static final String REGION_SUFFIX = ":region";
    /** The full run's region pseudo-benchmark. */
    public static final String REGION_SUFFIX_OF_RUN = "org.tailbench.bench.WorkloadBenchmark.run" + REGION_SUFFIX;

    static JmhResult parseEntry(JsonNode e) {
        String benchmark = text(e, "benchmark", "?");
        JsonNode pm = e.get("primaryMetric");
        if (pm == null || !pm.isObject()) throw new IllegalArgumentException(benchmark + ": entry has no primaryMetric");
        String unit = text(pm, "scoreUnit", "");
        double factor = toMillis(unit, benchmark);
        double score = number(pm.get("score"));
        double error = number(pm.get("scoreError"));
        if (!Double.isFinite(score)) throw new IllegalArgumentException(benchmark + ": score is not a number: " + pm.get("score"));
        Estimate ms = new Estimate(score * factor, Double.isFinite(error) ? error * factor : Double.NaN);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = e.get("params");
        if (p != null) p.properties().forEach(en -> params.put(en.getKey(), en.getValue().asText()));
        List<String> jvmArgs = new ArrayList<>();
        JsonNode ja = e.get("jvmArgs");
        if (ja != null) ja.forEach(a -> jvmArgs.add(a.asText()));
        boolean singleShot = text(e, "mode", "").equals("ss");   // one operation per iteration: JMH's times do not apply
        JmhResult.Settings s = new JmhResult.Settings(text(e, "jmhVersion", "?"), e.path("forks").asInt(),
                e.path("threads").asInt(), e.path("warmupIterations").asInt(), singleShot ? "one operation" : text(e, "warmupTime", "?"),
                e.path("measurementIterations").asInt(), singleShot ? "one operation" : text(e, "measurementTime", "?"), List.copyOf(jvmArgs),
                text(e, "jdkVersion", "?"), text(e, "vmName", "?"), text(e, "vmVersion", "?"));
        return new JmhResult(benchmark, text(e, "mode", "?"), params, ms, s);
    }

    /** @return milliseconds per one {@code unit} (a time per operation, e.g. {@code us/op}) */
    static double toMillis(String unit, String benchmark) {
        return switch (unit) {
            case "s/op" -> 1e3;
            case "ms/op" -> 1.0;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> throw new IllegalArgumentException(benchmark + ": unit \"" + unit
                    + "\" is not a time per operation; the tables need -bm avgt (or ss) results");
        };
    }

    /** JMH writes NaN/Infinity as strings ("NaN"). */
    private static double number(JsonNode n) {
        if (n == null || n.isNull()) return Double.NaN;
        if (n.isNumber()) return n.asDouble();
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    private static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? dflt : v.asText();
    }
}
