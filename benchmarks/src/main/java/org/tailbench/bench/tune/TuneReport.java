package org.tailbench.bench.tune;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tailbench.tune.TuningFile;
import org.tailbench.charts.workbench.TuneMarkdown;
import org.tailbench.charts.workbench.TuneResult;
import org.tailbench.interp.sw.OpcodeProfile;
import org.tailbench.wasm.Module;

/**
 * The report of {@code tailbench tune} as data ({@link TuneResult}, written as {@code report.json}; {@code report.md},
 * the gains chart and the page's "Tuning" section are made from it by the charts module, {@link TuneMarkdown}): for each
 * decision kind the profile evidence, the rule and the measured effect on the training and held-out workloads.
 */
record TuneReport(String engine, String size, String profileSize, Family family, Measurement.Settings settings,
                  List<TrainingProfile> profiles, List<TuneCommand.Variant> variants,
                  Map<String, Map<String, Measurement.Score>> scores, Map<String, TuneCommand.Verdict> verdicts,
                  Set<String> kinds, Set<String> kept, String finalVariant, List<String> training, List<String> holdout,
                  String loadBefore, String loadAfter) {

    /** @param command the command line as typed (null: unknown) */
    TuneResult result(String command) {
        List<TuneResult.Evidence> evidence = new ArrayList<>();
        String ruleSource, ruleText;
        if (family instanceof Family.Interp in) {
            ruleSource = "engines/interp/README.md, \"Superinstructions\"";
            ruleText = "Superinstructions: " + in.rule() + ". The lowering replaces each occurrence of a selected"
                    + " sequence (longest first at each instruction, left to right) by one fused opcode, in every module the engine"
                    + " compiles (held-out workloads included). Decision kinds: `pairs` and `triples`.";
            evidence.add(new TuneResult.Evidence(null, interp(in)));
        } else if (family instanceof Family.Native) {
            ruleSource = "engines/native/README.md, \"Tuning\" (aot's rule, engines/aot/README.md)";
            ruleText = "Guarded devirtualization: " + family.rule() + ". At a decided site the generated machine code compares the"
                    + " table element's code address with each target's in turn and calls the first that matches directly (a"
                    + " `return_call_indirect` hit is a direct tail jump that replaces the frame, as the generic path does: constant"
                    + " stack); any other element takes the generic path (type check, indirect call)."
                    + " Decision kinds: `call_indirect` sites and `return_call_indirect` sites.";
            for (TrainingProfile p : profiles) evidence.add(new TuneResult.Evidence(p.workload().name(), aot(p)));
        } else {
            ruleSource = "engines/aot/README.md, \"Tuning\"";
            ruleText = "Guarded devirtualization: " + family.rule() + ". At a decided site the generated code compares the"
                    + " table element with each target in turn and calls the first that matches directly (a `return_call_indirect`"
                    + " hit is a direct call whose result is returned: no trampoline round trip, at most `tailChainLimit` = "
                    + TuningFile.DEFAULT_TAIL_CHAIN_LIMIT + " in a row on the JVM stack); any other element takes the generic path."
                    + " Decision kinds: `call_indirect` sites and `return_call_indirect` sites.";
            for (TrainingProfile p : profiles) evidence.add(new TuneResult.Evidence(p.workload().name(), aot(p)));
        }
        List<TuneResult.Variant> vs = new ArrayList<>();
        for (TuneCommand.Variant v : variants) {
            Map<String, TuneResult.Score> sc = new LinkedHashMap<>();
            scores.get(v.name()).forEach((w, s) -> sc.put(w, TuneResult.Score.of(s.score(), s.error(), s.failure())));
            TuneCommand.Verdict d = verdicts.get(v.name());
            TuneResult.Verdict verdict = null;
            if (d != null) {
                Map<String, TuneResult.Gain> gains = new LinkedHashMap<>();
                d.perWorkload().forEach((w, g) -> gains.put(w, TuneResult.Gain.of(g[0], g[1])));
                boolean keep = d.keep();
                String reason = d.reason();
                if (v.name().equals("all") && kinds.size() > 1 && keep != kept.containsAll(kinds)) {
                    // with several kinds each is kept or dropped on its own row: say what that made of "all"
                    keep = kept.containsAll(kinds);
                    reason += "; each kind is kept or dropped on its own row, so the final tuning is "
                            + (kept.isEmpty() ? "empty" : "only " + String.join(", ", kept));
                }
                verdict = new TuneResult.Verdict(TuneResult.Gain.of(d.trainGain(), d.trainError()), gains, keep, reason);
            }
            vs.add(new TuneResult.Variant(v.name(), List.copyOf(v.kinds()), family.size(v.kinds()), sc, verdict));
        }
        return new TuneResult(TuneResult.FORMAT, TuneResult.VERSION, engine, Instant.now().toString(), command,
                Runtime.getRuntime().availableProcessors(), training, holdout, size, profileSize, settings.describe(), loadBefore, loadAfter,
                family.rule(), ruleSource, ruleText, evidence, List.copyOf(kinds), List.copyOf(kept), finalVariant, vs);
    }

    /** The profile evidence of the switch engine's superinstructions: the chosen sequences and the most executed ones. */
    private String interp(Family.Interp in) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d Wasm instructions executed in the training profiles (%s).%n%n", in.total(),
                String.join(", ", profiles.stream().map(p -> p.workload().name() + String.format(Locale.ROOT, " %,d", p.profile().totalInstructions())).toList())));
        sb.append("| superinstruction | kind | executions | share of all instructions |\n|---|---|---:|---:|\n");
        for (var d : in.decisions()) {
            sb.append(String.format(Locale.ROOT, "| `%s` | %s | %,d | %.2f %% |%n", d.pattern(), d.kind(), d.count(), 100 * d.share()));
        }
        if (in.decisions().isEmpty()) sb.append("| (none passed the rule) | | | |\n");
        sb.append("\nMost executed pairs and triples (fusable or not: what a larger catalog could add):\n\n")
          .append("| sequence | executions | share | in the catalog |\n|---|---:|---:|---|\n");
        in.counts().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20).forEach(e -> sb.append(String.format(Locale.ROOT, "| `%s` | %,d | %.2f %% | %s |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, in.total()),
                        org.tailbench.interp.lower.Superinstructions.indexOf(e.getKey()) >= 0 ? "yes" : "no")));
        return sb.toString();
    }

    /** The profile evidence of one training workload for guarded devirtualization (aot's or native's): decided and busiest sites. */
    private static String aot(TrainingProfile p) {
        StringBuilder sb = new StringBuilder();
        Module m = p.module().module();
        long total = p.indirectCalls();
        sb.append(String.format(Locale.ROOT, "%,d Wasm instructions executed (counting run %,d ms); %d indirect call sites ran, %,d calls;"
                + " %d decisions cover %,d calls (%.1f %%).%n%n", p.profile().totalInstructions(), p.millis(),
                p.profile().indirectSites().size(), total, p.decisions().size(), TrainingProfile.covered(p.decisions()),
                total == 0 ? 0.0 : 100.0 * TrainingProfile.covered(p.decisions()) / total));
        sb.append("| site (function @ offset) | op | calls | guarded targets (share of the site's calls) |\n|---|---|---:|---|\n");
        int shown = 0;
        for (TuningFile.Devirtualize d : p.decisions()) {
            if (shown++ == 25) { sb.append("| … ").append(p.decisions().size() - 25).append(" more in candidate.json | | | |\n"); break; }
            long calls = d.evidence().calls();
            StringBuilder ts = new StringBuilder();
            for (int k = 0; k < d.targets().size(); k++) {
                ts.append(k > 0 ? ", " : "").append(m.functionName(d.targets().get(k)))
                  .append(String.format(Locale.ROOT, " (%.1f %%)", 100.0 * d.evidence().targetCalls().get(k) / calls));
            }
            sb.append(String.format(Locale.ROOT, "| %s [%d] @ %d | %s | %,d | %s |%n", m.functionName(d.function()), d.function(),
                    d.offset(), d.op(), calls, ts));
        }
        sb.append("\nBusiest indirect sites (decided or not), with their most frequent target:\n\n")
          .append("| site | op | calls | top target share | targets seen |\n|---|---|---:|---:|---:|\n");
        List<OpcodeProfile.IndirectSite> sites = p.profile().indirectSites();
        for (int k = 0; k < Math.min(10, sites.size()); k++) {
            OpcodeProfile.IndirectSite s = sites.get(k);
            long top = s.targets().values().stream().mapToLong(Long::longValue).max().orElse(0);
            sb.append(String.format(Locale.ROOT, "| %s [%d] @ %d | %s | %,d | %.1f %% | %d |%n", m.functionName(s.function()),
                    s.function(), s.offset(), s.op(), s.calls(), s.calls() == 0 ? 0.0 : 100.0 * top / s.calls(), s.targets().size()));
        }
        return sb.toString();
    }

    /** @return the 1, 5 and 15 minute load averages of {@code /proc/loadavg}, or "unknown" */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
