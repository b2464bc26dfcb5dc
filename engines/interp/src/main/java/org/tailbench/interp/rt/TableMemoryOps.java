package org.tailbench.interp.rt;

import org.tailbench.interp.lower.LOp;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.wasm.ValType;

/**
 * The reference, table and bulk-memory instructions (spec 2.0 §4.4.5–§4.4.7) on an operand stack of
 * {@code long} slots, shared by the interpreters. None of them changes the identity of a memory's
 * byte array, so callers need not reload it afterwards ({@code memory.grow} is not handled here).
 */
public final class TableMemoryOps {
    private static final long MASK = 0xFFFFFFFFL;
    private static final long[] NO_REFS = new long[0];
    private static final byte[] NO_BYTES = new byte[0];

    private TableMemoryOps() {}

    /**
     * Executes {@code op}, whose inline operands start at {@code code[pc]}, on {@code s[.. sp)}.
     * @return the new stack pointer
     * @throws org.tailbench.runtime.Trap out of bounds table / memory access, as the spec says
     * @throws IllegalStateException when {@code op} is not one of these instructions
     */
    public static int exec(int op, int[] code, int pc, long[] s, int sp, Instance inst) {
        int ops = Lowerer.operandCount(code, pc - 1);
        int a = ops > 0 ? code[pc] : 0, b = ops > 1 ? code[pc + 1] : 0;
        switch (op) {
            case LOp.TABLE_GET -> s[sp - 1] = inst.tables[a].get(s[sp - 1] & MASK);
            case LOp.TABLE_SET -> {
                long v = s[--sp];
                inst.tables[a].set(s[--sp] & MASK, v);
            }
            case LOp.TABLE_SIZE -> s[sp++] = inst.tables[a].size();
            case LOp.TABLE_GROW -> {
                long n = s[--sp] & MASK;
                s[sp - 1] = inst.tables[a].grow(n, s[sp - 1]);
            }
            case LOp.TABLE_FILL -> {
                long n = s[--sp] & MASK, v = s[--sp], dst = s[--sp] & MASK;
                inst.tables[a].fill(dst, v, n);
            }
            case LOp.TABLE_COPY -> {
                long n = s[--sp] & MASK, src = s[--sp] & MASK, dst = s[--sp] & MASK;
                inst.tables[a].copyFrom(inst.tables[b], dst, src, n);
            }
            case LOp.TABLE_INIT -> {
                long n = s[--sp] & MASK, src = s[--sp] & MASK, dst = s[--sp] & MASK;
                inst.tables[b].init(dst, inst.elements[a], src, n);
            }
            case LOp.ELEM_DROP -> inst.elements[a] = NO_REFS;
            case LOp.MEMORY_INIT -> {
                long n = s[--sp] & MASK, src = s[--sp] & MASK, dst = s[--sp] & MASK;
                memory(inst).init(dst, inst.datas[a], src, n);
            }
            case LOp.DATA_DROP -> inst.datas[a] = NO_BYTES;
            case LOp.MEMORY_COPY -> {
                long n = s[--sp] & MASK, src = s[--sp] & MASK, dst = s[--sp] & MASK;
                memory(inst).copy(dst, src, n);
            }
            case LOp.MEMORY_FILL -> {
                long n = s[--sp] & MASK, v = s[--sp], dst = s[--sp] & MASK;
                memory(inst).fill(dst, (int) v, n);
            }
            case LOp.REF_FUNC -> s[sp++] = inst.functions[a].address();
            case LOp.REF_NULL -> s[sp++] = ValType.NULL_REF;
            case LOp.REF_IS_NULL -> s[sp - 1] = s[sp - 1] == ValType.NULL_REF ? 1 : 0;
            default -> throw new IllegalStateException("not a table/memory instruction: " + LOp.NAMES[op]);
        }
        return sp;
    }

    private static Memory memory(Instance inst) { return inst.memories[0]; }
}
