package org.tailbench.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference tables of {@code results.md} and the file {@code references.csv}, from
 * {@code workloads/reference.sh}'s cells ({@link Reference}): the whole-process references (native gcc and
 * clang builds, node), the in-process one (node, module compiled once), and every JMH engine's full-run
 * score divided by the native gcc median. Kept apart from the JMH tables: these are a handful of
 * wall-clock runs, not JMH estimates, and the whole-process ones include process start.
 */
public final class ReferenceReport {
    private ReferenceReport() {}

    /** The benchmark whose scores are compared with native gcc. */
    public static final String FULL_RUN = "org.tailbench.bench.WorkloadBenchmark.run";

    /** @return the number of failed reference cells (wrong output or a failing run) */
    public static int failedCount(List<Reference> refs) {
        return (int) refs.stream().filter(r -> r.status() == Reference.Status.FAILED).count();
    }

    /** @return row → native gcc median (ms), for the rows where native gcc is ok */
    public static Map<Section.Row, Double> nativeGccMedians(List<Reference> refs) {
        Map<Section.Row, Double> m = new LinkedHashMap<>();
        for (Reference r : refs) {
            if (r.name().equals(Reference.NATIVE_GCC) && r.status() == Reference.Status.OK) {
                m.put(new Section.Row(r.workload(), r.size()), r.median());
            }
        }
        return m;
    }

    /**
     * Markdown: the "References" section (empty string for no cells).
     * @param sections the JMH sections, for the ratio table (the full-run section's engines and scores)
     */
    public static String markdown(List<Reference> refs, List<Section> sections) {
        if (refs.isEmpty()) return "";
        List<Section.Row> rows = new ArrayList<>();
        Map<Section.Row, Map<String, Reference>> cells = new LinkedHashMap<>();
        Set<String> whole = new LinkedHashSet<>(), inProcess = new LinkedHashSet<>();
        Set<Integer> runCounts = new TreeSet<>();
        for (Reference r : refs) {
            Section.Row row = new Section.Row(r.workload(), r.size());
            if (!cells.containsKey(row)) rows.add(row);
            cells.computeIfAbsent(row, x -> new LinkedHashMap<>()).put(r.name(), r);
            (r.inProcess() ? inProcess : whole).add(r.name());
            if (r.status() == Reference.Status.OK) runCounts.add(r.runsMs().size());
        }
        boolean sizes = rows.stream().anyMatch(r -> !r.size().equals("default"));
        StringBuilder sb = new StringBuilder("## References (whole process, includes process start)\n\n");
        sb.append("Wall-clock ms per run of the same program with the same arguments outside our engines, as ")
          .append("`median (min–max)` over ").append(counts(runCounts)).append(" timed runs (the median absolute deviation is in ")
          .append("`references.csv`). Every cell's output was checked before it was timed — against the catalog's expected ")
          .append("stdout sha256, or for a user's module against node's first run — and a mismatch fails the cell untimed. ")
          .append("**Not comparable one-to-one with the JMH tables**: these times include process start — exec and dynamic ")
          .append("linking (about 1 ms) for the native builds, node's start-up and the module's compilation (tens of ms) ")
          .append("for `node` — while the JMH scores exclude JVM start-up, decoding and compilation and are warmed-up ")
          .append("steady-state averages. The in-process table below has node timed the JMH way.\n\n");
        if (!whole.isEmpty()) table(sb, rows, cells, List.copyOf(whole), sizes);
        boolean anyNoisy = refs.stream().anyMatch(r -> r.status() == Reference.Status.OK && r.noisy());
        if (!inProcess.isEmpty()) {
            sb.append("### In one process (excludes process start and compilation)\n\n")
              .append("`node-inproc`: one node process compiles the module once, runs it 3 times untimed (V8 tiers hot code up ")
              .append("to TurboFan), then times each of the runs from a new WASI host through instantiation to the end of ")
              .append("`_start` — the same operation as JMH's full run, but a few runs rather than JMH's iterations.\n\n");
            table(sb, rows, cells, List.copyOf(inProcess), sizes);
        }
        if (anyNoisy) {
            sb.append("† as in the JMH tables: the 99.9% confidence half-width of the mean run (Student's t over the timed runs)")
              .append(" is above ").append(Math.round(MarkdownReport.NOISY * 100)).append("% of the median: noisy.\n\n");
        }
        ratios(sb, rows, cells, whole, inProcess, sections, sizes);
        notes(sb, refs);
        return sb.toString();
    }

    private static String counts(Set<Integer> runCounts) {
        if (runCounts.isEmpty()) return "the";
        List<String> s = runCounts.stream().map(String::valueOf).toList();
        return String.join(" or ", s);
    }

