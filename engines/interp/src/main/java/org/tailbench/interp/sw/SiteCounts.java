package org.tailbench.interp.sw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Table;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

/**
 * The opcode-profile mode's counters per instruction site, beside {@link OpcodeProfile}'s instruction and pair
 * counts (issue 17, "Profile"): the targets of every {@code call_indirect} / {@code return_call_indirect} (function
 * indices), the taken / not-taken split of every {@code br_if} and {@code if}, and the label frequencies of every
 * {@code br_table}. The probe runs before the instruction, so it reads the instruction's operand on top of the
 * Wasm operand stack ({@code s[sp - 1]}: the table element index, the condition, the {@code br_table} index) and,
 * for an indirect call, the table element it selects. A site is named by its function index and its byte offset in
 * the function body ({@code Code.pos - Module.Function.bodyOffset}: the line numbers of aot's methods).
 * Not thread-safe, like the whole profile.
 */
final class SiteCounts {
    static final byte PLAIN = 0, CONDITIONAL = 1, TABLE = 2, INDIRECT = 3;
    /** target recorded for an element that is out of range, null, or a function of another instance */
    static final int NO_TARGET = -1;

    private final Module module;
    private final int imported;
    /** by defined function, by instruction index: which kind of site the instruction is */
    final byte[][] kind;
    /** by defined function, by instruction index: long[2] {taken, not taken}, long[labels + 1] or {@link LongCounts}; null until run */
    private final Object[][] counters;

    SiteCounts(Module module) {
        this.module = module;
        this.imported = module.importedFunctions();
        int n = module.functions.size();
        this.kind = new byte[n][];
        this.counters = new Object[n][];
        for (int d = 0; d < n; d++) {
            Code c = module.functions.get(d).body();
            byte[] k = new byte[c.length];
            boolean any = false;
            for (int i = 0; i < c.length; i++) {
                k[i] = switch (c.opAt(i)) {
                    case BR_IF, IF -> CONDITIONAL;
                    case BR_TABLE -> TABLE;
                    case CALL_INDIRECT, RETURN_CALL_INDIRECT -> INDIRECT;
                    default -> PLAIN;
                };
                any |= k[i] != PLAIN;
            }
            kind[d] = k;
            if (any) counters[d] = new Object[c.length];
        }
    }

    /** Instruction {@code i} of defined function {@code d}, a site of kind {@code k}, runs with {@code s[sp - 1]} on top. */
    void hit(int d, int i, byte k, long[] s, int sp, SwitchContext ctx) {
        Object[] cs = counters[d];
        long top = s[sp - 1];
        switch (k) {
            case CONDITIONAL -> {
                long[] tn = (long[]) cs[i];
                if (tn == null) cs[i] = tn = new long[2];
                tn[(int) top != 0 ? 0 : 1]++;
            }
            case TABLE -> {
                long[] labels = (long[]) cs[i];
                if (labels == null) {
                    Code c = module.functions.get(d).body();
                    cs[i] = labels = new long[c.brTables[(int) c.a[i]].length];
                }
                long idx = top & 0xFFFFFFFFL;
                labels[(int) Math.min(idx, labels.length - 1)]++;
            }
            default -> {
                LongCounts targets = (LongCounts) cs[i];
                if (targets == null) cs[i] = targets = new LongCounts();
                Code c = module.functions.get(d).body();
                targets.add(target(ctx.tables[(int) c.b[i]], top, ctx) + 1L);   // keys ≥ 0: NO_TARGET is key 0
            }
        }
    }

    /** @return the function index (in this module) the element {@code index} of {@code table} holds, or {@link #NO_TARGET} */
    private static int target(Table table, long index, SwitchContext ctx) {
        long[] elements = table.elements();
        long i = index & 0xFFFFFFFFL;
        if (i >= elements.length || elements[(int) i] == ValType.NULL_REF) return NO_TARGET;
        FunctionInstance f = ctx.store.function(elements[(int) i]);
        if (f instanceof SwitchFunction sf && sf.ctx == ctx) return sf.fn.functionIndex();
        for (int k = 0; k < ctx.functions.length; k++) if (ctx.functions[k] == f) return k;   // an import
        return NO_TARGET;
    }

    /** Zeroes every count. */
    void reset() {
        for (int d = 0; d < counters.length; d++) if (counters[d] != null) counters[d] = new Object[counters[d].length];
    }

    private int offset(int d, int i) {
        Module.Function f = module.functions.get(d);
        return f.body().pos[i] - f.bodyOffset();
    }

