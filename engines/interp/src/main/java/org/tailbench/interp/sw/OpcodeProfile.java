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
 * text names, functions by descending instruction count, ops and pairs by descending count.
 */
public final class OpcodeProfile {
    private final Module module;
    private final int imported;
    /** by defined function, by Wasm instruction index of its {@link Code} */
    private final long[][] counts;
    /** by defined function: counts of (previous instruction index << 32 | next instruction index) */
    private final PairCounts[] pairs;

    OpcodeProfile(Module module) {
        this.module = module;
        this.imported = module.importedFunctions();
        this.counts = new long[module.functions.size()][];
        this.pairs = new PairCounts[counts.length];
        for (int d = 0; d < counts.length; d++) counts[d] = new long[module.functions.get(d).body().length];
    }

    /**
     * The probe: Wasm instruction {@code i} of function {@code functionIndex} is about to execute;
     * {@code s[slot]} holds the previous instruction of this activation (-1 at its entry) and becomes {@code i}.
     */
    void hit(int functionIndex, int i, long[] s, int slot) {
        int d = functionIndex - imported;
        counts[d][i]++;
        int prev = (int) s[slot];
        if (prev >= 0) {
            PairCounts p = pairs[d];
            if (p == null) pairs[d] = p = new PairCounts();
            p.add(((long) prev << 32) | i);
        }
        s[slot] = i;
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
        PairCounts p = pairs[d];
        if (p != null) {
            for (int k = 0; k < p.keys.length; k++) {
                long key = p.keys[k] - 1;
                if (key < 0) continue;
                String name = c.opAt((int) (key >>> 32)).text + ">" + c.opAt((int) key).text;
                m.merge(name, p.values[k], Long::sum);
            }
        }
        return sorted(m);
    }

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

    /** Open-addressing counts by non-negative long key (stored as key + 1; 0 = empty). */
    private static final class PairCounts {
        long[] keys = new long[16];
        long[] values = new long[16];
        int size;

        void add(long key) {
            long k1 = key + 1;
            int mask = keys.length - 1;
            int h = (int) (Long.hashCode(k1 * 0x9E3779B97F4A7C15L) & mask);
            for (;;) {
                long k = keys[h];
                if (k == k1) { values[h]++; return; }
                if (k == 0) break;
                h = (h + 1) & mask;
            }
            keys[h] = k1;
            values[h] = 1;
            if (++size * 2 > keys.length) grow();
        }

        private void grow() {
            long[] ok = keys, ov = values;
            keys = new long[ok.length * 2];
            values = new long[ok.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] == 0) continue;
                int h = (int) (Long.hashCode(ok[j] * 0x9E3779B97F4A7C15L) & mask);
                while (keys[h] != 0) h = (h + 1) & mask;
                keys[h] = ok[j];
                values[h] = ov[j];
            }
        }
    }
}