    private static void table(StringBuilder sb, List<Section.Row> rows, Map<Section.Row, Map<String, Reference>> cells,
                              List<String> names, boolean sizes) {
        sb.append("| workload |").append(sizes ? " size |" : "");
        for (String n : names) sb.append(' ').append(n).append(" (ms) |");
        sb.append("\n|---|").append(sizes ? "---|" : "").append("---:|".repeat(names.size())).append('\n');
        for (Section.Row row : rows) {
            sb.append("| ").append(row.workload()).append(" |").append(sizes ? " " + row.size() + " |" : "");
            for (String n : names) sb.append(' ').append(cell(cells.get(row).get(n))).append(" |");
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static String cell(Reference r) {
        if (r == null) return "—";
        return switch (r.status()) {
            case OK -> r.format() + (r.noisy() ? " †" : "");
            case NOT_AVAILABLE -> "n/a";
            case FAILED -> "**FAILED**";
        };
    }

    private static void ratios(StringBuilder sb, List<Section.Row> rows, Map<Section.Row, Map<String, Reference>> cells,
                               Set<String> whole, Set<String> inProcess, List<Section> sections, boolean sizes) {
        Section full = sections.stream().filter(s -> s.benchmark().equals(FULL_RUN)).findFirst().orElse(null);
        List<String> engines = full == null ? List.of() : full.engines();
        List<String> refs = new ArrayList<>();
        for (String n : whole) if (!n.equals(Reference.NATIVE_GCC)) refs.add(n);
        refs.addAll(inProcess);
        boolean anyGcc = rows.stream().anyMatch(r -> ok(cells.get(r).get(Reference.NATIVE_GCC)) || ok(cells.get(r).get(Reference.NATIVE_CLANG)));
        if (!anyGcc || engines.isEmpty() && refs.isEmpty()) return;
        sb.append("### Relative to native gcc\n\n")
          .append("Each JMH engine's full-run score (`engine/native-gcc`), and each other reference's median, divided by the ")
          .append("native `gcc -O2` median of the same workload (how many times slower than native; below 1 = faster). ")
          .append("Caveat: the JMH score excludes JVM start-up and compilation while the native median includes process ")
          .append("start (about 1 ms), which makes these ratios slightly low for short programs; `node/native-gcc` compares ")
          .append("two whole processes, `node-inproc/native-gcc` a warmed-up in-process time with a whole process. ")
          .append("A workload gcc cannot build (see the n/a notes below; e.g. `musttail`) is divided by the native `clang-19 -O2` ")
          .append("median instead, and its row says so (÷ native-clang).\n\n");
        sb.append("| workload |").append(sizes ? " size |" : "");
        for (String e : engines) sb.append(' ').append(e).append("/native-gcc |");
        for (String n : refs) sb.append(' ').append(n).append("/native-gcc |");
        sb.append("\n|---|").append(sizes ? "---|" : "").append("---:|".repeat(engines.size() + refs.size())).append('\n');
        for (Section.Row row : rows) {
            Reference gcc = cells.get(row).get(Reference.NATIVE_GCC), clang = cells.get(row).get(Reference.NATIVE_CLANG);
            boolean byClang = !ok(gcc) && ok(clang);
            double base = ok(gcc) ? gcc.median() : byClang ? clang.median() : Double.NaN;
            sb.append("| ").append(row.workload()).append(byClang ? " (÷ native-clang)" : "").append(" |").append(sizes ? " " + row.size() + " |" : "");
            for (String e : engines) {
                Estimate est = full.cell(row, e);
                sb.append(' ').append(est == null ? "—" : quotient(est.score(), base)).append(" |");
            }
            for (String n : refs) {
                Reference r = cells.get(row).get(n);
                sb.append(' ').append(ok(r) && !(byClang && n.equals(Reference.NATIVE_CLANG)) ? quotient(r.median(), base) : "—").append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static boolean ok(Reference r) { return r != null && r.status() == Reference.Status.OK; }

    private static String quotient(double a, double b) {
        return Double.isNaN(b) || b <= 0 ? "—" : Reference.ratio(a / b);
    }

    private static void notes(StringBuilder sb, List<Reference> refs) {
        Map<String, String> tools = new LinkedHashMap<>();
        List<String> notAvailable = new ArrayList<>(), failed = new ArrayList<>();
        for (Reference r : refs) {
            String where = "`" + r.name() + "` × " + r.workload() + (r.size().equals("default") ? "" : " (" + r.size() + ")");
            switch (r.status()) {
                case OK -> tools.putIfAbsent(r.name(), Md.text(r.detail()));
                case NOT_AVAILABLE -> notAvailable.add(where + ": " + Md.text(r.detail()));
                case FAILED -> failed.add(where + ": " + Md.text(r.detail()));
            }
        }
        if (!tools.isEmpty()) {
            sb.append("How each reference ran:\n\n");
            tools.forEach((n, d) -> sb.append("- `").append(n).append("`: ").append(d).append('\n'));
            sb.append('\n');
        }
        if (!notAvailable.isEmpty()) {
            sb.append("n/a (no such reference here):\n\n");
            for (String s : notAvailable) sb.append("- ").append(s).append('\n');
            sb.append('\n');
        }
        if (!failed.isEmpty()) {
            sb.append("**FAILED** (wrong output or a failing run; not timed — `run-bench.sh` exits with 1):\n\n");
            for (String s : failed) sb.append("- ").append(s).append('\n');
            sb.append('\n');
        }
    }

    /**
     * {@code references.csv}: {@code workload,size,reference,status,runs,median_ms,min_ms,max_ms,mad_ms,sha256,detail},
     * one line per cell; the statistics (rounded to 1e-6 ms) are empty unless the status is {@code ok}.
     */
    public static String csv(List<Reference> refs) {
        StringBuilder sb = new StringBuilder("workload,size,reference,status,runs,median_ms,min_ms,max_ms,mad_ms,sha256,detail\n");
        for (Reference r : refs) {
            boolean ok = r.status() == Reference.Status.OK;
            sb.append(CsvReport.quote(r.workload())).append(',').append(CsvReport.quote(r.size())).append(',')
              .append(CsvReport.quote(r.name())).append(',').append(r.status().label).append(',').append(r.runsMs().size());
            for (double v : new double[] {r.median(), r.min(), r.max(), r.mad()}) {
                sb.append(',').append(ok ? CsvReport.num(Math.round(v * 1e6) / 1e6) : "");  // ns resolution
            }
            sb.append(',').append(CsvReport.quote(r.sha256())).append(',').append(CsvReport.quote(r.detail())).append('\n');
        }
        return sb.toString();
    }
}
