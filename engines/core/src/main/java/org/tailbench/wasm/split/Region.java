package org.tailbench.wasm.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

/**
 * A contiguous range {@code [from, to)} of whole items of one block body (clean instruction indices of a
 * {@link FunctionAnalysis}) that becomes its own function, and that function's interface:
 * <ul>
 *   <li>params: the {@link #stackIn} values the range pops from below its entry height, then the current
 *       values of every local it uses ({@link #uses}, ascending);</li>
 *   <li>results: the {@link #slots} (a type-wise union of the values each exit carries), then the new values
 *       of every local it writes ({@link #writes}), then, when there is more than one exit, the exit code
 *       (index into {@link #exits}).</li>
 * </ul>
 * Exits are: falling through (index 0 when possible, carrying {@link #stackOut}), a branch to a label
 * outside the range, {@code return}, and each distinct {@code return_call}/{@code return_call_indirect}
 * target (carrying the call's arguments, plus the table index for the indirect one), so that the tail call
 * itself is made by the original function.
 */
final class Region {
    /**
     * An exit: FALL, LABEL (a = label id), RETURN, RC (a = function), RCI (a = type, b = table), BRT (a = the
     * instruction index of a wide {@code br_table}, see {@link #passThrough}: carries its i32 operand; the caller
     * replays the {@code br_table} itself, so its targets outside the region cost one exit, not one each).
     */
    record Exit(int kind, int a, int b) {
        static final int FALL = 0, LABEL = 1, RETURN = 2, RC = 3, RCI = 4, BRT = 5;
        static final Exit FALLTHROUGH = new Exit(FALL, 0, 0), RET = new Exit(RETURN, 0, 0);

        ValType[] values(FunctionAnalysis fa, ValType[] fallValues) {
            return switch (kind) {
                case FALL -> fallValues;
                case LABEL -> fa.labelTypes(a);
                case RETURN -> fa.type.results();
                case RC -> fa.module.functionType(a).params();
                case BRT -> new ValType[] {ValType.I32};
                default -> {
                    ValType[] p = fa.module.types.get(a).params();
                    ValType[] v = Arrays.copyOf(p, p.length + 1);
                    v[p.length] = ValType.I32;
                    yield v;
                }
            };
        }
    }

    /** Distinct targets from which a value-less {@code br_table} passes through regions as one {@link Exit#BRT} exit. */
    static final int WIDE_TABLE = 16;

    /**
     * @return whether the {@code br_table} at clean instruction {@code i} is wide: at least {@value #WIDE_TABLE}
     *         distinct targets, none carrying values (the dispatch of an interpreter loop)
     */
    static boolean passThrough(FunctionAnalysis fa, int i) {
        int[] ids = fa.targets[i];
        if (ids.length < WIDE_TABLE) return false;
        java.util.HashSet<Integer> distinct = new java.util.HashSet<>();
        for (int id : ids) {
            if (fa.labelTypes(id).length != 0) return false;
            distinct.add(id);
        }
        return distinct.size() >= WIDE_TABLE;
    }

    final int from, to;
    /**
     * A segment of a flattened {@link Nest} (else null): the label ids of the nest blocks {@code B_b .. B_a} whose
     * ends lie in the range (outermost first; opened by the piece itself, entered by its i32 entry code, the only
     * param); {@link #firstLevel} is {@code a}. Exits: falling through (level {@code b + 1}) and every label outside.
     */
    int[] levelIds;
    int firstLevel;
    /** shared frame: no locals passed or returned (see {@code FunctionSplitter.Options#sharedFrame}) */
    boolean shared;
    int funcIndex;
    int part;
    ValType[] stackIn, stackOut;
    int[] uses, writes;
    List<Exit> exits;
    /** values carried by each exit */
    ValType[][] exitValues;
    /** slot types, and for each exit the slot of each of its values */
    ValType[] slots;
    int[][] slotOf;
    FuncType type;

    Region(int from, int to) { this.from = from; this.to = to; }

    boolean hasCode() { return exits.size() > 1; }

    boolean fallsThrough() { return !exits.isEmpty() && exits.get(0).kind() == Exit.FALL; }

