package org.tailbench.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Tail-call build ÷ normal build" (issue 12): for the real-interpreter workloads run on both CPython
 * builds, {@code py_NAME} (python.wasm) and {@code py_NAME@tailcall} (python-tailcall.wasm, the same
 * source with {@code -mtail-call}), each engine's time on the tail-call build divided by its time on the
 * normal build (below 1 = the tail-call build runs faster on that engine), error propagated by
 * {@link Estimate#ratioTo}. When {@code py_startup} ({@code -c pass}) ran on both builds, a second table
 * divides the compute times with the start-up subtracted: {@code (t_tc − s_tc) ÷ (t − s)}, each difference's
 * error {@code sqrt(δt² + δs²)} (independent runs), then propagated as a ratio.
 * Rows need both builds of a script; other rows of the section are ignored. Empty string when no pair ran.
 */
public final class TailCallBuildReport {
    /** Suffix of the tail-call build's catalog entries. */
    public static final String SUFFIX = "@tailcall";
    /** The start-up row (prints nothing). */
    public static final String STARTUP = "py_startup";

    private TailCallBuildReport() {}

    /** A script run on both builds: the normal row and the tail-call row of the section. */
    record Pair(String name, Section.Row normal, Section.Row tailcall) {}

    /** @return the pairs {@code X}, {@code X@tailcall} present in the section, in row order */
    static List<Pair> pairs(Section s) {
        List<Pair> out = new ArrayList<>();
        for (Section.Row r : s.rows()) {
            if (r.workload().endsWith(SUFFIX)) continue;
            for (Section.Row t : s.rows()) {
                if (t.workload().equals(r.workload() + SUFFIX) && t.size().equals(r.size())) {
                    out.add(new Pair(r.workload(), r, t));
                }
            }
        }
        return out;
    }

    /** @return tail-call time ÷ normal time of {@code engine} for the pair, or null when either is missing */
    static Estimate ratio(Section s, Pair p, String engine) {
        Estimate n = s.cell(p.normal(), engine), t = s.cell(p.tailcall(), engine);
        return n == null || t == null || n.score() == 0 ? null : t.ratioTo(n);
    }

    /**
     * @return (t_tc − s_tc) ÷ (t − s) for {@code engine}, or null when a time is missing or a compute time
     *         (time minus start-up) is not positive
     */
    static Estimate computeRatio(Section s, Pair p, Pair startup, String engine) {
        Estimate n = s.cell(p.normal(), engine), t = s.cell(p.tailcall(), engine);
        Estimate sn = s.cell(startup.normal(), engine), st = s.cell(startup.tailcall(), engine);
        if (n == null || t == null || sn == null || st == null) return null;
        Estimate cn = minus(n, sn), ct = minus(t, st);
        return cn.score() <= 0 || ct.score() <= 0 ? null : ct.ratioTo(cn);
    }

    /** a − b with error sqrt(δa² + δb²) (NaN when either is unknown) */
    static Estimate minus(Estimate a, Estimate b) {
        return new Estimate(a.score() - b.score(), Math.sqrt(a.error() * a.error() + b.error() * b.error()));
    }

    /**
     * The tables' cells by engine, for the chart (charts.workbench.TailCallBuildChart).
     * @param computeOnly false: whole runs ({@link #ratio}, every pair, start-up included); true: start-up
     *                    subtracted ({@link #computeRatio}, every pair but {@code py_startup}; empty without it)
     * @return engine (section order) → (script, e.g. {@code py_nbody} → tail-call time ÷ normal time); cells the
     *         table shows as — left out, engines without any cell left out
     */
    public static Map<String, Map<String, Estimate>> ratiosByEngine(Section s, boolean computeOnly) {
        List<Pair> pairs = pairs(s);
        Pair startup = pairs.stream().filter(p -> p.name().equals(STARTUP)).findFirst().orElse(null);
        Map<String, Map<String, Estimate>> out = new LinkedHashMap<>();
        if (computeOnly && startup == null) return out;
        for (String e : s.engines()) {
            Map<String, Estimate> m = new LinkedHashMap<>();
            for (Pair p : pairs) {
                if (computeOnly && p == startup) continue;
                Estimate r = computeOnly ? computeRatio(s, p, startup, e) : ratio(s, p, e);
                if (r != null) m.put(p.name(), r);
            }
            if (!m.isEmpty()) out.put(e, m);
        }
        return out;
    }

    /** @return the markdown tables for the full-run section, or "" when no script ran on both builds */
    public static String markdown(Section s) {
        List<Pair> pairs = pairs(s);
        if (pairs.isEmpty()) return "";
        Pair startup = pairs.stream().filter(p -> p.name().equals(STARTUP)).findFirst().orElse(null);
        StringBuilder sb = new StringBuilder("### Tail-call build ÷ normal build (CPython)\n\n")
                .append("Each engine's time on `python-tailcall.wasm` (built with `-mtail-call`) divided by its time on ")
                .append("`python.wasm` (the same CPython without it), per script: below 1 = the tail-call build is faster ")
                .append("on that engine. Whole runs, start-up included.\n\n");
        table(sb, s, pairs, (p, e) -> ratio(s, p, e));
        List<Pair> scripts = pairs.stream().filter(p -> p != startup).toList();
        if (startup != null && !scripts.isEmpty()) {
            sb.append("The same with the start-up (`py_startup`, `-c pass`, on the same build) subtracted from both times: ")
              .append("(t_tailcall − startup_tailcall) ÷ (t − startup); — where a compute time is not positive.\n\n");
            table(sb, s, scripts, (p, e) -> computeRatio(s, p, startup, e));
        }
        return sb.toString();
    }

    private interface Cell { Estimate of(Pair p, String engine); }

    private static void table(StringBuilder sb, Section s, List<Pair> pairs, Cell cell) {
        sb.append("| script |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String e : s.engines()) { sb.append(' ').append(e).append(" |"); rule.append("---:|"); }
        sb.append('\n').append(rule).append('\n');
        for (Pair p : pairs) {
            sb.append("| ").append(p.name()).append(" |");
            for (String e : s.engines()) {
                Estimate r = cell.of(p, e);
                sb.append(' ').append(r == null ? "—" : r.format()).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
    }
}
