package org.tailbench.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;
import org.tailbench.charts.JmhJson;
import org.tailbench.charts.ResultTables;
import org.tailbench.charts.workbench.Workbench;

/**
 * Combines shard folders ({@code tailbench bench --shard i/n}) into one run folder: JMH entries of the same
 * benchmark and parameters (one cell's forks, run by different shards) are pooled — every measurement iteration
 * of every fork — and their score and 99.9% error recomputed as JMH does (mean; Student's t half-width); failures,
 * references (shard 1's), engines and peers are copied; environment.json is the first shard's, with every shard's
 * host and environment under {@code shards}.
 */
final class Merge {
    private Merge() {}

    static int merge(List<Path> dirs, Path outDir, PrintStream out) throws IOException {
        for (Path d : dirs) if (!Files.isDirectory(d.resolve("jmh-parts"))) throw new IOException(d + ": not a run folder (no jmh-parts/)");
        Path target = outDir != null ? outDir : dirs.getFirst().toAbsolutePath().getParent()
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now()) + "-merged");
        Files.createDirectories(target.resolve("jmh-parts"));
        Map<String, ObjectNode> cells = new LinkedHashMap<>();
        Map<String, String> hostOf = new LinkedHashMap<>();
        ArrayNode shards = JmhJson.MAPPER.createArrayNode();
        Set<String> engines = new LinkedHashSet<>(), workloads = new LinkedHashSet<>(), peers = new LinkedHashSet<>(), descriptions = new LinkedHashSet<>();
        Set<String> allHosts = new LinkedHashSet<>();
        for (Path d : dirs) allHosts.add(JmhJson.MAPPER.readTree(d.resolve("environment.json").toFile()).path("host").asText("?"));
        boolean perHost = allHosts.size() > 1;   // then each row is one workload on one host: ratios stay within a host
        for (Path d : dirs) {
            JsonNode env = JmhJson.MAPPER.readTree(d.resolve("environment.json").toFile());
            String host = env.path("host").asText("?");
            ObjectNode s = shards.addObject();
            s.put("folder", d.getFileName().toString());
            s.set("environment", env);
            List<Path> parts;
            try (Stream<Path> st = Files.list(d.resolve("jmh-parts"))) {
                parts = st.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (JsonNode e : JmhJson.readRaw(parts)) {
                if (perHost) ((ObjectNode) e.path("params")).put("workload", e.path("params").path("workload").asText() + " @" + host);
                String key = e.path("benchmark").asText() + " " + e.path("params").toString();
                engines.add(e.path("params").path("engine").asText());
                workloads.add(e.path("params").path("workload").asText());
                String other = hostOf.putIfAbsent(key, host);
                if (other != null && !other.equals(host)) {
                    throw new IOException("the forks of " + key + " ran on two hosts (" + other + ", " + host + "): merge them only with their own host's shards");
                }
                cells.merge(key, (ObjectNode) e.deepCopy(), Merge::pool);
            }
            copyDir(d.resolve("failures"), target.resolve("failures"));
            if (Files.isRegularFile(d.resolve("references.tsv")) && !Files.exists(target.resolve("references.tsv"))) {
                List<String> lines = new ArrayList<>(Files.readAllLines(d.resolve("references.tsv")));
                if (perHost) {   // the references belong to their host's rows
                    for (int i = 1; i < lines.size(); i++) {
                        int tab = lines.get(i).indexOf('\t');
                        if (tab > 0) lines.set(i, lines.get(i).substring(0, tab) + " @" + host + lines.get(i).substring(tab));
                    }
                }
                Files.write(target.resolve("references.tsv"), lines);
            }
            if (Files.isRegularFile(d.resolve("peers.txt"))) peers.addAll(Files.readAllLines(d.resolve("peers.txt")));
            if (Files.isRegularFile(d.resolve("engines.txt"))) descriptions.addAll(Files.readAllLines(d.resolve("engines.txt")));
        }
        ArrayNode all = JmhJson.MAPPER.createArrayNode();
        cells.values().forEach(all::add);
        BenchRun.write(target.resolve("jmh-parts").resolve("000-merged.json"), JmhJson.MAPPER.writeValueAsString(all) + "\n");
        ObjectNode env = (ObjectNode) shards.get(0).path("environment").deepCopy();
        env.set("shards", shards);
        BenchRun.write(target.resolve("environment.json"), JmhJson.MAPPER.writeValueAsString(env) + "\n");
        BenchRun.write(target.resolve("peers.txt"), String.join("\n", peers) + "\n");
        BenchRun.write(target.resolve("engines.txt"), String.join("\n", descriptions) + "\n");
        Set<String> hosts = allHosts;
        String note = "Merged from " + dirs.size() + " shard folders (" + String.join(", ", dirs.stream().map(p -> p.getFileName().toString()).toList())
                + ") on " + (hosts.size() == 1 ? "one host, " + hosts.iterator().next() + "." : hosts.size() + " hosts: " + String.join(", ", hosts)
                + ". Each row is one workload on one host (`workload @host`), so every ratio, and every ratio to native, is taken"
                + " between numbers from the same host; an engine that ran on another host shows — in that row."
                + " environment.json's `shards` holds each host's machine.");
        ResultTables.Written w = ResultTables.write(new ResultTables.Options(List.of(target.resolve("jmh-parts")), target, null,
                List.copyOf(engines), perHost ? List.of() : List.copyOf(workloads), target.resolve("environment.json"), target.resolve("jmh.json"),
                "tailbench results — " + target.getFileName() + " (merged shards)", note,
                List.of(Bench.RUN.fqn, Bench.INSTANTIATE.fqn, Bench.COMPILE.fqn), true, target.resolve("engines.txt"),
                Files.isRegularFile(target.resolve("references.tsv")) ? target.resolve("references.tsv") : null, null,
                target.resolve("failures"), target.resolve("peers.txt")));
        Workbench.draw(target);
        out.println("merged " + cells.size() + " JMH results from " + dirs.size() + " folders into " + target);
        return perHost || w.missing() == 0 ? 0 : 1;   // per host, a row lacks the engines of the other hosts by design
    }

    /** @return {@code a} with {@code b}'s forks added and the score and error recomputed over all iterations */
    static ObjectNode pool(ObjectNode a, ObjectNode b) {
        ObjectNode pm = (ObjectNode) a.path("primaryMetric");
        ArrayNode raw = (ArrayNode) pm.path("rawData");
        b.path("primaryMetric").path("rawData").forEach(raw::add);
        a.put("forks", a.path("forks").asInt() + b.path("forks").asInt());
        List<Double> xs = new ArrayList<>();
        raw.forEach(fork -> fork.forEach(v -> xs.add(v.asDouble())));
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        pm.put("score", mean);
        pm.put("scoreError", error99_9(xs, mean));
        return a;
    }

    /** JMH's scoreError: Student's t at 99.9% × standard deviation / √n (NaN below two values). */
    static double error99_9(List<Double> xs, double mean) {
        int n = xs.size();
        if (n < 2) return Double.NaN;
        double ss = 0;
        for (double x : xs) ss += (x - mean) * (x - mean);
        double sd = Math.sqrt(ss / (n - 1));
        return new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2) * sd / Math.sqrt(n);
    }

    private static void copyDir(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
