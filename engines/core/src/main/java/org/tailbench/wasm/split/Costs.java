package org.tailbench.wasm.split;

import org.tailbench.wasm.Code;
import org.tailbench.wasm.Op;

/**
 * Sizes from a {@link FunctionSplitter.SizeModel}: per instruction of a {@link Code}, and estimates of the
 * code a region adds (its call stub with dispatch in the caller, its prologue and exit trampolines in the
 * callee), priced by asking the model about one-instruction probe codes. Estimates only steer the planner;
 * the final pieces are measured with the model itself.
 */
final class Costs {
    private final FunctionSplitter.SizeModel model;
    private final int get, set, call, br, ret, cst, block;

    Costs(FunctionSplitter.SizeModel model) {
        this.model = model;
        get = probe(Op.LOCAL_GET);
        set = probe(Op.LOCAL_SET);
        call = probe(Op.CALL);
        br = probe(Op.BR);
        ret = probe(Op.RETURN);
        cst = probe(Op.I32_CONST);
        block = probe(Op.BLOCK) + probe(Op.END);
    }

    private int probe(Op op) {
        Code c = new Code(1, new int[] {op.ordinal()}, new int[] {0}, new long[] {0}, new long[] {0}, new int[0][]);
        return Math.max(0, model.bytecodeBytes(c, 0));
    }

    private int brTable(int entries) {
        int[][] t = {new int[entries]};
        Code c = new Code(1, new int[] {Op.BR_TABLE.ordinal()}, new int[] {0}, new long[] {0}, new long[] {0}, t);
        return Math.max(0, model.bytecodeBytes(c, 0));
    }

    /** The model's size of a {@code br_table} with {@code entries} entries over {@code distinct} labels (and a default). */
    int brTable(int entries, int distinct) {
        int[] d = new int[entries + 1];
        for (int k = 0; k <= entries; k++) d[k] = k % Math.max(1, distinct);
        Code c = new Code(1, new int[] {Op.BR_TABLE.ordinal()}, new int[] {0}, new long[] {0}, new long[] {0}, new int[][] {d});
        return Math.max(0, model.bytecodeBytes(c, 0));
    }

    /** @return the model's size of every instruction of {@code code} */
    int[] of(Code code) {
        int[] c = new int[code.length];
        for (int i = 0; i < code.length; i++) c[i] = Math.max(0, model.bytecodeBytes(code, i));
        return c;
    }

    /** @return the model's size of a whole code */
    long total(Code code) {
        long s = 0;
        for (int i = 0; i < code.length; i++) s += Math.max(0, model.bytecodeBytes(code, i));
        return s;
    }

    /** Callee overhead: stack params pushed, one trampoline per exit (spill, exit code), the shared epilogue. */
    int calleeOverhead(int stackIn, int writes, int exits, int exitValues) {
        int o = stackIn * get + ret + block;
        if (exits <= 1) return o + writes * get;
        return o + exits * (block + cst + br) + exitValues * set + block + set + (exitValues + writes + 1) * get;
    }

    /**
     * Caller stub: locals passed, call, locals written back, and the exit dispatch: a {@code br_table} over
     * every exit, a handler block with a branch for each exit except the {@code direct} ones (value-less
     * labels, whose entry targets the label itself).
     */
    int stub(int uses, int writes, int exits, int direct, int exitValues, boolean branches) {
        int s = uses * get + call + writes * set;
        if (exits <= 1) return s + (branches ? br : 0);
        return s + set + get + brTable(exits + 1) + (exits - direct) * (block + br) + exitValues * (set + get);
    }
}
