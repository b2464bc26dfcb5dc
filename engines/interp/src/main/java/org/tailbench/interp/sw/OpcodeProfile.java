package org.tailbench.interp.sw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.Module;

/**
 * Exact execution counts of the Wasm instructions of one module, per function, and of adjacent pairs
 * of instructions executed in the same function activation, gathered by the {@code switch} engine's
 * opcode-profile mode ({@link OpcodeProfiler}). Counts are at the Wasm level, not of lowered code:
 * the module is lowered with {@link org.tailbench.interp.lower.Lowerer#lowerCounting}, which puts a
 * probe before every Wasm instruction and fuses nothing (the counting rules for {@code end},
 * {@code else} and branches are documented there). Not thread-safe: profile one thread at a time.
 *
 * <p>{@link #toJson} writes the format of issue 6's contract:
 * {@code {"engine","workload","args","totalInstructions","overheadNote","functions":[{"index","name",
 * "instructions","ops":{"i32.add":N},"pairs":{"local.get>i32.add":N}}]}} with the {@link org.tailbench.wasm.Op}
 * text names, functions by descending instruction count, ops and pairs by descending count. Issue 17 adds per
 * function {@code "calls":N} (entries, tail calls included), {@code "triples":{"a>b>c":N}},
 * {@code "indirect":[{"offset","op","typeIndex","calls","targets":{"<function index>":N}}]} (every
 * {@code call_indirect} / {@code return_call_indirect} site that ran, offset = byte offset in the body),
 * {@code "branches":[{"offset","op","taken","notTaken"}]} ({@code br_if}, {@code if}) and
 * {@code "brTables":[{"offset","labels":[N per label, default last]}]} ({@link SiteCounts}). All of it is counted
 * only in this mode; the plain {@code switch} engine runs code without probes.
 */
public final class OpcodeProfile {
    private final Module module;
    private final int imported;
    /** by defined function, by Wasm instruction index of its {@link Code} */
    private final long[][] counts;
    /** by defined function: counts of (previous instruction index << 32 | next instruction index) */
    private final LongCounts[] pairs;
    /** by defined function: counts of three instruction indices in a row, 21 bits each ({@link #TRIPLE_BITS}) */
    private final LongCounts[] triples;
    /** indirect-call targets, branch bias, br_table labels */
    private final SiteCounts sites;

    /** Instruction indices of a triple are packed into 21 bits each: triples with an index above 2^21 - 1 are not counted. */
    static final int TRIPLE_BITS = 21;

    OpcodeProfile(Module module) {
        this.module = module;
        this.imported = module.importedFunctions();
        this.counts = new long[module.functions.size()][];
        this.pairs = new LongCounts[counts.length];
        this.triples = new LongCounts[counts.length];
        this.sites = new SiteCounts(module);
        for (int d = 0; d < counts.length; d++) counts[d] = new long[module.functions.get(d).body().length];
    }

    /**
     * The probe: Wasm instruction {@code i} of function {@code functionIndex} is about to execute, with the Wasm
     * operand stack in {@code s[.. sp)}; {@code s[slot]} holds the previous two instructions of this activation
     * (before-previous {@code << 32 |} previous, each -1 at its entry) and becomes {@code previous << 32 | i}.
     */
    void hit(int functionIndex, int i, long[] s, int slot, int sp, SwitchContext ctx) {
        int d = functionIndex - imported;
        counts[d][i]++;
        long last2 = s[slot];
        int prev = (int) last2, prev2 = (int) (last2 >> 32);
        if (prev >= 0) {
            LongCounts p = pairs[d];
            if (p == null) pairs[d] = p = new LongCounts();
            p.add(((long) prev << 32) | i);
            if (prev2 >= 0 && ((prev2 | prev | i) >>> TRIPLE_BITS) == 0) {
                LongCounts t = triples[d];
                if (t == null) triples[d] = t = new LongCounts();
                t.add(((long) prev2 << (2 * TRIPLE_BITS)) | ((long) prev << TRIPLE_BITS) | i);
            }
        }
        s[slot] = ((long) prev << 32) | (i & 0xFFFFFFFFL);
        byte k = sites.kind[d][i];
        if (k != SiteCounts.PLAIN) sites.hit(d, i, k, s, sp, ctx);
    }

    /** @return how often instruction {@code i} (index into the body's {@link Code}) of function {@code functionIndex} executed */
    public long count(int functionIndex, int i) { return counts[functionIndex - imported][i]; }

