package org.tailbench.wasm.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

/**
 * Writes the code of one split function: the rewritten original ({@link #emitRoot}) and each outlined
 * region ({@link #emitRegion}). Both copy the clean instructions of their range, keeping each one's
 * original {@code pos}, and replace every directly nested region by a call stub. Branches are re-aimed
 * through the label stack of the function being written: a label that is open there gets its new depth,
 * any other label (and {@code return}, {@code return_call*} inside a region) is an exit of the region
 * being written and branches to that exit's trampoline block. Added instructions take the {@code pos} of
 * the region's first instruction. Not thread-safe; one instance per function and attempt.
 */
final class Emitter {
    /** What was written: the body, the declared locals (after the params), and the function type. */
    record Emitted(Code code, ValType[] locals, FuncType type) {}

    private static final int SYNTH = Integer.MIN_VALUE;
    private final FunctionAnalysis fa;
    private final TypeTable types;
    private final Map<Integer, List<Region>> byStart = new HashMap<>();

    // the function being written
    private Code.Builder out;
    private Region cur;
    private int[] labels = new int[64];
    private int labelCount;
    private final int[] posOf;
    private final Map<Region.Exit, Integer> exitPos = new HashMap<>();
    private int[] localMap;
    private int nParams;
    private List<ValType> declared;
    private Map<ValType, List<Integer>> pool;
    private int codeLocal, tableLocal;
    private final boolean shared;
    /** the flattened dispatch nest, or null; segments by level range, in level order */
    private final Nest nest;
    private final List<Region> segments = new ArrayList<>();
    /** while writing the nest's segment stubs: the entry-code local and the resume loop's label position, else -1 */
    private int nestCode = -1, resumePos = -1;

    Emitter(FunctionAnalysis fa, TypeTable types, List<Region> regions, boolean shared, Nest nest) {
        this.fa = fa;
        this.nest = nest;
        for (Region r : regions) if (r.levelIds != null) segments.add(r);
        segments.sort((x, y) -> Integer.compare(x.firstLevel, y.firstLevel));
        this.shared = shared;
        this.types = types;
        for (Region r : regions) byStart.computeIfAbsent(r.from, k -> new ArrayList<>()).add(r);
        for (List<Region> l : byStart.values()) l.sort((x, y) -> Integer.compare(y.to, x.to));
        posOf = new int[fa.n + 1];
        Arrays.fill(posOf, -1);
    }

    private void begin(Region r, int params, List<ValType> locals) {
        out = new Code.Builder();
        cur = r;
        labelCount = 0;
        exitPos.clear();
        nParams = params;
        declared = locals;
        pool = new HashMap<>();
        codeLocal = -1;
        tableLocal = -1;
    }

    Emitted emitRoot() {
        ValType[] lt = fa.localTypes;
        int np = fa.type.params().length;
        begin(null, np, new ArrayList<>(Arrays.asList(lt).subList(np, lt.length)));
        localMap = null;
        pushLabel(-1);
        emitRange(0, fa.n);
        return new Emitted(out.build(), declared.toArray(new ValType[0]), fa.type);
    }

