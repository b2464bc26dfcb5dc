package org.tailbench.aot;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.ObjIntConsumer;
import org.objectweb.asm.Label;

/**
 * A dispatch helper's switch over function indices ({@code $invoke}, {@code $ci<T>}, {@code $cx<T>}: one case per
 * function of a group, up to 1000) cut into <em>windows</em> of {@code 2^shift} consecutive indices, each window's cases
 * in a method of its own, so every method stays below C2's {@link BytecodeSize#HUGE_METHOD_LIMIT} (HotSpot never
 * compiles a larger method: a 10 KB {@code $ci<T>} runs interpreted on every indirect call, issue 14). The helper
 * routes with one {@code tableswitch} on {@code (f - base) >>> shift}.
 *
 * @param base    the lowest key
 * @param shift   log2 of the window width in function indices
 * @param windows per window (index {@code (f - base) >>> shift}), its keys in ascending order (possibly none)
 */
record SwitchChunks(int base, int shift, List<int[]> windows) {
    /** Most estimated bytes of cases in one method: half of HugeMethodLimit (the per-case estimates are rough). */
    static final int BUDGET = BytecodeSize.HUGE_METHOD_LIMIT / 2;

    /**
     * @param keys      function indices, ascending
     * @param caseBytes estimated bytecode bytes of the case of a key (its switch entry included)
     * @return null when all cases fit in {@code budget} (one switch, no windows), else the widest windows whose cases
     *         each fit (windows of one key when nothing wider does)
     */
    static SwitchChunks of(int[] keys, IntUnaryOperator caseBytes, int budget) {
        long total = 0;
        for (int k : keys) total += caseBytes.applyAsInt(k);
        if (total <= budget || keys.length < 2) return null;
        int base = keys[0], span = keys[keys.length - 1] - base;
        for (int shift = 31 - Integer.numberOfLeadingZeros(span); ; shift--) {
            List<int[]> windows = windows(keys, base, shift);
            boolean fits = true;
            for (int[] w : windows) {
                long bytes = 0;
                for (int k : w) bytes += caseBytes.applyAsInt(k);
                fits &= bytes <= budget;
            }
            if (fits || shift == 0) return new SwitchChunks(base, shift, windows);
        }
    }

    private static List<int[]> windows(int[] keys, int base, int shift) {
        int n = ((keys[keys.length - 1] - base) >>> shift) + 1;
        List<int[]> out = new ArrayList<>(n);
        int from = 0;
        for (int w = 0; w < n; w++) {
            int to = from;
            while (to < keys.length && (keys[to] - base) >>> shift == w) to++;
            out.add(java.util.Arrays.copyOfRange(keys, from, to));
            from = to;
        }
        return out;
    }

    /**
     * Emits the routing: the function index in int slot {@code fi} selects its window with a {@code tableswitch};
     * an index below {@code base} (or -1: not of this instance), above the last key (another group's function in the
     * last window's range) or in a window without keys goes to {@code otherwise}; an index between the first and the
     * last key must be one of the keys (a group's functions are consecutive, and a type was checked before). For each window with keys, {@code call} emits its case (its code must not fall through)
     * given the window's index and keys.
     */
    void route(Asm a, int fi, Label otherwise, ObjIntConsumer<int[]> call) {
        Label[] labels = new Label[windows.size()];
        for (int w = 0; w < labels.length; w++) labels[w] = windows.get(w).length == 0 ? otherwise : new Label();
        int last = windows.getLast()[windows.getLast().length - 1];
        a.mv.visitVarInsn(ILOAD, fi);
        a.iconst(last);
        a.jump(IF_ICMPGT, otherwise);   // the last window may reach past the group's functions
        a.mv.visitVarInsn(ILOAD, fi);
        a.iconst(base);
        a.op(ISUB);
        a.iconst(shift);
        a.op(IUSHR);   // an index below base wraps to a large positive number: the default
        a.mv.visitTableSwitchInsn(0, labels.length - 1, otherwise, labels);
        for (int w = 0; w < labels.length; w++) {
            if (windows.get(w).length == 0) continue;
            a.label(labels[w]);
            call.accept(windows.get(w), w);
        }
    }
}
