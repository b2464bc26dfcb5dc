package org.tailbench.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of one benchmark method as a grid: one row per (workload, size), one column per engine,
 * each cell an {@link Estimate} in ms/op or absent (failed or not run).
 *
 * @param benchmark fully qualified benchmark method
 * @param title     heading for the table
 * @param measures  one sentence: what one operation is, and what is excluded
 * @param engines   column order; the baseline first when it is present
 * @param rows      row order
 * @param cells     (row → engine → estimate); a missing entry means no result
 * @param settings  the distinct JMH settings of the entries in this section
 */
public record Section(String benchmark, String title, String measures, List<String> engines, List<Row> rows,
                      Map<Row, Map<String, Estimate>> cells, List<JmhResult.Settings> settings) {

    /** A row key. @param size the catalog size ({@code default} when the benchmark has no size parameter) */
    public record Row(String workload, String size) {}

    /** @return the cell, or null when there is no result */
    public Estimate cell(Row row, String engine) {
        Map<String, Estimate> m = cells.get(row);
        return m == null ? null : m.get(engine);
    }

    /** @return whether any row has a size other than {@code default} */
    public boolean showsSizes() {
        return rows.stream().anyMatch(r -> !r.size().equals("default"));
    }

    /** Known benchmark methods, in report order: (method, title, what one operation is). */
    private static final String[][] KNOWN = {
        {"org.tailbench.bench.WorkloadBenchmark.run", "Full run: instantiate + `_start`",
            "ms per program run: new store, fresh WASI host, instantiation (memory + data segments) and `_start`"
            + " to completion. Excluded: decode, validate, compile (once per trial) and output checking (between iterations)."},
        {JmhJson.REGION_SUFFIX_OF_RUN, "Marked region: `bench.start` → `bench.end`",
            "ms per program run between the module's calls of the imports `bench.start` and `bench.end` (the Sightglass"
            + " convention; compare with Sightglass's own numbers), averaged per JMH iteration over the same runs as the full"
            + " run above, which times the whole `_start` beside it. Only modules that import them have rows."},
        {"org.tailbench.bench.InstantiateBenchmark.instantiate", "Instantiation only",
            "ms per new store + fresh WASI host + instantiation, without `_start`: subtract from the full run"
            + " to estimate the program's own time. Excluded: decode, validate, compile."},
        {"org.tailbench.bench.CompileBenchmark.compile", "Decode + validate + compile",
            "ms per decode, validate and engine compile of the in-memory module bytes (warm JIT)."
            + " Engines that compile lazily pay the rest during the runs."},
    };

    /**
     * Groups results by benchmark method into sections (known benchmarks first, in {@link #KNOWN} order).
     * @param baseline          engine put first (may be null)
     * @param expectedEngines   column order and columns shown even without results (may be empty: order of appearance)
     * @param expectedWorkloads row order and rows shown even without results (may be empty: order of appearance)
     */
    public static List<Section> build(List<JmhResult> results, String baseline, List<String> expectedEngines,
                                      List<String> expectedWorkloads) {
        return build(results, baseline, expectedEngines, expectedWorkloads, List.of());
    }

    /**
     * As {@link #build(List, String, List, List)}, and also makes a (possibly empty) section for every
     * benchmark method in {@code expectedBenchmarks} (fully qualified), so that a benchmark that failed for
     * every engine and workload still shows up as missing results.
     */
    public static List<Section> build(List<JmhResult> results, String baseline, List<String> expectedEngines,
                                      List<String> expectedWorkloads, List<String> expectedBenchmarks) {
        Map<String, List<JmhResult>> byBenchmark = new LinkedHashMap<>();
        for (String[] k : KNOWN) byBenchmark.put(k[0], new ArrayList<>());
        for (String b : expectedBenchmarks) byBenchmark.putIfAbsent(b, new ArrayList<>());
        for (JmhResult r : results) byBenchmark.computeIfAbsent(r.benchmark(), b -> new ArrayList<>()).add(r);
        List<Section> sections = new ArrayList<>();
        for (var entry : byBenchmark.entrySet()) {
            if (entry.getValue().isEmpty() && !expectedBenchmarks.contains(entry.getKey())) continue;
            sections.add(section(entry.getKey(), entry.getValue(), baseline, expectedEngines, expectedWorkloads));
        }
        return sections;
    }

    /** @return the number of (row, engine) cells without a result */
    public int missingCount() {
        int n = 0;
        for (Row r : rows) for (String e : engines) if (cell(r, e) == null) n++;
        return n;
    }

    private static Section section(String benchmark, List<JmhResult> results, String baseline,
                                   List<String> expectedEngines, List<String> expectedWorkloads) {
        String title = null;
        String measures = null;
        for (String[] k : KNOWN) {
            if (k[0].equals(benchmark)) { title = k[1]; measures = k[2]; }
        }
        if (title == null) {
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            title = "`" + name + "`";
            measures = "ms per operation of `" + name + "`.";
        }
        Set<String> engines = new LinkedHashSet<>();
        if (baseline != null && (expectedEngines.contains(baseline) || results.stream().anyMatch(r -> baseline.equals(engine(r))))) {
            engines.add(baseline);
        }
        engines.addAll(expectedEngines);
        Set<Row> rows = new LinkedHashSet<>();
        Set<String> sizes = new LinkedHashSet<>();
        for (JmhResult r : results) sizes.add(size(r));
        if (sizes.isEmpty()) sizes.add("default");
        for (String w : expectedWorkloads) for (String s : sizes) rows.add(new Row(w, s));
        Map<Row, Map<String, Estimate>> cells = new LinkedHashMap<>();
        Set<JmhResult.Settings> settings = new LinkedHashSet<>();
        for (JmhResult r : results) {
            Row row = new Row(r.params().getOrDefault("workload", "(none)"), size(r));
            engines.add(engine(r));
            rows.add(row);
            cells.computeIfAbsent(row, x -> new LinkedHashMap<>()).put(engine(r), r.ms());
            settings.add(r.settings());
        }
        return new Section(benchmark, title, measures, List.copyOf(engines), List.copyOf(rows), cells, List.copyOf(settings));
    }

    private static String engine(JmhResult r) { return r.params().getOrDefault("engine", "(none)"); }

    private static String size(JmhResult r) { return r.params().getOrDefault("size", "default"); }
}