    Emitted emitRegion(Region r) {
        int k = r.stackIn.length;
        // shared frame: the piece declares all of the original's locals (its params included) after its own params
        begin(r, r.type.params().length, shared ? new ArrayList<>(Arrays.asList(fa.localTypes)) : new ArrayList<>());
        localMap = new int[fa.localTypes.length];
        Arrays.fill(localMap, -1);
        if (shared) for (int x = 0; x < localMap.length; x++) localMap[x] = r.type.params().length + x;
        for (int q = 0; q < r.uses.length; q++) localMap[r.uses[q]] = k + q;
        int pos = fa.code.pos[r.from];
        int e = r.exits.size();
        pushLabel(SYNTH);
        if (e > 1) {            // the shared epilogue's block: every trampoline ends with its exit code there
            out.add(Op.BLOCK, pos, -ValType.I32.code, 0);
            pushLabel(SYNTH);
        }
        for (int j = e - 1; j >= 0; j--) {
            out.add(Op.BLOCK, pos, types.blockResults(r.exitValues[j]), 0);
            pushLabel(SYNTH);
            exitPos.put(r.exits.get(j), labelCount - 1);
        }
        for (int p = 0; p < k; p++) out.add(Op.LOCAL_GET, pos, p, 0);
        if (r.levelIds != null) segmentEntry(r, pos);
        emitRange(r.from, r.to);
        // a region that cannot fall through may end with a block whose end is dead, which leaves the
        // validator's stack non-polymorphic: make the (never reached) end of the innermost block valid
        if (!r.fallsThrough()) out.add(Op.UNREACHABLE, pos, 0, 0);
        int[] slotLocal = new int[r.slots.length];
        if (e > 1) for (int q = 0; q < slotLocal.length; q++) slotLocal[q] = newLocal(r.slots[q]);
        for (int j = 0; j < e; j++) {
            out.add(Op.END, pos, 0, 0);
            popLabel();
            if (e == 1) {
                for (int x : r.writes) out.add(Op.LOCAL_GET, pos, localMap[x], 0);
                continue;
            }
            int[] map = r.slotOf[j];
            for (int v = map.length - 1; v >= 0; v--) out.add(Op.LOCAL_SET, pos, slotLocal[map[v]], 0);
            out.add(Op.I32_CONST, pos, j, 0);
            if (j < e - 1) out.add(Op.BR, pos, e - 1 - j, 0);   // to the epilogue block
        }
        if (e > 1) {            // epilogue: slots, written locals, exit code
            out.add(Op.END, pos, 0, 0);
            popLabel();
            int code = newLocal(ValType.I32);
            out.add(Op.LOCAL_SET, pos, code, 0);
            for (int q = 0; q < slotLocal.length; q++) out.add(Op.LOCAL_GET, pos, slotLocal[q], 0);
            for (int x : r.writes) out.add(Op.LOCAL_GET, pos, localMap[x], 0);
            out.add(Op.LOCAL_GET, pos, code, 0);
        }
        out.add(Op.END, pos, 0, 0);
        popLabel();
        return new Emitted(out.build(), declared.toArray(new ValType[0]), r.type);
    }

    private void emitRange(int from, int to) {
        Code c = fa.code;
        for (int i = from; i < to; ) {
            if (nest != null && i == nest.start[nest.n]) {
                emitNest();
                i = fa.end[i] + 1;
                continue;
            }
            Region sub = subAt(i);
            if (sub != null) {
                stub(sub);
                i = sub.to;
                continue;
            }
            Op op = c.opAt(i);
            int pos = c.pos[i];
            switch (op) {
                case BLOCK, LOOP, IF -> { out.add(op, pos, c.a[i], 0); pushLabel(i); }
                case END -> { out.add(op, pos, 0, 0); popLabel(); }
                case BR, BR_IF -> out.add(op, pos, depthOf(fa.targets[i][0]), 0);
                case BR_TABLE -> brTable(i, pos);
                case RETURN -> exitOp(Region.Exit.RET, pos);
                case RETURN_CALL -> exitOp(new Region.Exit(Region.Exit.RC, (int) c.a[i], 0), pos);
                case RETURN_CALL_INDIRECT -> exitOp(new Region.Exit(Region.Exit.RCI, (int) c.a[i], (int) c.b[i]), pos);
                case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> out.add(op, pos, local((int) c.a[i]), 0);
                default -> out.add(op, pos, c.a[i], c.b[i]);
            }
            i++;
        }
    }

    /**
     * The {@code br_table} at clean instruction {@code i}, its index on the stack. A wide one ({@link
     * Region#passThrough}) whose targets are not all open labels here keeps its open targets and sends the
     * others to this region's {@link Region.Exit#BRT} exit with the index (the caller replays the table); in a
     * stub's replay, targets inside the called region are never taken and go to {@code unreachable}.
     */
    private void brTable(int i, int pos) {
        int[] ids = fa.targets[i];
        int[] depths = new int[ids.length];
        boolean allOpen = true;
        if (Region.passThrough(fa, i)) for (int id : ids) allOpen &= posOf[id + 1] >= 0;
        if (allOpen) {
            for (int k = 0; k < ids.length; k++) depths[k] = depthOf(ids[k]);
            out.add(Op.BR_TABLE, pos, out.addBrTable(depths), 0);
            return;
        }
        Region.Exit brt = new Region.Exit(Region.Exit.BRT, i, 0);
        if (tableLocal < 0) tableLocal = newLocal(ValType.I32);
        out.add(Op.LOCAL_SET, pos, tableLocal, 0);
        out.add(Op.BLOCK, pos, Code.BLOCK_EMPTY, 0);
        pushLabel(SYNTH);
        out.add(Op.LOCAL_GET, pos, tableLocal, 0);
        for (int k = 0; k < ids.length; k++) depths[k] = posOf[ids[k] + 1] >= 0 ? depthOf(ids[k]) : 0;
        out.add(Op.BR_TABLE, pos, out.addBrTable(depths), 0);
        out.add(Op.END, pos, 0, 0);
        popLabel();
        if (cur != null && exitPos.containsKey(brt)) {
            out.add(Op.LOCAL_GET, pos, tableLocal, 0);
            out.add(Op.BR, pos, depthOfExit(brt), 0);
        } else {
            out.add(Op.UNREACHABLE, pos, 0, 0);
        }
    }