    /** @return executions per {@link org.tailbench.wasm.Op} text name in function {@code functionIndex}, by descending count */
    public Map<String, Long> ops(int functionIndex) {
        int d = functionIndex - imported;
        Code c = module.functions.get(d).body();
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < c.length; i++) if (counts[d][i] > 0) m.merge(c.opAt(i).text, counts[d][i], Long::sum);
        return sorted(m);
    }

    /** @return executions of "previous&gt;next" op-name pairs in function {@code functionIndex}, by descending count */
    public Map<String, Long> pairs(int functionIndex) {
        int d = functionIndex - imported;
        Code c = module.functions.get(d).body();
        Map<String, Long> m = new LinkedHashMap<>();
        LongCounts p = pairs[d];
        if (p != null) p.forEach((key, n) -> m.merge(c.opAt((int) (key >>> 32)).text + ">" + c.opAt((int) (long) key).text, n, Long::sum));
        return sorted(m);
    }

    /** @return executions of "a&gt;b&gt;c" op-name triples in function {@code functionIndex}, by descending count */
    public Map<String, Long> triples(int functionIndex) {
        int d = functionIndex - imported;
        Code c = module.functions.get(d).body();
        Map<String, Long> m = new LinkedHashMap<>();
        LongCounts t = triples[d];
        int mask = (1 << TRIPLE_BITS) - 1;
        if (t != null) {
            t.forEach((key, n) -> m.merge(c.opAt((int) (key >>> (2 * TRIPLE_BITS))).text + ">" + c.opAt((int) (key >>> TRIPLE_BITS) & mask).text
                    + ">" + c.opAt((int) (long) key & mask).text, n, Long::sum));
        }
        return sorted(m);
    }

    /**
     * @return how often function {@code functionIndex} was entered (calls and tail calls: the count of its first
     *         instruction, which no branch targets: a branch to a leading {@code loop} lands after its probe)
     */
    public long calls(int functionIndex) {
        long[] c = counts[functionIndex - imported];
        return c.length == 0 ? 0 : c[0];
    }

    /**
     * One {@code call_indirect} / {@code return_call_indirect} site and the functions it called.
     * @param function  function index (imports first) holding the site
     * @param offset    byte offset of the instruction in the function body ({@code Code.pos - bodyOffset})
     * @param op        {@code call_indirect} or {@code return_call_indirect}
     * @param typeIndex the instruction's type immediate
     * @param calls     executions of the site
     * @param targets   calls per target function index (of this module; -1: element out of range, null, or a
     *                  function of another instance), by descending count
     */
    public record IndirectSite(int function, int offset, String op, int typeIndex, long calls, Map<Integer, Long> targets) {}

    /** One {@code br_if} / {@code if} site: executions with a non-zero ({@code taken}; for {@code if}: the then arm) and a zero condition. */
    public record BranchSite(int function, int offset, String op, long taken, long notTaken) {}

    /** One {@code br_table} site: executions per label index, the default label last (indices past the end count there). */
    public record TableSite(int function, int offset, long[] labels) {}

    /** @return every indirect call site that ran, by descending calls */
    public List<IndirectSite> indirectSites() {
        List<IndirectSite> out = new ArrayList<>();
        for (int d = 0; d < counts.length; d++) out.addAll(sites.indirect(imported + d));
        out.sort(SiteCounts.BY_CALLS);
        return out;
    }

    /** @return the br_if / if sites of function {@code functionIndex} that ran, in code order */
    public List<BranchSite> branches(int functionIndex) { return sites.branches(functionIndex); }

    /** @return the br_table sites of function {@code functionIndex} that ran, in code order */
    public List<TableSite> brTables(int functionIndex) { return sites.tables(functionIndex); }

    /** @return Wasm instructions executed by function {@code functionIndex} */
    public long instructions(int functionIndex) { return Arrays.stream(counts[functionIndex - imported]).sum(); }

    /** @return Wasm instructions executed by the whole module */
    public long totalInstructions() {
        long t = 0;
        for (long[] c : counts) for (long v : c) t += v;
        return t;
    }

    /** Zeroes every count (e.g. between runs). */
    public void reset() {
        for (long[] c : counts) Arrays.fill(c, 0);
        Arrays.fill(pairs, null);
        Arrays.fill(triples, null);
        sites.reset();
    }

    /** @return the profile as the contract's JSON (see the class comment); functions that never ran are left out */
    public String toJson(String engine, String workload, List<String> args, String overheadNote) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"engine\":").append(str(engine)).append(",\"workload\":").append(str(workload)).append(",\"args\":[");
        for (int k = 0; k < args.size(); k++) sb.append(k > 0 ? "," : "").append(str(args.get(k)));
        sb.append("],\"totalInstructions\":").append(totalInstructions()).append(",\"overheadNote\":").append(str(overheadNote));
        sb.append(",\"functions\":[");
        List<Integer> ran = new ArrayList<>();
        for (int d = 0; d < counts.length; d++) if (instructions(imported + d) > 0) ran.add(imported + d);
        ran.sort(Comparator.comparingLong((Integer f) -> instructions(f)).reversed());
        for (int k = 0; k < ran.size(); k++) {
            int f = ran.get(k);
            sb.append(k > 0 ? ",\n" : "\n").append("{\"index\":").append(f).append(",\"name\":").append(str(module.functionName(f)))
              .append(",\"instructions\":").append(instructions(f)).append(",\"ops\":");
            map(sb, ops(f));
            sb.append(",\"pairs\":");
            map(sb, pairs(f));
            sb.append(",\"calls\":").append(calls(f)).append(",\"triples\":");
            map(sb, triples(f));
            sites.toJson(sb, f);
            sb.append('}');
        }
        return sb.append("]}\n").toString();
    }

    private static Map<String, Long> sorted(Map<String, Long> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void map(StringBuilder sb, Map<String, Long> m) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Long> e : m.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append(str(e.getKey())).append(':').append(e.getValue());
        }
        sb.append('}');
    }

    /** @return {@code s} as a JSON string literal */
    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch)); else sb.append(ch);
                }
            }
        }
        return sb.append('"').toString();
    }
}