    /** Computes the interface by scanning the range once. */
    void analyze(FunctionAnalysis fa) {
        int depth = 0, minH = fa.height(from);
        TreeSet<Integer> u = new TreeSet<>(), w = new TreeSet<>();
        Map<Exit, Boolean> found = new LinkedHashMap<>();
        int last = from;
        for (int i = from; i < to; i++) {
            Op op = fa.code.opAt(i);
            if (depth == 0) { minH = Math.min(minH, fa.low[i]); last = i; }
            switch (op) {
                case BLOCK, LOOP, IF -> depth++;
                case END -> depth--;
                case BR, BR_IF, BR_TABLE -> {
                    boolean wide = levelIds == null && op == Op.BR_TABLE && passThrough(fa, i);
                    for (int id : fa.targets[i]) {
                        if ((id < from || id >= to) && !opensInside(id)) found.put(wide ? new Exit(Exit.BRT, i, 0) : new Exit(Exit.LABEL, id, 0), true);
                    }
                }
                case RETURN -> found.put(Exit.RET, true);
                case RETURN_CALL -> found.put(new Exit(Exit.RC, (int) fa.code.a[i], 0), true);
                case RETURN_CALL_INDIRECT -> found.put(new Exit(Exit.RCI, (int) fa.code.a[i], (int) fa.code.b[i]), true);
                case LOCAL_GET -> u.add((int) fa.code.a[i]);
                case LOCAL_SET, LOCAL_TEE -> { u.add((int) fa.code.a[i]); w.add((int) fa.code.a[i]); }
                default -> { }
            }
        }
        boolean falls = levelIds != null || fa.fallsThrough(last);
        int hIn = fa.height(from);
        int hOut = falls ? fa.height(to) : minH;
        minH = Math.min(minH, hOut);
        stackIn = levelIds != null ? new ValType[0] : fa.stackTop(from, hIn - minH);
        stackOut = falls && levelIds == null ? fa.stackTop(to, hOut - minH) : new ValType[0];
        uses = shared ? new int[0] : u.stream().mapToInt(Integer::intValue).toArray();
        writes = shared ? new int[0] : w.stream().mapToInt(Integer::intValue).toArray();
        exits = new ArrayList<>();
        if (falls) exits.add(Exit.FALLTHROUGH);
        exits.addAll(found.keySet());
        exitValues = new ValType[exits.size()][];
        for (int j = 0; j < exits.size(); j++) exitValues[j] = exits.get(j).values(fa, stackOut);
        layoutSlots();
        List<ValType> params = new ArrayList<>(Arrays.asList(stackIn));
        if (levelIds != null) params.add(ValType.I32);   // the entry code
        for (int x : uses) params.add(fa.localTypes[x]);
        List<ValType> results = new ArrayList<>();
        if (!exits.isEmpty()) {
            results.addAll(Arrays.asList(slots));
            for (int x : writes) results.add(fa.localTypes[x]);
            if (hasCode()) results.add(ValType.I32);
        }
        type = new FuncType(params.toArray(new ValType[0]), results.toArray(new ValType[0]));
    }

    private boolean opensInside(int id) {
        if (levelIds == null) return false;
        for (int x : levelIds) if (x == id) return true;
        return false;
    }

    /** Slot k of type t is shared by the k-th value of type t of every exit. */
    private void layoutSlots() {
        List<ValType> s = new ArrayList<>();
        slotOf = new int[exits.size()][];
        for (int j = 0; j < exits.size(); j++) {
            ValType[] v = exitValues[j];
            slotOf[j] = new int[v.length];
            int[] seen = new int[ValType.values().length];
            for (int q = 0; q < v.length; q++) {
                int occurrence = seen[v[q].ordinal()]++;
                int slot = -1;
                for (int k = 0, c = 0; k < s.size(); k++) {
                    if (s.get(k) == v[q] && c++ == occurrence) { slot = k; break; }
                }
                if (slot < 0) { s.add(v[q]); slot = s.size() - 1; }
                slotOf[j][q] = slot;
            }
        }
        slots = s.toArray(new ValType[0]);
    }
}
