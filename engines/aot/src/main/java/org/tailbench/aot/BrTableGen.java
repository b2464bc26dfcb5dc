package org.tailbench.aot;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.tailbench.wasm.ValType;

/**
 * {@code br_table} (spec 2.0 §4.4.8): a {@code tableswitch} to one stub per distinct target label, each
 * stub a {@link FunctionGen#branch} (which spills carried values when the target needs it). The index
 * operand is already popped from the model.
 */
final class BrTableGen {
    private BrTableGen() {}

    /** br_tables longer than this map the index to a distinct target through a string constant first */
    static final int BIG_BR_TABLE = 1024;

    /** Entries per string constant of a big br_table: 3 bytes per char at most in modified UTF-8, under 65535. */
    static final int CHUNK_BITS = 14, CHUNK = 1 << CHUNK_BITS;

    /** Distinct targets a big br_table can encode (one char each, 0 is not used). */
    static final int MAX_DISTINCT = Character.MAX_VALUE;

    /**
     * A long br_table (4 bytes per entry would not fit a method): the index selects a character of string
     * constants holding, per entry, 1 + the ordinal of its distinct target ({@link #CHUNK} entries per constant,
     * the constant chosen by a tableswitch on {@code index >>> CHUNK_BITS}); a tableswitch over the few distinct
     * targets follows. Out-of-range indices go to the default.
     */
    private static void big(FunctionGen g, int[] labels, Map<Integer, Label> stubs, Label defaultStub) {
        int n = labels.length - 1;
        Map<Integer, Integer> ordinal = new HashMap<>();
        List<Integer> distinct = new ArrayList<>();
        StringBuilder sb = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            int ord = ordinal.computeIfAbsent(labels[k], d -> { distinct.add(d); return distinct.size(); });
            if (ord > MAX_DISTINCT) {
                throw new AotCompileException("aot: function " + g.index + ": a br_table with more than " + MAX_DISTINCT
                        + " distinct target labels exceeds the aot engine's limit", null);
            }
            sb.append((char) ord);
        }
        Asm a = g.a;
        int idx = g.scratch(ValType.I32);
        a.mv.visitVarInsn(ISTORE, idx);
        a.mv.visitVarInsn(ILOAD, idx);
        a.jump(IFLT, defaultStub);
        a.mv.visitVarInsn(ILOAD, idx);
        a.iconst(n);
        a.jump(IF_ICMPGE, defaultStub);
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks == 1) {
            a.mv.visitLdcInsn(sb.toString());
            a.mv.visitVarInsn(ILOAD, idx);
        } else {
            Label[] loads = new Label[chunks];
            Label join = new Label();
            for (int k = 0; k < chunks; k++) loads[k] = new Label();
            a.mv.visitVarInsn(ILOAD, idx);
            a.iconst(CHUNK_BITS);
            a.op(IUSHR);
            a.mv.visitTableSwitchInsn(0, chunks - 1, loads[chunks - 1], loads);
            for (int k = 0; k < chunks; k++) {
                a.label(loads[k]);
                a.mv.visitLdcInsn(sb.substring(k * CHUNK, Math.min(n, (k + 1) * CHUNK)));
                a.jump(GOTO, join);
            }
            a.label(join);
            a.mv.visitVarInsn(ILOAD, idx);
            a.iconst(CHUNK - 1);
            a.op(IAND);
        }
        a.mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        Label[] cases = new Label[distinct.size()];
        for (int k = 0; k < cases.length; k++) cases[k] = stubs.get(distinct.get(k));
        a.mv.visitTableSwitchInsn(1, cases.length, defaultStub, cases);
    }

    /** Emits {@code br_table} with {@code labels} (the label depths, then the default). */
    static void emit(FunctionGen g, int[] labels) {
        Asm a = g.a;
        int n = labels.length - 1;
        Label[] targets = new Label[n];
        Label dflt = new Label();
        Map<Integer, Label> stubs = new HashMap<>();
        for (int k = 0; k < n; k++) targets[k] = stubs.computeIfAbsent(labels[k], d -> new Label());
        Label defaultStub = stubs.computeIfAbsent(labels[n], d -> dflt);
        if (n == 0) {
            a.op(POP);
            a.jump(GOTO, defaultStub);
        } else if (n <= BIG_BR_TABLE) {
            a.mv.visitTableSwitchInsn(0, n - 1, defaultStub, targets);
        } else {
            big(g, labels, stubs, defaultStub);
        }
        for (var e : stubs.entrySet()) {
            a.label(e.getValue());
            g.branch(g.target(e.getKey()));
        }
    }
}
