package org.tailbench.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns JMH JSON results into {@code results.md} and {@code results.csv} (see {@link MarkdownReport},
 * {@link CsvReport}): one row per workload, one column per engine, {@code score ± error} in ms, ratio
 * columns against a baseline engine, one table per benchmark (full run, instantiation, compile); after the
 * full run, the fastest engine per workload with every engine's ratio to it ({@link FastestReport}).
 *
 * <pre>
 * usage: ResultTables --jmh FILE|DIR [--jmh ...] --out DIR [--baseline ENGINE]
 *                     [--engines a,b] [--workloads x,y] [--environment environment.json]
 *                     [--merged-json FILE] [--title TEXT] [--note TEXT]
 *                     [--benchmarks pkg.Class.method,...] [--fail-on-missing]
 *                     [--engine-descriptions FILE] [--references FILE.tsv] [--output-check TEXT]
 *                     [--failures DIR] [--peers FILE]
 * </pre>
 * {@code --failures} names the run's {@code failures/} folder ({@link RunFailures}): a missing cell with a recorded
 * reason shows {@code fails: <reason>} in results.md and in results.csv's {@code <engine>_fails} column; a peer's
 * recorded failure, and a {@code *-naive} engine's "call stack exhausted", do not count as missing for {@code --fail-on-missing}
 * ({@link RunFailures#expected}).
 * {@code --peers} names a {@code peer.<engine>.<key>=<value>} file: those engines are peers, and results.md gets
 * "Ratio to peers" and "Versions and configuration" ({@link PeerReport}).
 * {@code --references} reads {@code workloads/reference.sh}'s TSV: {@code results.md} then gets the
 * reference tables ({@link ReferenceReport}), {@code results.csv} the {@code <engine>/native-gcc} columns, and
 * {@code references.csv} is written beside them; a failed reference cell counts like a missing result.
 * {@code --output-check} replaces the sentence on how outputs were checked (e.g. for a user's module).
 * {@code --engine-descriptions} names a file of {@code name=one-line description} lines (other lines are
 * ignored), listed under the introduction for the engines in the tables.
 * {@code --jmh DIR} reads every {@code *.json} in it (sorted by name). {@code --engines}/{@code --workloads}
 * fix the column/row order and make requested-but-missing results visible as "no result".
 * {@code --merged-json} also writes all entries as one JMH JSON array. Every file is written atomically.
 * {@code --benchmarks} names the benchmark methods that were run, so one that failed everywhere still
 * shows (as missing results). The baseline defaults to {@code switch} when present, else the first engine.
 * Exit code 2 on bad usage, 1 when the input cannot be read, 3 with {@code --fail-on-missing} when a
 * requested result is missing (the tables are written all the same).
 */
public final class ResultTables {
    private ResultTables() {}

    /** Parsed command line (also built by {@code tailbench bench}). */
    public record Options(List<Path> jmh, Path out, String baseline, List<String> engines, List<String> workloads,
                   Path environment, Path mergedJson, String title, String note, List<String> benchmarks,
                   boolean failOnMissing, Path engineDescriptions, Path references, String outputCheck,
                   Path failures, Path peers) {
        public Options(List<Path> jmh, Path out, String baseline, List<String> engines, List<String> workloads,
                Path environment, Path mergedJson, String title, String note, List<String> benchmarks,
                boolean failOnMissing, Path engineDescriptions, Path references, String outputCheck) {
            this(jmh, out, baseline, engines, workloads, environment, mergedJson, title, note, benchmarks, failOnMissing,
                    engineDescriptions, references, outputCheck, null, null);
        }
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ResultTables: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (o == null) { System.out.println(usage()); return; }
        try {
            Written w = write(o);
            for (Path p : w.files()) System.out.println("wrote " + p);
            if (w.missing() > 0) {
                System.err.println("ResultTables: " + w.missing() + " requested result(s) missing (failed or not run)");
                if (o.failOnMissing()) System.exit(3);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("ResultTables: " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return "usage: ResultTables --jmh FILE|DIR [--jmh ...] --out DIR [--baseline ENGINE] [--engines a,b]"
                + " [--workloads x,y] [--environment FILE] [--merged-json FILE] [--title TEXT] [--note TEXT]"
                + " [--benchmarks pkg.Class.method,...] [--fail-on-missing] [--engine-descriptions FILE]"
                + " [--references FILE.tsv] [--output-check TEXT] [--failures DIR] [--peers FILE]";
    }

    /** @return the options, or null for --help */
    static Options parse(String[] args) {
        List<Path> jmh = new ArrayList<>();
        Path out = null, env = null, merged = null, descriptions = null, references = null, failures = null, peers = null;
        String baseline = null, title = "tailbench results", note = null, outputCheck = null;
        List<String> engines = List.of(), workloads = List.of(), benchmarks = List.of();
        boolean failOnMissing = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) return null;
            if (a.equals("--fail-on-missing")) { failOnMissing = true; continue; }
            if (i + 1 >= args.length) throw new IllegalArgumentException(a + (a.startsWith("--") ? " needs a value" : ": unknown argument"));
            String v = args[++i];
            switch (a) {
                case "--jmh" -> jmh.add(Path.of(v));
                case "--out" -> out = Path.of(v);
                case "--baseline" -> baseline = v.isBlank() ? null : v;
                case "--engines" -> engines = list(v);
                case "--workloads" -> workloads = list(v);
                case "--environment" -> env = Path.of(v);
                case "--merged-json" -> merged = Path.of(v);
                case "--title" -> title = v;
                case "--note" -> note = v;
                case "--benchmarks" -> benchmarks = list(v);
                case "--engine-descriptions" -> descriptions = Path.of(v);
                case "--references" -> references = Path.of(v);
                case "--output-check" -> outputCheck = v;
                case "--failures" -> failures = Path.of(v);
                case "--peers" -> peers = Path.of(v);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (jmh.isEmpty()) throw new IllegalArgumentException("--jmh FILE|DIR is required");
        if (out == null) throw new IllegalArgumentException("--out DIR is required");
        return new Options(jmh, out, baseline, engines, workloads, env, merged, title, note, benchmarks, failOnMissing,
                descriptions, references, outputCheck, failures, peers);
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** What {@link #write} did. @param missing requested (row, engine) results without a value, plus failed reference cells */
    public record Written(List<Path> files, int missing) {}

    /** Reads, renders and writes. */
    public static Written write(Options o) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : o.jmh()) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new IOException("no such JMH result file: " + p);
            }
        }
        ArrayNode raw = JmhJson.readRaw(files);
        List<JmhResult> results = JmhJson.parse(raw);
        String baseline = chooseBaseline(o.baseline(), results, o.engines());
        List<Section> sections = Section.build(results, baseline, o.engines(), o.workloads(), o.benchmarks());
        RunFailures runFailures = RunFailures.read(o.failures());
        Map<String, Map<String, String>> peers = PeerReport.readPeers(o.peers());
        int missing = 0;
        for (Section s : sections) {
            if (s.benchmark().endsWith(JmhJson.REGION_SUFFIX)) continue;   // a marked region is extra: an engine without one is not missing
            for (Section.Row r : s.rows()) {
                for (String e : s.engines()) {
                    if (s.cell(r, e) == null && !runFailures.expected(e, r.workload(), peers.containsKey(e))) missing++;
                }
            }
        }
        List<Reference> refs = o.references() == null ? List.of() : Reference.readTsv(o.references());
        int failedRefs = ReferenceReport.failedCount(refs);
        JsonNode env = o.environment() != null && Files.exists(o.environment())
                ? JmhJson.MAPPER.readTree(o.environment().toFile()) : null;
        List<Path> written = new ArrayList<>();
        if (o.mergedJson() != null) {
            AtomicFiles.write(o.mergedJson(), JmhJson.MAPPER.writeValueAsString(raw) + "\n");
            written.add(o.mergedJson());
        }
        Path md = o.out().resolve("results.md");
        Path csv = o.out().resolve("results.csv");
        String note = o.note();
        if (missing > 0) {
            String incomplete = "Incomplete: " + missing + " requested result" + (missing == 1 ? " is" : "s are")
                    + " missing (failed or not run); see the lists below the tables and jmh.log.";
            note = note == null || note.isBlank() ? incomplete : note.strip() + " " + incomplete;
        }
        if (failedRefs > 0) {
            String bad = failedRefs + " reference cell" + (failedRefs == 1 ? "" : "s") + " FAILED (wrong output or a failing run); see References.";
            note = note == null || note.isBlank() ? bad : note.strip() + " " + bad;
        }
        Map<String, String> descriptions = o.engineDescriptions() == null ? Map.of() : descriptions(o.engineDescriptions());
        AtomicFiles.write(md, MarkdownReport.render(o.title(), note, sections, baseline, env, descriptions,
                o.outputCheck(), ReferenceReport.markdown(refs, sections) + PeerReport.markdown(sections, peers, runFailures)
                        + CompileRateReport.markdown(results, o.engines(), CompileRateReport::moduleBytes),
                runFailures));
        AtomicFiles.write(csv, CsvReport.render(sections, baseline, ReferenceReport.nativeGccMedians(refs), runFailures));
        written.add(md);
        written.add(csv);
        if (o.references() != null) {
            Path refCsv = o.out().resolve("references.csv");
            AtomicFiles.write(refCsv, ReferenceReport.csv(refs));
            written.add(refCsv);
        }
        return new Written(written, missing + failedRefs);
    }

    /** @return name → description from {@code name=description} lines (lines without '=' are skipped) */
    static Map<String, String> descriptions(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return m;
    }

    /**
     * @return the requested baseline; else, among the engines with results, {@code switch}, or the first in
     *         {@code engines}' order, or the first seen; with no results at all, {@code switch} if listed, else the first
     *         of {@code engines}; else null
     */
    public static String chooseBaseline(String requested, List<JmhResult> results, List<String> engines) {
        if (requested != null) return requested;
        // only an engine with results can be the baseline: `engines` may list every engine installed (a page redrawn
        // from engines.txt), and a run without switch then got "switch" and no ratio chart at all
        List<String> withResults = new ArrayList<>();
        for (JmhResult r : results) {
            String e = r.params().get("engine");
            if (e != null && !withResults.contains(e)) withResults.add(e);
        }
        if (withResults.isEmpty()) withResults.addAll(engines);
        if (withResults.contains("switch")) return "switch";
        for (String e : engines) if (withResults.contains(e)) return e;
        return withResults.isEmpty() ? null : withResults.getFirst();
    }
}
