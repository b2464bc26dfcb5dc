package org.tailbench.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;

/**
 * The rule of guarded devirtualization (issue 17, "Decide"; engines/aot/README.md "Tuning", applied by aot and native):
 * from the profiled targets of each {@code call_indirect} / {@code return_call_indirect} site to
 * {@link TuningFile.Devirtualize} decisions; and, for the engines that apply them, the check of a decision against the
 * module being compiled ({@link #check}) and the every-site testing mode ({@link #everySite}).
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

    /**
     * A decision checked against its module.
     * @param function function index (imports first) holding the site
     * @param offset   byte offset of the instruction in the function body
     * @param op       {@link Op#CALL_INDIRECT} or {@link Op#RETURN_CALL_INDIRECT}
     * @param type     the site's function type (every target has exactly this type)
     * @param table    the table index the site calls through
     * @param targets  defined function indices, in the decision's order
     */
    public record Checked(int function, int offset, Op op, FuncType type, int table, int[] targets) {}

    /**
     * Checks decision {@code d} against module {@code m} (the rule only makes decisions that pass; a file edited by hand or
     * made for another build of the module may not).
     * @return the site and its targets
     * @throws TuningMismatchException when the decision does not fit the module, the message starting with
     *                                  {@code "function F offset O: "}: no defined function of that index, no instruction at
     *                                  that offset, another instruction there than {@code d.op()}, or a target that is not
     *                                  a defined function or has another type than the site's
     */
    public static Checked check(Module m, TuningFile.Devirtualize d) {
        String at = "function " + d.function() + " offset " + d.offset() + ": ";
        int i = instructionAt(m, d.function(), d.offset());
        if (i < 0) {
            throw new TuningMismatchException(at + (d.function() < m.importedFunctions() || d.function() >= m.functionCount()
                    ? "no defined function of that index (" + m.importedFunctions() + " imports, " + m.functionCount() + " functions)"
                    : "no instruction starts at that offset"));
        }
        Code c = m.functions.get(d.function() - m.importedFunctions()).body();
        Op op = c.opAt(i);
        if (!op.text.equals(d.op())) throw new TuningMismatchException(at + "the instruction there is " + op.text + ", not " + d.op());
        FuncType t = m.types.get((int) c.a[i]);
        int[] targets = new int[d.targets().size()];
        for (int k = 0; k < targets.length; k++) {
            int f = d.targets().get(k);
            if (f < m.importedFunctions() || f >= m.functionCount()) throw new TuningMismatchException(at + "target " + f + " is not a defined function");
            if (!m.functionType(f).equals(t)) throw new TuningMismatchException(at + "target " + f + " has type " + m.functionType(f) + ", the site calls " + t);
            targets[k] = f;
        }
        return new Checked(d.function(), d.offset(), op, t, (int) c.b[i], targets);
    }

    /** @return the key of the site at body offset {@code offset} of function {@code function} in {@link #everySite}'s map */
    public static long siteKey(int function, int offset) { return ((long) function << 32) | (offset & 0xFFFFFFFFL); }

    /**
     * The every-site testing mode ({@link TuningFile#EVERY_SITE}): every {@code call_indirect} / {@code return_call_indirect}
     * site of {@code m} whose type passes {@code eligible} guards up to two defined functions of its type that the
     * module's element segments hold (first ones first), so runs go through both the hit and the miss path of the guard.
     * @return per site ({@link #siteKey}) its targets; sites with no such function are left out
     */
    public static Map<Long, int[]> everySite(Module m, Predicate<FuncType> eligible) {
        Set<Integer> inTables = new LinkedHashSet<>();
        for (Module.ElementSegment el : m.elements) {
            for (Code init : el.items()) {
                for (int k = 0; k < init.length; k++) if (init.opAt(k) == Op.REF_FUNC) inTables.add((int) init.a[k]);
            }
        }
        Map<Long, int[]> sites = new HashMap<>();
        for (int d = 0; d < m.functions.size(); d++) {
            Module.Function fn = m.functions.get(d);
            Code c = fn.body();
            for (int i = 0; i < c.length; i++) {
                Op op = c.opAt(i);
                if (op != Op.CALL_INDIRECT && op != Op.RETURN_CALL_INDIRECT) continue;
                FuncType t = m.types.get((int) c.a[i]);
                if (!eligible.test(t)) continue;
                int[] ts = inTables.stream().filter(f -> f >= m.importedFunctions() && f < m.functionCount() && m.functionType(f).equals(t))
                        .limit(2).mapToInt(Integer::intValue).toArray();
                if (ts.length > 0) sites.put(siteKey(m.importedFunctions() + d, c.pos[i] - fn.bodyOffset()), ts);
            }
        }
        return sites;
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
