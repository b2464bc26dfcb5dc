package org.tailbench.charts.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of a {@link TuneResult}: {@code report.md} ({@link #report}) and the same parts for the page's "Tuning"
 * section ({@link #pageBefore}, {@link #pageAfter}, one heading level lower): for each decision kind the profile
 * evidence, the rule, the measured effect on the training and held-out workloads, kept or dropped, and whether issue
 * 17's goal was reached (≥ 15 % faster with errors ≤ 5 % on the training set, no held-out regression beyond the error).
 */
public final class TuneMarkdown {
    /** Goal of issue 17 on the training set: at least this gain ... */
    public static final double GOAL_GAIN = 0.15;
    /** ... with each score's relative error at most this. */
    public static final double GOAL_ERROR = 0.05;

    private TuneMarkdown() {}

    /** @return the whole {@code report.md}: title, settings, rule, evidence, the gains chart ({@code gains.png}), measurements, result */
    public static String report(TuneResult r) {
        return "# tailbench tune: " + r.engine() + "\n\n" + header(r) + rule(r, "##") + evidence(r, "##")
                + "## Chart\n\n![Gain per decision kind and workload](" + TuneResult.CHART + ".png)\n\n"
                + "Gain ± error of each measured variant per workload, training and held out ([SVG](" + TuneResult.CHART
                + ".svg)); `index.html` is this report as one page with the chart embedded.\n\n" + measurements(r, "##");
    }

    /** @return the page section's text above the chart: settings, rule and evidence (headings level 3) */
    static String pageBefore(TuneResult r) { return header(r) + rule(r, "###") + evidence(r, "###"); }

    /** @return the page section's text below the chart: measurements, effect per kind (kept / dropped), result */
    static String pageAfter(TuneResult r) { return measurements(r, "###"); }

    static String header(TuneResult r) {
        return "- date: " + r.date() + "; machine: " + r.cores() + " cores; load average (1, 5, 15 min) before: " + r.loadBefore()
                + ", after: " + r.loadAfter() + "\n"
                + (r.command() == null ? "" : "- command: `" + r.command().replace("`", "'") + "`\n")
                + "- training: " + String.join(", ", r.training()) + " (profiled at size " + r.profileSize() + "); held out: "
                + (r.holdout().isEmpty() ? "none" : String.join(", ", r.holdout())) + "; measured at size " + r.size() + "\n"
                + "- measurement: " + r.measurement() + "\n"
                + "- files: `tuning.json` (kept decisions), `candidate.json` (all), `variants/`, `profiles/`, `jmh-*.log`, `report.json`\n\n";
    }

    static String rule(TuneResult r, String h) {
        return h + " Rule (" + r.ruleSource() + ")\n\n" + r.ruleText() + "\n\n";
    }

    static String evidence(TuneResult r, String h) {
        StringBuilder sb = new StringBuilder(h).append(" Profile evidence\n\n");
        for (TuneResult.Evidence e : r.evidence()) {
            if (e.heading() != null) sb.append(h).append("# ").append(e.heading()).append("\n\n");
            sb.append(e.markdown().strip()).append("\n\n");
        }
        return sb.toString();
    }

    /** The measurements, the effect per kind with the verdict, and the result. */
    static String measurements(TuneResult r, String h) {
        List<String> all = new ArrayList<>(r.training());
        all.addAll(r.holdout());
        StringBuilder sb = new StringBuilder(h).append(" Measurements (ms/op, score ± error)\n\n| variant | decisions |");
        for (String w : all) sb.append(' ').append(w).append(r.holdout().contains(w) ? " (held out)" : "").append(" |");
        sb.append("\n|---|---:|").append("---:|".repeat(all.size())).append('\n');
        for (TuneResult.Variant v : r.variants()) {
            sb.append("| ").append(v.name()).append(" | ").append(v.decisions()).append(" |");
            for (String w : all) {
                TuneResult.Score s = v.scores() == null ? null : v.scores().get(w);
                sb.append(' ').append(s == null ? "—" : s.text()).append(" |");
            }
            sb.append('\n');
        }

        sb.append('\n').append(h).append(" Effect per decision kind (gain = untuned ÷ tuned − 1; + is faster)\n\n| variant | training gain |");
        for (String w : all) sb.append(' ').append(w).append(r.holdout().contains(w) ? " (held out)" : "").append(" |");
        sb.append(" verdict |\n|---|---:|").append("---:|".repeat(all.size())).append("---|\n");
        boolean any = false;
        for (TuneResult.Variant v : r.variants()) {
            TuneResult.Verdict d = v.verdict();
            if (d == null) continue;
            any = true;
            sb.append("| ").append(v.name()).append(" | ").append(d.train() == null ? "n/a" : d.train().text()).append(" |");
            for (String w : all) {
                TuneResult.Gain g = d.gains() == null ? null : d.gains().get(w);
                sb.append(' ').append(g == null ? "" : g.text()).append(" |");
            }
            sb.append(' ').append(d.keep() ? "kept: " : "dropped: ").append(d.reason()).append(" |\n");
        }
        if (!any) sb.append("| (no decisions: nothing to measure) | |").append(" |".repeat(all.size())).append(" |\n");

        sb.append('\n').append(h).append(" Result\n\n");
        sb.append("Kept decision kinds: ").append(r.kept().isEmpty() ? "none" : String.join(", ", r.kept())).append(" (of ")
          .append(r.kinds().isEmpty() ? "none" : String.join(", ", r.kinds())).append("). `tuning.json` holds ")
          .append(r.kept().isEmpty() ? "no decisions" : "the kept kinds' decisions").append(".\n\n");
        return sb.append(goal(r)).append('\n').toString();
    }

    /** @return issue 17's done-when, checked on the final variant */
    static String goal(TuneResult r) {
        TuneResult.Variant fin = r.finalVariant() == null ? null : r.variant(r.finalVariant());
        TuneResult.Variant untuned = r.variant("untuned");
        if (fin == null || fin.verdict() == null || untuned == null) {
            return "Goal (≥ " + (int) (GOAL_GAIN * 100) + " % faster with error ≤ " + (int) (GOAL_ERROR * 100)
                    + " % on training, no held-out regression): **not reached** — no decision kept"
                    + (r.kept().size() > 1 && r.kept().size() < r.kinds().size() ? " (this combination of kinds was not measured together)" : "") + ".\n";
        }
        StringBuilder sb = new StringBuilder();
        boolean ok = true;
        for (String w : r.training()) {
            TuneResult.Gain g = fin.verdict().gains().get(w);
            double eu = untuned.scores().get(w).relError(), et = fin.scores().get(w).relError();
            boolean errOk = eu <= GOAL_ERROR && et <= GOAL_ERROR;   // NaN (unknown) is not ≤
            boolean gainOk = g != null && g.gain() != null && g.gain() >= GOAL_GAIN;
            ok &= errOk && gainOk;
            sb.append(String.format(Locale.ROOT, "- %s: gain %s (goal ≥ %d %%: %s); relative errors untuned %.1f %%, tuned %.1f %% (goal ≤ %d %%: %s)%n",
                    w, g == null ? "n/a" : g.text(), (int) (GOAL_GAIN * 100), gainOk ? "yes" : "no", 100 * eu, 100 * et,
                    (int) (GOAL_ERROR * 100), errOk ? "yes" : "no"));
        }
        for (String w : r.holdout()) {
            TuneResult.Gain g = fin.verdict().gains().get(w);
            boolean noReg = g != null && g.gain() != null && g.gain() + (g.error() == null ? 0 : g.error()) >= 0;
            ok &= noReg;
            sb.append("- ").append(w).append(" (held out): gain ").append(g == null ? "n/a" : g.text()).append(": ")
              .append(noReg ? "no regression beyond the error" : "REGRESSION beyond the error").append('\n');
        }
        return "Goal, checked on variant `" + fin.name() + "`: **" + (ok ? "reached" : "not reached") + "**\n\n" + sb;
    }
}