    /** @return the indirect call sites of function {@code functionIndex} that ran, in code order */
    List<OpcodeProfile.IndirectSite> indirect(int functionIndex) {
        int d = functionIndex - imported;
        List<OpcodeProfile.IndirectSite> out = new ArrayList<>();
        if (counters[d] == null) return out;
        Code c = module.functions.get(d).body();
        for (int i = 0; i < c.length; i++) {
            if (kind[d][i] != INDIRECT || counters[d][i] == null) continue;
            Map<Integer, Long> t = new LinkedHashMap<>();
            long[] calls = {0};
            ((LongCounts) counters[d][i]).forEach((key, n) -> { t.put((int) (key - 1), n); calls[0] += n; });
            Map<Integer, Long> sorted = new LinkedHashMap<>();
            t.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.add(new OpcodeProfile.IndirectSite(functionIndex, offset(d, i), c.opAt(i).text, (int) c.a[i], calls[0], sorted));
        }
        return out;
    }

    /** @return the br_if / if sites of function {@code functionIndex} that ran, in code order */
    List<OpcodeProfile.BranchSite> branches(int functionIndex) {
        int d = functionIndex - imported;
        List<OpcodeProfile.BranchSite> out = new ArrayList<>();
        if (counters[d] == null) return out;
        Code c = module.functions.get(d).body();
        for (int i = 0; i < c.length; i++) {
            if (kind[d][i] != CONDITIONAL || counters[d][i] == null) continue;
            long[] tn = (long[]) counters[d][i];
            out.add(new OpcodeProfile.BranchSite(functionIndex, offset(d, i), c.opAt(i).text, tn[0], tn[1]));
        }
        return out;
    }

    /** @return the br_table sites of function {@code functionIndex} that ran, in code order */
    List<OpcodeProfile.TableSite> tables(int functionIndex) {
        int d = functionIndex - imported;
        List<OpcodeProfile.TableSite> out = new ArrayList<>();
        if (counters[d] == null) return out;
        Code c = module.functions.get(d).body();
        for (int i = 0; i < c.length; i++) {
            if (kind[d][i] != TABLE || counters[d][i] == null) continue;
            out.add(new OpcodeProfile.TableSite(functionIndex, offset(d, i), ((long[]) counters[d][i]).clone()));
        }
        return out;
    }

    /** Writes the sites of {@code functionIndex} as the JSON keys {@code "indirect","branches","brTables"} (each a list). */
    void toJson(StringBuilder sb, int functionIndex) {
        sb.append(",\"indirect\":[");
        List<OpcodeProfile.IndirectSite> ind = indirect(functionIndex);
        for (int k = 0; k < ind.size(); k++) {
            OpcodeProfile.IndirectSite x = ind.get(k);
            sb.append(k > 0 ? "," : "").append("{\"offset\":").append(x.offset()).append(",\"op\":").append(OpcodeProfile.str(x.op()))
              .append(",\"typeIndex\":").append(x.typeIndex()).append(",\"calls\":").append(x.calls()).append(",\"targets\":{");
            boolean first = true;
            for (Map.Entry<Integer, Long> e : x.targets().entrySet()) {
                sb.append(first ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue());
                first = false;
            }
            sb.append("}}");
        }
        sb.append("],\"branches\":[");
        List<OpcodeProfile.BranchSite> br = branches(functionIndex);
        for (int k = 0; k < br.size(); k++) {
            OpcodeProfile.BranchSite x = br.get(k);
            sb.append(k > 0 ? "," : "").append("{\"offset\":").append(x.offset()).append(",\"op\":").append(OpcodeProfile.str(x.op()))
              .append(",\"taken\":").append(x.taken()).append(",\"notTaken\":").append(x.notTaken()).append('}');
        }
        sb.append("],\"brTables\":[");
        List<OpcodeProfile.TableSite> tb = tables(functionIndex);
        for (int k = 0; k < tb.size(); k++) {
            OpcodeProfile.TableSite x = tb.get(k);
            sb.append(k > 0 ? "," : "").append("{\"offset\":").append(x.offset()).append(",\"labels\":[");
            for (int j = 0; j < x.labels().length; j++) sb.append(j > 0 ? "," : "").append(x.labels()[j]);
            sb.append("]}");
        }
        sb.append(']');
    }

    static final Comparator<OpcodeProfile.IndirectSite> BY_CALLS =
            Comparator.comparingLong(OpcodeProfile.IndirectSite::calls).reversed();
}
