package org.tailbench.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code results.md}: an introduction saying how to read the numbers, one table per {@link Section}
 * (rows = workloads, columns = engines as {@code score ± error} ms, then one ratio column per non-baseline
 * engine; after the full run, the fastest engine per workload and every engine's ratio to it, see
 * {@link FastestReport}), the JMH settings, and the environment when {@code environment.json} is given.
 */
public final class MarkdownReport {
    /** Relative error above which a cell is flagged as noisy. */
    static final double NOISY = 0.05;

    private MarkdownReport() {}

    /**
     * @param title       heading (e.g. the run folder name)
     * @param note        a warning shown first (e.g. "interrupted"), or null
     * @param baseline    the engine ratios are taken against, or null for none
     * @param environment the parsed environment.json, or null
     */
    public static String render(String title, String note, List<Section> sections, String baseline, JsonNode environment) {
        return render(title, note, sections, baseline, environment, Map.of());
    }

    /** As above, plus a list of the engines in the tables with their descriptions (name → one line). */
    public static String render(String title, String note, List<Section> sections, String baseline, JsonNode environment,
                                Map<String, String> engineDescriptions) {
        return render(title, note, sections, baseline, environment, engineDescriptions, null, "");
    }

    /** Default {@code outputCheck}: how the catalog workloads' outputs are checked. */
    static final String CATALOG_OUTPUT_CHECK = "Every engine's output was checked against the catalog's expected stdout"
            + " sha256 (from a native build) in each trial's setup and after every iteration; a wrong answer fails the benchmark.";

    /**
     * As above, plus a paragraph on how outputs were checked ({@code outputCheck}; null = {@link #CATALOG_OUTPUT_CHECK})
     * and {@code afterTables} (markdown, e.g. {@link ReferenceReport#markdown}) between the tables and the JMH settings.
     */
    public static String render(String title, String note, List<Section> sections, String baseline, JsonNode environment,
                                Map<String, String> engineDescriptions, String outputCheck, String afterTables) {
        return render(title, note, sections, baseline, environment, engineDescriptions, outputCheck, afterTables, RunFailures.NONE);
    }

    /** Longest reason shown inside a table cell; the full reason is listed under the table. */
    static final int CELL_REASON = 60;