    /** Whether a branch to label {@code id} is a resume of the nest being written (a level below its last). */
    private boolean resumes(int id) {
        if (resumePos < 0) return false;
        Integer k = nest.levelOf.get(id);
        return k != null && k < nest.n;
    }

    private void resume(int level, int pos) {
        if (level >= nest.n) {
            out.add(Op.BR, pos, depthOf(nest.start[nest.n]), 0);
            return;
        }
        out.add(Op.I32_CONST, pos, -1 - level, 0);
        out.add(Op.LOCAL_SET, pos, nestCode, 0);
        out.add(Op.I32_CONST, pos, nest.segmentOf(level), 0);
        out.add(Op.LOCAL_SET, pos, nestCode + 1, 0);
        out.add(Op.BR, pos, labelCount - 1 - resumePos, 0);
    }

    /**
     * The flattened nest ({@link Nest}), in the function that holds it: {@code block B_n { pre; code = index; loop
     * { one block per segment { code ≥ 0 ? br_table index → segment (or B_n, or an outer label) : br_table segment } end;
     * segment j: call S_j(code), its exits to other levels set code = -1 - level, segment = that level's, and loop } } }.
     */
    private void emitNest() {
        Nest x = nest;
        int n = x.n, m = segments.size(), t = x.table;
        int pos = fa.code.pos[t];
        out.add(Op.BLOCK, fa.code.pos[x.start[n]], Code.BLOCK_EMPTY, 0);
        pushLabel(x.start[n]);
        emitRange(x.start[1] + 1, t);
        int code = newLocal(ValType.I32);
        newLocal(ValType.I32);   // code + 1: the segment of a resume's level
        out.add(Op.LOCAL_SET, pos, code, 0);
        out.add(Op.LOOP, pos, Code.BLOCK_EMPTY, 0);
        pushLabel(SYNTH);
        int loopPos = labelCount - 1;
        int[] segPos = new int[m];
        for (int j = m - 1; j >= 0; j--) {
            out.add(Op.BLOCK, pos, Code.BLOCK_EMPTY, 0);
            pushLabel(SYNTH);
            segPos[j] = labelCount - 1;
        }
        out.add(Op.BLOCK, pos, Code.BLOCK_EMPTY, 0);
        pushLabel(SYNTH);
        out.add(Op.LOCAL_GET, pos, code, 0);
        out.add(Op.I32_CONST, pos, 0, 0);
        out.add(Op.I32_LT_S, pos, 0, 0);
        out.add(Op.BR_IF, pos, 0, 0);
        int[] ids = fa.targets[t];
        int[] depths = new int[ids.length];
        for (int q = 0; q < ids.length; q++) {
            Integer k = x.levelOf.get(ids[q]);
            depths[q] = k != null && k < n ? labelCount - 1 - segPos[x.segmentOf(k)] : depthOf(ids[q]);
        }
        out.add(Op.LOCAL_GET, pos, code, 0);
        out.add(Op.BR_TABLE, pos, out.addBrTable(depths), 0);
        out.add(Op.END, pos, 0, 0);
        popLabel();
        // a resume (code = -1 - level): the level's segment is in local code + 1
        int[] bySegment = new int[m + 1];
        for (int j = 0; j <= m; j++) bySegment[j] = labelCount - 1 - segPos[Math.min(j, m - 1)];
        out.add(Op.LOCAL_GET, pos, code + 1, 0);
        out.add(Op.BR_TABLE, pos, out.addBrTable(bySegment), 0);
        int savedCode = nestCode, savedResume = resumePos;
        for (int j = 0; j < m; j++) {
            out.add(Op.END, pos, 0, 0);
            popLabel();
            Region s = segments.get(j);
            out.add(Op.LOCAL_GET, pos, code, 0);
            nestCode = code;
            resumePos = loopPos;
            stub(s);
            resume(x.segments.get(j)[1] + 1, pos);
            nestCode = savedCode;
            resumePos = savedResume;
        }
        out.add(Op.END, pos, 0, 0);   // loop
        popLabel();
        out.add(Op.UNREACHABLE, pos, 0, 0);
        out.add(Op.END, fa.code.pos[fa.end[x.start[n]]], 0, 0);   // B_n
        popLabel();
    }

