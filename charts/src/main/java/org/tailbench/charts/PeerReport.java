package org.tailbench.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our engines next to the peer engines (Chicory, GraalWasm, Wasmtime, ... — issue 7), from the same run:
 * <ul>
 *   <li>"Ratio to peers": for each of our engines (every non-peer column of the full-run section) and each
 *       peer, the geometric mean over workloads of {@code our time ÷ peer time} (below 1: ours is faster),
 *       taken over the workloads where both have a result, with the smallest and largest per-workload ratio
 *       (the spread) and how many workloads entered;</li>
 *   <li>"Versions and configuration" of the peers: what each peer reported about itself
 *       ({@code PeerEngine.about()}: library versions read from the build, mode, WASI wiring, JVM flags),
 *       plus the fork JVM arguments the run used.</li>
 * </ul>
 * Peers and their descriptions come from a {@code peers.txt} of {@code peer.<engine>.<key>=<value>} lines
 * ({@code org.tailbench.bench.Inventory} prints them; run-bench.sh saves them in the run folder).
 */
public final class PeerReport {
    private PeerReport() {}

    /**
     * One (our engine, peer) pair.
     * @param geomean geometric mean of our time ÷ peer time over {@code workloads} workloads (NaN when none)
     * @param min     smallest per-workload ratio, on {@code minWorkload}
     * @param max     largest per-workload ratio, on {@code maxWorkload}
     */
    public record Ratio(String engine, String peer, double geomean, double min, String minWorkload,
                        double max, String maxWorkload, int workloads) {}

    /** @return one ratio per (engine of {@code ours}, peer of {@code peers}), in that order */
    public static List<Ratio> ratios(Section s, List<String> ours, List<String> peers) {
        List<Ratio> out = new ArrayList<>();
        for (String e : ours) {
            for (String p : peers) {
                double sumLog = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
                String minW = null, maxW = null;
                int n = 0;
                for (Section.Row row : s.rows()) {
                    Estimate a = s.cell(row, e), b = s.cell(row, p);
                    if (a == null || b == null || a.score() <= 0 || b.score() <= 0) continue;
                    double r = a.score() / b.score();
                    sumLog += Math.log(r);
                    n++;
                    if (r < min) { min = r; minW = row.workload(); }
                    if (r > max) { max = r; maxW = row.workload(); }
                }
                out.add(n == 0 ? new Ratio(e, p, Double.NaN, Double.NaN, null, Double.NaN, null, 0)
                        : new Ratio(e, p, Math.exp(sumLog / n), min, minW, max, maxW, n));
            }
        }
        return out;
    }

    /** @return peer → (key → value) from {@code peer.<engine>.<key>=<value>} lines; an absent file gives none */
    public static Map<String, Map<String, String>> readPeers(Path file) throws IOException {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        if (file == null || !Files.exists(file)) return m;
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("peer.")) continue;
            int eq = line.indexOf('=');
            int dot = line.indexOf('.', 5);
            if (eq < 0 || dot < 0 || dot > eq) continue;
            m.computeIfAbsent(line.substring(5, dot), k -> new LinkedHashMap<>())
                    .put(line.substring(dot + 1, eq).strip(), line.substring(eq + 1).strip());
        }
        return m;
    }

    /**
     * Markdown for both subsections (empty when no peer has a column in the full-run section).
     * @param peers    peer → about, as {@link #readPeers} gives
     * @param failures why cells are missing, listed under the ratio table
     */
    public static String markdown(List<Section> sections, Map<String, Map<String, String>> peers, RunFailures failures) {
        Section full = sections.stream().filter(s -> s.benchmark().equals(ReferenceReport.FULL_RUN)).findFirst().orElse(null);
        if (full == null) return "";
        List<String> peerCols = full.engines().stream().filter(peers::containsKey).toList();
        List<String> ours = full.engines().stream().filter(e -> !peers.containsKey(e)).toList();
        if (peerCols.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("## Ratio to peers\n\n");
        sb.append("Full run, same run: each of our engines' time ÷ each peer's time, as the geometric mean over the workloads")
          .append(" where both have a result (below 1 = ours is faster), then the smallest and largest per-workload ratio")
          .append(" and the number of workloads. Workloads a peer fails (see below) are left out of its column.\n\n");
        if (!ours.isEmpty()) {
            StringBuilder head = new StringBuilder("| engine |"), rule = new StringBuilder("|---|");
            for (String p : peerCols) { head.append(" ÷ ").append(p).append(" |"); rule.append("---:|"); }
            sb.append(head).append('\n').append(rule).append('\n');
            List<Ratio> ratios = ratios(full, ours, peerCols);
            for (String e : ours) {
                sb.append("| ").append(e).append(" |");
                for (Ratio r : ratios) {
                    if (!r.engine().equals(e)) continue;
                    sb.append(' ').append(r.workloads() == 0 ? "—" : format(r)).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        List<String> fails = new ArrayList<>();
        for (String p : peerCols) {
            for (Section.Row row : full.rows()) {
                String why = failures.reason(p, row.workload());
                if (full.cell(row, p) == null && why != null) fails.add("`" + p + "` × " + row.workload() + ": " + Md.text(why));
            }
        }
        if (!fails.isEmpty()) {
            sb.append("Peer failures:\n\n");
            for (String f : fails) sb.append("- ").append(f).append('\n');
            sb.append('\n');
        }
        sb.append("## Versions and configuration (peers)\n\n");
        for (String p : peerCols) {
            sb.append("- `").append(p).append("`");
            Map<String, String> about = peers.get(p);
            if (about.isEmpty()) sb.append(": (nothing reported)");
            sb.append('\n');
            about.forEach((k, v) -> sb.append("  - ").append(k).append(": ").append(Md.text(v)).append('\n'));
        }
        List<String> jvm = full.settings().stream().map(st -> MarkdownReport.shownJvmArgs(st.jvmArgs())).distinct().toList();
        if (!jvm.isEmpty()) {
            sb.append("\nAll engines, ours and the peers, ran in the same forked JVMs with `").append(String.join("` / `", jvm))
              .append("` (")
              .append(full.settings().getFirst().vmName()).append(' ').append(full.settings().getFirst().vmVersion()).append(").\n");
        }
        return sb.append('\n').toString();
    }

    /** {@code 0.42 (0.31–0.58, n=5)} with three significant digits. */
    static String format(Ratio r) {
        return sig(r.geomean()) + " (" + sig(r.min()) + "–" + sig(r.max()) + ", n=" + r.workloads() + ")";
    }

    private static String sig(double v) {
        return String.format(Locale.ROOT, "%." + Estimate.decimalsForSignificant(v, 3) + "f", v);
    }
}
