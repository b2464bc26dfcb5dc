package org.tailbench.charts;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code results.csv}: one line per (benchmark, workload, size); per engine the columns
 * {@code <engine>_ms} and {@code <engine>_error_ms} (99.9% CI half-width), and per non-baseline engine
 * {@code <engine>/<baseline>} and {@code <engine>/<baseline>_error} (propagated). Unrounded values;
 * empty cells where there is no result or no error estimate. With native gcc reference medians (see
 * {@link ReferenceReport}), also {@code <engine>/native-gcc} per engine: the full-run score divided by the
 * native gcc median of the row (empty on other benchmarks' rows and where either is missing).
 * When the full-run section has at least two engines, before those: {@code fastest} (the engine with the lowest score),
 * {@code fastest_status} ({@code clear}, {@code tie}, {@code unknown} or {@code too-few}, see
 * {@link FastestReport.Status}) and per engine {@code <engine>/fastest} and {@code <engine>/fastest_error};
 * filled on full-run rows with at least two scores only.
 */
public final class CsvReport {
    private CsvReport() {}

    public static String render(List<Section> sections, String baseline) {
        return render(sections, baseline, Map.of());
    }

    /** As above, with {@code <engine>/native-gcc} columns when {@code nativeGcc} (row → median ms) is not empty. */
    public static String render(List<Section> sections, String baseline, Map<Section.Row, Double> nativeGcc) {
        return render(sections, baseline, nativeGcc, RunFailures.NONE);
    }

    /**
     * As above; when {@code failures} is not empty, every engine also gets a {@code <engine>_fails} column right
     * after its error column: {@code fails: <reason>} where the cell has no result and a reason was recorded.
     */
    public static String render(List<Section> sections, String baseline, Map<Section.Row, Double> nativeGcc, RunFailures failures) {
        Set<String> engines = new LinkedHashSet<>();
        for (Section s : sections) engines.addAll(s.engines());
        List<String> others = engines.stream().filter(e -> !e.equals(baseline)).toList();
        boolean ratios = baseline != null && engines.contains(baseline);
        StringBuilder sb = new StringBuilder();
        StringBuilder header = new StringBuilder("benchmark,workload,size");
        boolean fails = !failures.isEmpty();
        for (String e : engines) {
            header.append(',').append(quote(e + "_ms")).append(',').append(quote(e + "_error_ms"));
            if (fails) header.append(',').append(quote(e + "_fails"));
        }
        if (ratios) for (String e : others) header.append(',').append(quote(e + "/" + baseline)).append(',').append(quote(e + "/" + baseline + "_error"));
        boolean fastest = sections.stream().anyMatch(s -> s.benchmark().equals(ReferenceReport.FULL_RUN) && s.engines().size() >= 2);
        if (fastest) {
            header.append(",fastest,fastest_status");
            for (String e : engines) header.append(',').append(quote(e + "/fastest")).append(',').append(quote(e + "/fastest_error"));
        }
        boolean gcc = !nativeGcc.isEmpty();
        if (gcc) for (String e : engines) header.append(',').append(quote(e + "/" + Reference.NATIVE_GCC));
        sb.append(header).append('\n');
        for (Section s : sections) {
            Map<Section.Row, FastestReport.Verdict> verdicts = new java.util.HashMap<>();
            if (fastest && s.benchmark().equals(ReferenceReport.FULL_RUN)) {
                for (FastestReport.Verdict v : FastestReport.verdicts(s)) verdicts.put(v.row(), v);
            }
            String bench = s.benchmark().substring(s.benchmark().lastIndexOf('.', s.benchmark().lastIndexOf('.') - 1) + 1);
            for (Section.Row row : s.rows()) {
                sb.append(quote(bench)).append(',').append(quote(row.workload())).append(',').append(quote(row.size()));
                for (String e : engines) {
                    Estimate est = s.cell(row, e);
                    sb.append(',').append(est == null ? "" : num(est.score()));
                    sb.append(',').append(est == null ? "" : num(est.error()));
                    if (fails) {
                        String why = est == null ? failures.reason(e, row.workload()) : null;
                        sb.append(',').append(why == null ? "" : quote("fails: " + why));
                    }
                }
                if (ratios) {
                    Estimate base = s.cell(row, baseline);
                    for (String e : others) {
                        Estimate est = s.cell(row, e);
                        Estimate r = est == null || base == null || base.score() == 0 ? null : est.ratioTo(base);
                        sb.append(',').append(r == null ? "" : num(r.score()));
                        sb.append(',').append(r == null ? "" : num(r.error()));
                    }
                }
                if (fastest) {
                    FastestReport.Verdict v = verdicts.get(row);
                    sb.append(',').append(v == null || v.fastest() == null ? "" : quote(v.fastest()));
                    sb.append(',').append(v == null ? "" : v.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                    for (String e : engines) {
                        Estimate r = v == null ? null : v.ratios().get(e);
                        sb.append(',').append(r == null ? "" : num(r.score()));
                        sb.append(',').append(r == null ? "" : num(r.error()));
                    }
                }
                if (gcc) {
                    Double base = s.benchmark().equals(ReferenceReport.FULL_RUN) ? nativeGcc.get(row) : null;
                    for (String e : engines) {
                        Estimate est = s.cell(row, e);
                        sb.append(',').append(est == null || base == null || base <= 0 ? "" : num(est.score() / base));
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String num(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : "";
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