    /**
     * A nest segment's prologue: open its levels' blocks and enter at the level its code names: {@code -1 - level},
     * or a table index of the dispatch {@code br_table} (only indices sent to this segment's levels arrive).
     */
    private void segmentEntry(Region r, int pos) {
        int a = r.firstLevel, b = a + r.levelIds.length - 1;
        for (int id : r.levelIds) {
            out.add(Op.BLOCK, pos, Code.BLOCK_EMPTY, 0);
            pushLabel(id);
        }
        out.add(Op.BLOCK, pos, Code.BLOCK_EMPTY, 0);
        pushLabel(SYNTH);
        out.add(Op.LOCAL_GET, pos, 0, 0);
        out.add(Op.I32_CONST, pos, 0, 0);
        out.add(Op.I32_GE_S, pos, 0, 0);
        out.add(Op.BR_IF, pos, 0, 0);
        int[] levels = new int[b - a + 2];
        for (int k = a; k <= b; k++) levels[k - a] = depthOf(nest.start[k]);
        levels[b - a + 1] = depthOf(nest.start[a]);
        out.add(Op.I32_CONST, pos, -1 - a, 0);
        out.add(Op.LOCAL_GET, pos, 0, 0);
        out.add(Op.I32_SUB, pos, 0, 0);
        out.add(Op.BR_TABLE, pos, out.addBrTable(levels), 0);
        out.add(Op.END, pos, 0, 0);
        popLabel();
        // by index: the dispatch table's entries [lo, hi] that go to this segment
        int[] ids = fa.targets[nest.table];
        int lo = -1, hi = -1;
        for (int q = 0; q < ids.length; q++) {
            Integer k = nest.levelOf.get(ids[q]);
            if (k != null && k >= a && k <= b) { if (lo < 0) lo = q; hi = q; }
        }
        if (lo < 0) { out.add(Op.UNREACHABLE, pos, 0, 0); return; }
        int[] depths = new int[hi - lo + 2];
        for (int q = lo; q <= hi; q++) {
            Integer k = nest.levelOf.get(ids[q]);
            depths[q - lo] = depthOf(nest.start[k != null && k >= a && k <= b ? k : a]);
        }
        // an index past the table takes its default: here when the default goes to this segment
        Integer dk = nest.levelOf.get(ids[ids.length - 1]);
        depths[hi - lo + 1] = depthOf(nest.start[dk != null && dk >= a && dk <= b ? dk : a]);
        out.add(Op.LOCAL_GET, pos, 0, 0);
        if (lo != 0) {
            out.add(Op.I32_CONST, pos, lo, 0);
            out.add(Op.I32_SUB, pos, 0, 0);
        }
        out.add(Op.BR_TABLE, pos, out.addBrTable(depths), 0);
    }

    /** The outermost region starting at {@code i} strictly inside the one being written. */
    private Region subAt(int i) {
        List<Region> at = byStart.get(i);
        if (at == null) return null;
        for (Region r : at) {
            if (cur == null || (r != cur && r.to <= cur.to && r.from >= cur.from)) return r;
        }
        return null;
    }

