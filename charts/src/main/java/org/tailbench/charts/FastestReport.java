package org.tailbench.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Fastest strategy per workload": for each row of a {@link Section} (in {@code results.md} the full run),
 * the engine with the lowest score and every engine's time divided by the fastest's ({@code >= 1}), with the
 * error propagated to first order by {@link Estimate#ratioTo} ({@code δr = r·sqrt((δa/a)² + (δf/f)²)}; the
 * fastest's own ratio is exactly 1 ± 0). A win is only claimed when the fastest's 99.9% confidence interval
 * {@code [f − δf, f + δf]} does not overlap any other engine's: otherwise the row is a "tie within error"
 * (naming the overlapping engines), and without an error estimate on either side it is "not established".
 * Rows where fewer than two engines have a score get no fastest; missing engines are named.
 * <p>
 * The summary gives, per engine, the number of rows it was fastest on (and how many of them clearly) and the
 * geometric mean of its ratio to the fastest over the rows where it has a score, with the error of the mean
 * of logarithms propagated assuming the rows are independent: {@code δG = G·sqrt(Σ(δr_i/r_i)²)/n}.
 * Issue: "the report states, per workload, the fastest strategy and each strategy's ratio to it, with errors".
 */
public final class FastestReport {
    private FastestReport() {}

    /** Whether the fastest is distinguishable from every other engine with a score. */
    public enum Status {
        /** every other engine's interval lies above the fastest's */
        CLEAR,
        /** some other engine's interval overlaps the fastest's (listed in {@link Verdict#overlapping}) */
        TIE,
        /** no overlap among the known intervals, but the fastest or some other engine has no error estimate */
        UNKNOWN,
        /** fewer than two engines have a score: no fastest */
        TOO_FEW
    }

    /**
     * One row's outcome.
     * @param fastest     the engine with the lowest score (first in column order on equal scores), or null for {@link Status#TOO_FEW}
     * @param ratios      engine → time ÷ fastest time, for the engines with a score (empty for {@link Status#TOO_FEW})
     * @param overlapping engines whose interval overlaps the fastest's (for {@link Status#TIE})
     * @param noError     engines with a score but no error estimate
     * @param missing     engines of the section without a score in this row
     */
    public record Verdict(Section.Row row, String fastest, Status status, Map<String, Estimate> ratios,
                          List<String> overlapping, List<String> noError, List<String> missing) {}

    /**
     * Per-engine summary.
     * @param wins      rows it was fastest on
     * @param clearWins of those, rows with {@link Status#CLEAR}
     * @param geomean   geometric mean of its ratio to the fastest over {@code rows} rows, or null when {@code rows} is 0
     */
    public record Summary(String engine, int wins, int clearWins, Estimate geomean, int rows) {}

    /** @return one verdict per row of the section, in row order */
    public static List<Verdict> verdicts(Section s) {
        List<Verdict> out = new ArrayList<>();
        for (Section.Row row : s.rows()) out.add(verdict(s, row));
        return out;
    }

    static Verdict verdict(Section s, Section.Row row) {
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> noError = new ArrayList<>();
        for (String e : s.engines()) {
            Estimate est = s.cell(row, e);
            if (est == null) { missing.add(e); continue; }
            present.add(e);
            if (!est.hasError()) noError.add(e);
        }
        if (present.size() < 2) return new Verdict(row, null, Status.TOO_FEW, Map.of(), List.of(), List.copyOf(noError), List.copyOf(missing));
        String fastest = present.getFirst();
        for (String e : present) if (s.cell(row, e).score() < s.cell(row, fastest).score()) fastest = e;
        Estimate f = s.cell(row, fastest);
        if (f.score() <= 0) throw new IllegalArgumentException("non-positive score " + f.score() + " ms for " + fastest + " × " + row.workload());
        Map<String, Estimate> ratios = new LinkedHashMap<>();
        List<String> overlapping = new ArrayList<>();
        for (String e : present) {
            Estimate est = s.cell(row, e);
            ratios.put(e, e.equals(fastest) ? new Estimate(1, 0) : est.ratioTo(f));
            if (!e.equals(fastest) && f.hasError() && est.hasError() && est.score() - est.error() <= f.score() + f.error()) overlapping.add(e);
        }
        Status status = !overlapping.isEmpty() ? Status.TIE : noError.isEmpty() ? Status.CLEAR : Status.UNKNOWN;
        return new Verdict(row, fastest, status, ratios, List.copyOf(overlapping), List.copyOf(noError), List.copyOf(missing));
    }

    /** @return one summary per engine of the section, in column order */
    public static List<Summary> summaries(List<String> engines, List<Verdict> verdicts) {
        List<Summary> out = new ArrayList<>();
        for (String e : engines) {
            int wins = 0, clear = 0;
            List<Estimate> ratios = new ArrayList<>();
            for (Verdict v : verdicts) {
                if (e.equals(v.fastest())) { wins++; if (v.status() == Status.CLEAR) clear++; }
                Estimate r = v.ratios().get(e);
                if (r != null) ratios.add(r);
            }
            Estimate g = Estimate.geometricMean(ratios);
            int n = ratios.size();
            out.add(new Summary(e, wins, clear, g, n));
        }
        return out;
    }

    /** Markdown: the subsection "Fastest strategy per workload" for the section (empty string when it has no rows or engines). */
    public static String markdown(Section s) {
        if (s.rows().isEmpty() || s.engines().size() < 2) return "";
        List<Verdict> verdicts = verdicts(s);
        StringBuilder sb = new StringBuilder("### Fastest strategy per workload\n\n");
        sb.append("Per workload the engine with the lowest time, and each engine's time ÷ that time (1 = the fastest;")
          .append(" error propagated to first order from both 99.9% intervals). \"Tie within error\": the fastest's interval")
          .append(" overlaps another engine's, so no winner is claimed; **bold**: clearly fastest (no overlap, all errors known).\n\n");
        StringBuilder head = new StringBuilder("| workload |");
        StringBuilder rule = new StringBuilder("|---|");
        if (s.showsSizes()) { head.append(" size |"); rule.append("---|"); }
        head.append(" fastest |");
        rule.append("---|");
        for (String e : s.engines()) { head.append(' ').append(e).append("/fastest |"); rule.append("---:|"); }
        head.append(" note |");
        rule.append("---|");
        sb.append(head).append('\n').append(rule).append('\n');
        for (Verdict v : verdicts) {
            sb.append("| ").append(v.row().workload()).append(" |");
            if (s.showsSizes()) sb.append(' ').append(v.row().size()).append(" |");
            sb.append(' ').append(v.fastest() == null ? "—" : v.status() == Status.CLEAR ? "**" + v.fastest() + "**" : v.fastest()).append(" |");
            for (String e : s.engines()) {
                Estimate r = v.ratios().get(e);
                sb.append(' ').append(r == null ? "—" : e.equals(v.fastest()) ? "1" : r.format()).append(" |");
            }
            sb.append(' ').append(note(v)).append(" |\n");
        }
        sb.append('\n');
        List<Summary> summaries = summaries(s.engines(), verdicts);
        long decided = verdicts.stream().filter(v -> v.fastest() != null).count();
        sb.append("Summary over the ").append(decided).append(decided == 1 ? " workload" : " workloads")
          .append(" with a fastest engine; \"clearly\": bold rows; the geometric mean is over the workloads where the engine has a result:\n\n")
          .append("| engine | fastest on | clearly | geometric mean of time ÷ fastest | over |\n|---|---:|---:|---:|---:|\n");
        for (Summary m : summaries) {
            sb.append("| ").append(m.engine()).append(" | ").append(m.wins()).append(" | ").append(m.clearWins()).append(" | ")
              .append(m.geomean() == null ? "—" : m.geomean().format()).append(" | ").append(m.rows()).append(" |\n");
        }
        return sb.append('\n').toString();
    }

    /** @return the note column: tie / not established / too few, then the missing engines */
    static String note(Verdict v) {
        List<String> parts = new ArrayList<>();
        switch (v.status()) {
            case TIE -> parts.add("tie within error with " + String.join(", ", v.overlapping()) + " (99.9% intervals overlap)");
            case UNKNOWN -> parts.add("not established: no error estimate for " + String.join(", ", v.noError()));
            case TOO_FEW -> parts.add("fewer than 2 engines have a result");
            case CLEAR -> { }
        }
        if (!v.missing().isEmpty()) parts.add("missing: " + String.join(", ", v.missing()));
        return String.join("; ", parts);
    }
}
