package org.tailbench.aot.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;

/**
 * The rule of aot's guarded devirtualization (issue 17, "Decide"; engines/aot/README.md "Tuning"): from the profiled
 * targets of each {@code call_indirect} / {@code return_call_indirect} site to {@link TuningFile.Devirtualize}
 * decisions.
 *
 * <ol>
 *   <li>A site is considered when it ran at least {@link Rule#minCalls} times.</li>
 *   <li>Its candidate targets are the profiled ones that are defined functions of the module (not imports, not
 *       "no target") whose type is structurally the site's type, by descending calls (ties: lower index first).</li>
 *   <li>Candidates are kept in that order while each has at least {@link Rule#minShare} of the site's calls, at most
 *       {@link Rule#maxTargets}; a site with none kept gets no decision.</li>
 *   <li>Sites with a decision are ranked by the calls their kept targets cover (ties: function, then offset) and
 *       the first {@link Rule#maxSites} are kept.</li>
 * </ol>
 */
public final class Devirtualization {
    private Devirtualization() {}

    /**
     * The profile of one site (what the {@code switch} engine's opcode-profile mode counts).
     * @param function function index holding the site
     * @param offset   byte offset of the instruction in the function body
     * @param op       {@code call_indirect} or {@code return_call_indirect}
     * @param calls    executions of the site
     * @param targets  calls per target function index (-1: no target of this module)
     */
    public record Site(int function, int offset, String op, long calls, Map<Integer, Long> targets) {}

    /**
     * The rule's parameters.
     * @param minCalls   least executions of a site in the profile
     * @param minShare   least share (0..1] of the site's calls a target must have
     * @param maxTargets most targets guarded per site
     * @param maxSites   most sites devirtualized per module
     */
    public record Rule(long minCalls, double minShare, int maxTargets, int maxSites) {
        /** The defaults: 1,000 calls, 10 % per target, 4 targets per site, 256 sites. */
        public static final Rule DEFAULT = new Rule(1_000, 0.10, 4, 256);

        public Rule {
            if (minCalls < 1 || !(minShare > 0 && minShare <= 1) || maxTargets < 1 || maxSites < 0) {
                throw new IllegalArgumentException("devirtualization rule: need minCalls ≥ 1, 0 < minShare ≤ 1, maxTargets ≥ 1, maxSites ≥ 0; got "
                        + this);
            }
        }

        /** @return the rule as one line for reports */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "a site with ≥ %,d calls guards its targets of the site's type that each have ≥ %.0f %% of its calls"
                    + " (at most %d per site, most calls first); at most %d sites per module, those covering the most calls",
                    minCalls, minShare * 100, maxTargets, maxSites);
        }
    }

    /** @return the decisions for {@code sites} of module {@code m} under {@code rule}, most covered calls first */
    public static List<TuningFile.Devirtualize> decide(List<Site> sites, Module m, Rule rule) {
        record Scored(TuningFile.Devirtualize d, long covered) {}
        List<Scored> out = new ArrayList<>();
        for (Site s : sites) {
            if (s.calls() < rule.minCalls()) continue;
            FuncType siteType = siteType(m, s);
            if (siteType == null) continue;
            List<Map.Entry<Integer, Long>> cands = new ArrayList<>(s.targets().entrySet());
            cands.sort(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            List<Integer> targets = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            long covered = 0;
            for (Map.Entry<Integer, Long> e : cands) {
                if (targets.size() == rule.maxTargets()) break;
                int f = e.getKey();
                if (f < m.importedFunctions() || f >= m.functionCount() || !m.functionType(f).equals(siteType)) continue;
                if ((double) e.getValue() / s.calls() < rule.minShare()) break;   // sorted: no later candidate qualifies
                targets.add(f);
                counts.add(e.getValue());
                covered += e.getValue();
            }
            if (targets.isEmpty()) continue;
            out.add(new Scored(new TuningFile.Devirtualize(s.function(), s.offset(), s.op(), targets,
                    new TuningFile.Evidence(s.calls(), counts)), covered));
        }
        out.sort(Comparator.comparingLong(Scored::covered).reversed()
                .thenComparingInt(x -> x.d().function()).thenComparingInt(x -> x.d().offset()));
        return out.stream().limit(rule.maxSites()).map(Scored::d).toList();
    }

    /** @return the type of the indirect call at {@code s} in {@code m}, or null when there is none such */
    static FuncType siteType(Module m, Site s) {
        int i = instructionAt(m, s.function(), s.offset());
        if (i < 0) return null;
        Code c = m.functions.get(s.function() - m.importedFunctions()).body();
        Op op = c.opAt(i);
        if (op != Op.CALL_INDIRECT && op != Op.RETURN_CALL_INDIRECT) return null;
        return m.types.get((int) c.a[i]);
    }

    /** @return the index in function {@code f}'s code of the instruction at body offset {@code offset}, or -1 */
    public static int instructionAt(Module m, int f, int offset) {
        if (f < m.importedFunctions() || f >= m.functionCount()) return -1;
        Module.Function fn = m.functions.get(f - m.importedFunctions());
        int[] pos = fn.body().pos;
        int want = fn.bodyOffset() + offset;
        int lo = 0, hi = pos.length - 1;   // positions increase with the instruction index
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pos[mid] < want) lo = mid + 1; else if (pos[mid] > want) hi = mid - 1; else return mid;
        }
        return -1;
    }
}