    /** As above; a missing cell with a reason in {@code failures} shows {@code fails: <reason>}. */
    public static String render(String title, String note, List<Section> sections, String baseline, JsonNode environment,
                                Map<String, String> engineDescriptions, String outputCheck, String afterTables,
                                RunFailures failures) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        if (note != null && !note.isBlank()) sb.append("> **").append(note.strip()).append("**\n\n");
        sb.append("Milliseconds per operation (JMH average time; lower is better), as `score ± error` where the error is ")
          .append("the half-width of JMH's 99.9% confidence interval over all measurement iterations of all forks.");
        if (baseline != null) {
            sb.append(" `engine/").append(baseline).append("` columns are time ratios against the baseline `").append(baseline)
              .append("` (below 1 = faster than the baseline), with the relative errors of both times propagated ")
              .append("(first order, assumed independent).");
        }
        sb.append("\n\n");
        if (!sections.isEmpty()) {
            sb.append(outputCheck == null || outputCheck.isBlank() ? CATALOG_OUTPUT_CHECK : outputCheck.strip()).append("\n\n");
        }
        java.util.Set<String> shown = new java.util.LinkedHashSet<>();
        for (Section s : sections) shown.addAll(s.engines());
        boolean listed = false;
        for (String e : shown) {
            String d = engineDescriptions.get(e);
            if (d == null || d.isBlank()) continue;
            if (!listed) sb.append("Engines:\n\n");
            listed = true;
            sb.append("- `").append(e).append("`: ").append(d).append('\n');
        }
        if (listed) sb.append('\n');
        if (sections.isEmpty()) sb.append("_No benchmark results._\n\n");
        boolean anyNoisy = false;
        boolean anyNoError = false;
        for (Section s : sections) {
            sb.append("## ").append(s.title()).append("\n\n").append(s.measures()).append("\n\n");
            List<String> others = s.engines().stream().filter(e -> !e.equals(baseline)).toList();
            boolean ratios = baseline != null && s.engines().contains(baseline) && !others.isEmpty();
            StringBuilder head = new StringBuilder("| workload |");
            StringBuilder rule = new StringBuilder("|---|");
            if (s.showsSizes()) { head.append(" size |"); rule.append("---|"); }
            for (String e : s.engines()) { head.append(' ').append(e).append(" (ms) |"); rule.append("---:|"); }
            if (ratios) for (String e : others) { head.append(' ').append(e).append('/').append(baseline).append(" |"); rule.append("---:|"); }
            sb.append(head).append('\n').append(rule).append('\n');
            List<String> missing = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (Section.Row row : s.rows()) {
                sb.append("| ").append(row.workload()).append(" |");
                if (s.showsSizes()) sb.append(' ').append(row.size()).append(" |");
                for (String e : s.engines()) {
                    Estimate est = s.cell(row, e);
                    if (est == null) {
                        String why = failures.reason(e, row.workload());
                        String where = e + " × " + row.workload() + (s.showsSizes() ? " (" + row.size() + ")" : "");
                        if (why != null) {
                            // a short cell with a numbered note under the table: a long reason would squeeze the other columns
                            failed.add(where + ": " + Md.text(why));
                            sb.append(" fails [").append(failed.size()).append("] |");
                        } else {
                            sb.append(" — |");
                            missing.add(where);
                        }
                        continue;
                    }
                    boolean noisy = est.hasError() && est.relativeError() > NOISY;
                    anyNoisy |= noisy;
                    anyNoError |= !est.hasError();
                    sb.append(' ').append(est.format()).append(noisy ? " †" : "").append(" |");
                }
                if (ratios) {
                    Estimate base = s.cell(row, baseline);
                    for (String e : others) {
                        Estimate est = s.cell(row, e);
                        sb.append(' ').append(est == null || base == null || base.score() == 0 ? "—" : est.ratioTo(base).format()).append(" |");
                    }
                }
                sb.append('\n');
            }
            sb.append('\n');
            if (!failed.isEmpty()) {
                sb.append("Failed (the reason the benchmark recorded; stack traces in `failures/` and `jmh.log`):\n\n");
                for (int i = 0; i < failed.size(); i++) sb.append("- [").append(i + 1).append("] ").append(failed.get(i)).append('\n');
                sb.append('\n');
            }
            if (!missing.isEmpty()) {
                sb.append("No result (the benchmark failed — e.g. a wrong answer — or was not run; see `jmh.log`): ")
                  .append(String.join(", ", missing)).append(".\n\n");
            }
            if (s.benchmark().equals(ReferenceReport.FULL_RUN)) {
                sb.append(FastestReport.markdown(s));
                sb.append(TailCallBuildReport.markdown(s));
            }
        }
        if (anyNoisy) {
            sb.append("† error above ").append(Math.round(NOISY * 100))
              .append("% of the score: noisy; rerun with `--profile full` on a quiet machine before drawing conclusions.\n\n");
        }
        if (anyNoError) sb.append("`± n/a`: JMH gives no error estimate for fewer than 3 measurement iterations in total.\n\n");
        if (afterTables != null) sb.append(afterTables);
        if (!sections.isEmpty()) sb.append(settings(sections));
        if (environment != null) sb.append(EnvironmentInfo.markdown(environment));
        return sb.toString();
    }

    /**
     * @return the fork JVM flags as published: without the run folder's own paths ({@code -Dtailbench.failures.dir=...}),
     *         and a path into the repository (GraalWasm's {@code --module-path …/engines/peer-graalwasm/target/graal/…})
     *         shown from {@code REPO/}, as on the page, so that results.md names no local folder
     */
    static String shownJvmArgs(List<String> args) {
        return String.join(" ", args.stream().filter(a -> !a.startsWith("-Dtailbench.failures.dir=") && !a.startsWith("-Dtailbench.firstrun.dir="))
                .map(a -> REPO_PATH.matcher(a).replaceAll("$1REPO/$2/")).toList());
    }

    /** An absolute path up to the repository's top-level folder {@code engines/}, {@code workloads/} or {@code results/}. */
    private static final java.util.regex.Pattern REPO_PATH =
            java.util.regex.Pattern.compile("(^|[=:,])/[^\\s:=,]*?/(engines|workloads|results|benchmarks)/");

    static String settings(List<Section> sections) {
        StringBuilder sb = new StringBuilder("## JMH settings\n\n");
        boolean singleFork = false;
        for (Section s : sections) {
            for (JmhResult.Settings st : s.settings()) {
                singleFork |= st.forks() <= 1;
                sb.append("- ").append(s.title()).append(": JMH ").append(st.jmhVersion()).append(", ")
                  .append(st.forks()).append(st.forks() == 1 ? " fork" : " forks").append(" × (")
                  .append(st.warmupIterations()).append(" warm-up × ").append(st.warmupTime()).append(" + ")
                  .append(st.measurementIterations()).append(" measurement × ").append(st.measurementTime())
                  .append(" iterations), ").append(st.threads()).append(st.threads() == 1 ? " thread" : " threads")
                  .append("; ").append(st.vmName()).append(' ').append(st.vmVersion())
                  .append("; fork JVM args `").append(shownJvmArgs(st.jvmArgs())).append("`\n");
            }
        }
        if (singleFork) {
            sb.append("\nSingle-fork results: their error covers iteration-to-iteration noise only, not the")
              .append(" JVM-launch-to-launch variance (JIT decisions, memory layout) that more forks would show.\n");
        }
        return sb.append('\n').toString();
    }
}
