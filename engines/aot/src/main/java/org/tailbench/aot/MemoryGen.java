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
    private static final String RT = "org/tailbench/aot/rt/Rt";
    private static final String MEM = "org/tailbench/aot/rt/MemoryOps";
    private static final String ARRAY_MEM = "org/tailbench/aot/rt/ArrayMemoryOps";
    private static final String C = CallingConvention.CTX_DESC;
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
            a.iconst((int) imm);
            a.aload(g.memSlot);
            String jt = CallingConvention.jvmType(t).getDescriptor();
            boolean array = g.plan.arrayMemory();
            String owner = array ? ARRAY_MEM : MEM, view = array ? ARRAY : SEG;
            if (load) {
                g.popN(1);
                a.invokeStatic(owner, methodName(op), "(II" + view + ")" + jt);
                g.push(t);
            } else {
                g.popN(2);
                a.invokeStatic(owner, methodName(op), "(I" + jt + "I" + view + ")V");
            }
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
                    a.invokeStatic(MEM, "memorySize", "(" + SEG + ")I");
                }
                g.push(ValType.I32);
            }
            case MEMORY_GROW -> {
                g.ctxLoad();
                a.invokeStatic(RT, "memoryGrow", "(I" + C + ")I");
                g.reloadMemory();
            }
            case MEMORY_FILL -> { g.popN(3); g.ctxLoad(); a.invokeStatic(RT, "memoryFill", "(III" + C + ")V"); }
            case MEMORY_COPY -> { g.popN(3); g.ctxLoad(); a.invokeStatic(RT, "memoryCopy", "(III" + C + ")V"); }
            case MEMORY_INIT -> { g.popN(3); a.iconst((int) imm); g.ctxLoad(); a.invokeStatic(RT, "memoryInit", "(IIII" + C + ")V"); }
            case DATA_DROP -> { a.iconst((int) imm); g.ctxLoad(); a.invokeStatic(RT, "dataDrop", "(I" + C + ")V"); }
            case TABLE_GET -> {
                g.popN(1);
                a.iconst((int) imm); g.ctxLoad();
                a.invokeStatic(RT, "tableGet", "(II" + C + ")J");
                g.push(g.plan.module().tableType((int) imm).elemType());
            }
            case TABLE_SET -> { g.popN(2); a.iconst((int) imm); g.ctxLoad(); a.invokeStatic(RT, "tableSet", "(IJI" + C + ")V"); }
            case TABLE_SIZE -> { a.iconst((int) imm); g.ctxLoad(); a.invokeStatic(RT, "tableSize", "(I" + C + ")I"); g.push(ValType.I32); }
            case TABLE_GROW -> {
                g.popN(2);
                a.iconst((int) imm); g.ctxLoad();
                a.invokeStatic(RT, "tableGrow", "(JII" + C + ")I");
                g.push(ValType.I32);
            }
            case TABLE_FILL -> { g.popN(3); a.iconst((int) imm); g.ctxLoad(); a.invokeStatic(RT, "tableFill", "(IJII" + C + ")V"); }
            case TABLE_COPY -> {
                g.popN(3);
                a.iconst((int) imm); a.iconst((int) imm2); g.ctxLoad();
                a.invokeStatic(RT, "tableCopy", "(IIIII" + C + ")V");
            }
            case TABLE_INIT -> {
                g.popN(3);
                a.iconst((int) imm); a.iconst((int) imm2); g.ctxLoad();
                a.invokeStatic(RT, "tableInit", "(IIIII" + C + ")V");
            }
            case ELEM_DROP -> { a.iconst((int) imm); g.ctxLoad(); a.invokeStatic(RT, "elemDrop", "(I" + C + ")V"); }
            default -> { return false; }
        }
        return true;
    }

    /** {@code i64.load32_u} → {@code i64Load32U} */
    static String methodName(Op op) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : op.text.toCharArray()) {
            if (c == '.' || c == '_') { up = true; continue; }
            sb.append(up ? Character.toUpperCase(c) : c);
            up = false;
        }
        return sb.toString();
    }
}