    /** Call stub: pass locals, call, write back locals, dispatch on the exit code. */
    private void stub(Region s) {
        int pos = fa.code.pos[s.from];
        for (int x : s.uses) out.add(Op.LOCAL_GET, pos, local(x), 0);
        out.add(Op.CALL, pos, s.funcIndex, 0);
        int e = s.exits.size();
        if (e == 0) { out.add(Op.UNREACHABLE, pos, 0, 0); return; }
        if (e > 1) out.add(Op.LOCAL_SET, pos, codeLocal(), 0);
        for (int k = s.writes.length - 1; k >= 0; k--) out.add(Op.LOCAL_SET, pos, local(s.writes[k]), 0);
        if (e == 1) { exitOp(s.exits.get(0), pos); return; }
        int[] slotLocal = new int[s.slots.length];
        int[] seen = new int[ValType.values().length];
        for (int q = 0; q < slotLocal.length; q++) slotLocal[q] = scratch(s.slots[q], seen[s.slots[q].ordinal()]++);
        for (int q = slotLocal.length - 1; q >= 0; q--) out.add(Op.LOCAL_SET, pos, slotLocal[q], 0);
        int first = s.fallsThrough() ? 1 : 0;
        // exits that are a label without values are br_table entries aimed at the label itself; the others
        // get a handler block: outermost the fall-through block (if any), then one per handler, innermost = lowest j
        boolean[] direct = new boolean[e];
        int handlers = 0;
        for (int j = first; j < e; j++) {
            direct[j] = s.exits.get(j).kind() == Region.Exit.LABEL && s.exitValues[j].length == 0 && !resumes(s.exits.get(j).a());
            if (!direct[j]) handlers++;
        }
        if (first == 1) { out.add(Op.BLOCK, pos, Code.BLOCK_EMPTY, 0); pushLabel(SYNTH); }
        for (int j = e - 1; j >= first; j--) {
            if (direct[j]) continue;
            out.add(Op.BLOCK, pos, Code.BLOCK_EMPTY, 0);
            pushLabel(SYNTH);
        }
        out.add(Op.LOCAL_GET, pos, codeLocal, 0);
        int[] depths = new int[e + 1];
        for (int j = 0, h = 0; j < e; j++) {
            if (j < first) depths[j] = handlers;
            else if (direct[j]) depths[j] = depthOf(s.exits.get(j).a());
            else depths[j] = h++;
        }
        depths[e] = depths[e - 1];
        out.add(Op.BR_TABLE, pos, out.addBrTable(depths), 0);
        for (int j = first; j < e; j++) {
            if (direct[j]) continue;
            out.add(Op.END, pos, 0, 0);
            popLabel();
            for (int v : s.slotOf[j]) out.add(Op.LOCAL_GET, pos, slotLocal[v], 0);
            exitOp(s.exits.get(j), pos);
        }
        if (first == 1) {
            out.add(Op.END, pos, 0, 0);
            popLabel();
            for (int v : s.slotOf[0]) out.add(Op.LOCAL_GET, pos, slotLocal[v], 0);
        }
    }

    /** A branch out of the code being written: to an open label, an exit trampoline, or the real op at the root. */
    private void exitOp(Region.Exit x, int pos) {
        switch (x.kind()) {
            case Region.Exit.FALL -> { }
            case Region.Exit.LABEL -> {
                if (resumes(x.a())) {   // another level of the nest: loop back to the dispatch with code -1 - level
                    resume(nest.levelOf.get(x.a()), pos);
                } else {
                    out.add(Op.BR, pos, depthOf(x.a()), 0);
                }
            }
            case Region.Exit.BRT -> brTable(x.a(), pos);
            default -> {
                if (cur != null) {
                    out.add(Op.BR, pos, depthOfExit(x), 0);
                } else if (x.kind() == Region.Exit.RETURN) {
                    out.add(Op.RETURN, pos, 0, 0);
                } else if (x.kind() == Region.Exit.RC) {
                    out.add(Op.RETURN_CALL, pos, x.a(), 0);
                } else {
                    out.add(Op.RETURN_CALL_INDIRECT, pos, x.a(), x.b());
                }
            }
        }
    }

    private int depthOf(int id) {
        int p = posOf[id + 1];
        if (p >= 0) return labelCount - 1 - p;
        return depthOfExit(new Region.Exit(Region.Exit.LABEL, id, 0));
    }

    private int depthOfExit(Region.Exit x) {
        Integer p = exitPos.get(x);
        if (p == null) throw new IllegalStateException("function " + fa.funcIndex + ": no exit " + x + " in region " + cur.from + ".." + cur.to);
        return labelCount - 1 - p;
    }

    private void pushLabel(int id) {
        if (labelCount == labels.length) labels = Arrays.copyOf(labels, labelCount * 2);
        labels[labelCount] = id;
        if (id != SYNTH) posOf[id + 1] = labelCount;
        labelCount++;
    }

    private void popLabel() {
        int id = labels[--labelCount];
        if (id != SYNTH) posOf[id + 1] = -1;
    }

    private int local(int x) { return localMap == null ? x : localMap[x]; }

    private int newLocal(ValType t) {
        declared.add(t);
        return nParams + declared.size() - 1;
    }

    private int codeLocal() {
        if (codeLocal < 0) codeLocal = newLocal(ValType.I32);
        return codeLocal;
    }

    /** The {@code k}-th scratch local of type {@code t}; stubs reuse them (each is dead after its dispatch). */
    private int scratch(ValType t, int k) {
        List<Integer> l = pool.computeIfAbsent(t, x -> new ArrayList<>());
        while (l.size() <= k) l.add(newLocal(t));
        return l.get(k);
    }
}
