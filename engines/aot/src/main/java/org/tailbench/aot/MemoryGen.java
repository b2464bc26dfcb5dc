package org.tailbench.aot;

import static org.objectweb.asm.Opcodes.*;

import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

/**
 * Code generation of memory and table instructions (spec 2.0 §4.4.6–§4.4.7). Loads and stores call
 * {@code rt.ArrayMemoryOps} or {@code rt.MemoryOps} with the address operand, the static offset and the
 * method's memory view, a local reloaded after calls and {@code memory.grow}: a {@code byte[]}
 * ({@code Memory.heapArray()}) when the module defines its memory and it is heap-backed
 * ({@link ModulePlan#arrayMemory()}), else a {@code MemorySegment} ({@code Memory.segment()}). Table and
 * bulk instructions call {@code rt.Rt} with the operands, the immediates and the context.
 */
final class MemoryGen {
    static final String SEG = "Ljava/lang/foreign/MemorySegment;";
    static final String ARRAY = "[B";

    private MemoryGen() {}

    /** @return false when {@code op} is not a memory or table instruction */
    static boolean emit(FunctionGen g, Op op, int i) {
        Asm a = g.a;
        long imm = g.code.a[i], imm2 = g.code.b[i];
        if (op.isMemoryAccess()) {
            String sig = op.signature;
            boolean load = !sig.endsWith(":");
            ValType t = FunctionGen.sigType(load ? sig.charAt(sig.length() - 1) : sig.charAt(1));
            if (g.inlineAccess) {
                g.popN(load ? 1 : 2);
                ArrayAccessGen.emit(g, op, t, (int) imm);
                if (load) g.push(t);
                return true;
            }
            a.iconst((int) imm);
            a.aload(g.memSlot);
            g.popN(load ? 1 : 2);
            a.invoke(MemoryCalls.of(op, g.plan.arrayMemory()));
            if (load) g.push(t);
            return true;
        }
        switch (op) {
            case MEMORY_SIZE -> {
                a.aload(g.memSlot);
                if (g.plan.arrayMemory()) {   // the array is exactly the current size (at most 32,767 pages)
                    a.op(ARRAYLENGTH);
                    a.iconst(16);
                    a.op(IUSHR);
                } else {
                    a.invoke(MemoryCalls.MEMORY_SIZE);
                }
                g.push(ValType.I32);
            }
            case MEMORY_GROW -> {
                g.ctxLoad();
                a.invoke(RtCalls.MEMORY_GROW);
                g.reloadMemory();
            }
            case MEMORY_FILL -> { g.popN(3); g.ctxLoad(); a.invoke(RtCalls.MEMORY_FILL); }
            case MEMORY_COPY -> { g.popN(3); g.ctxLoad(); a.invoke(RtCalls.MEMORY_COPY); }
            case MEMORY_INIT -> { g.popN(3); a.iconst((int) imm); g.ctxLoad(); a.invoke(RtCalls.MEMORY_INIT); }
            case DATA_DROP -> { a.iconst((int) imm); g.ctxLoad(); a.invoke(RtCalls.DATA_DROP); }
            case TABLE_GET -> {
                g.popN(1);
                a.iconst((int) imm); g.ctxLoad();
                a.invoke(RtCalls.TABLE_GET);
                g.push(g.plan.module().tableType((int) imm).elemType());
            }
            case TABLE_SET -> { g.popN(2); a.iconst((int) imm); g.ctxLoad(); a.invoke(RtCalls.TABLE_SET); }
            case TABLE_SIZE -> { a.iconst((int) imm); g.ctxLoad(); a.invoke(RtCalls.TABLE_SIZE); g.push(ValType.I32); }
            case TABLE_GROW -> {
                g.popN(2);
                a.iconst((int) imm); g.ctxLoad();
                a.invoke(RtCalls.TABLE_GROW);
                g.push(ValType.I32);
            }
            case TABLE_FILL -> { g.popN(3); a.iconst((int) imm); g.ctxLoad(); a.invoke(RtCalls.TABLE_FILL); }
            case TABLE_COPY -> {
                g.popN(3);
                a.iconst((int) imm); a.iconst((int) imm2); g.ctxLoad();
                a.invoke(RtCalls.TABLE_COPY);
            }
            case TABLE_INIT -> {
                g.popN(3);
                a.iconst((int) imm); a.iconst((int) imm2); g.ctxLoad();
                a.invoke(RtCalls.TABLE_INIT);
            }
            case ELEM_DROP -> { a.iconst((int) imm); g.ctxLoad(); a.invoke(RtCalls.ELEM_DROP); }
            default -> { return false; }
        }
        return true;
    }
}
