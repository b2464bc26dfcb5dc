package org.tailbench.aot;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

/**
 * Loads and stores of the {@code byte[]} memory path written out in the function's own bytecode instead of a
 * call to an {@code rt.ArrayMemoryOps} helper: the bounds check ({@code ea = u32(addr) + u32(offset)}, trap
 * {@code out of bounds memory access} when {@code ea > length - width}, as {@code ArrayMemoryOps.ea}), then
 * {@code baload}/{@code bastore} or a direct {@code invokevirtual} of the little-endian byte-array
 * {@code VarHandle} ({@code ArrayMemoryOps.I16/I32/I64}).
 *
 * <p>Why: C2 inlines a call into a method only while the method's inlined bytecode stays under its budget
 * (HotSpot's {@code DesiredMethodLimit}, 8,000 B, "size &gt; DesiredMethodLimit" in the inlining log), in
 * parse order, and a helper access costs about 274 B of it (the helper, {@code ea}, the VarHandle guard
 * chain). A method with many accesses (nbody's {@code main}: 2,201 B and ~100 accesses) spends the budget
 * on the code before its hot loop, and the loop's helpers become real calls. The JDK's VarHandle chain is
 * {@code @ForceInline}, which C2 inlines past the budget; this class's own code is not, so nothing of it
 * stands between the generated code and that chain.
 */
final class ArrayAccessGen {
    private ArrayAccessGen() {}

    /**
     * {@code -Dtailbench.aot.inlineMemory}: {@code false} (the default: the {@code ArrayMemoryOps} helper calls
     * everywhere), {@code budget} (or {@code true}: written out in a method that still fits 8,000 B that way and whose
     * helper accesses would use up C2's inlining budget, {@link BytecodeSize#exhaustsInliningBudget}) or {@code always}
     * (written out in every method that still fits; the aot module's tests run the spec suite this way). Off by
     * default because it costs CPython: JMH A/B (engines/aot/README.md, "Steady state") nbody 69 → 16 ms/op with
     * {@code budget}, but py_pystone 904 → 972 and py_go 597 → 660 ms/op (at the edge of the errors); any other value is
     * read as {@code false}.
     */
    static final String MODE = System.getProperty("tailbench.aot.inlineMemory", "false");
    /** whether any method writes its accesses out ({@link #MODE} {@code budget}, {@code true} or {@code always}) */
    static final boolean INLINE = MODE.equals("budget") || MODE.equals("true") || MODE.equals("always");
    /** whether every method that still fits writes its accesses out ({@link #MODE} {@code always}) */
    static final boolean ALWAYS = MODE.equals("always");

    private static final String OPS = "org/tailbench/aot/rt/ArrayMemoryOps";
    private static final String VH = "Ljava/lang/invoke/VarHandle;";

    /**
     * Emits {@code op} with its operands on the JVM stack (address, then the value for a store); leaves a
     * load's value ({@code t}) on the stack.
     */
    static void emit(FunctionGen g, Op op, ValType t, int offset) {
        Asm a = g.a;
        boolean load = !op.signature.endsWith(":");
        int tmp = -1;
        if (!load) {
            tmp = g.storeTmp.computeIfAbsent(t, g::scratch);
            a.store(t, tmp);
        }
        int width = width(op);
        index(g, offset, width);   // [index]
        switch (op) {
            case I32_LOAD8_S -> baload(g);
            case I32_LOAD8_U -> { baload(g); a.iconst(0xFF); a.op(IAND); }
            case I64_LOAD8_S -> { baload(g); a.op(I2L); }
            case I64_LOAD8_U -> { baload(g); a.iconst(0xFF); a.op(IAND); a.op(I2L); }
            case I32_LOAD16_S -> get(g, "I16", "S");
            case I32_LOAD16_U -> { get(g, "I16", "S"); a.op(I2C); }
            case I64_LOAD16_S -> { get(g, "I16", "S"); a.op(I2L); }
            case I64_LOAD16_U -> { get(g, "I16", "S"); a.op(I2C); a.op(I2L); }
            case I32_LOAD -> get(g, "I32", "I");
            case F32_LOAD -> { get(g, "I32", "I"); a.invokeStatic("java/lang/Float", "intBitsToFloat", "(I)F"); }
            case I64_LOAD32_S -> { get(g, "I32", "I"); a.op(I2L); }
            case I64_LOAD32_U -> { get(g, "I32", "I"); a.op(I2L); a.lconst(0xFFFFFFFFL); a.op(LAND); }
            case I64_LOAD -> get(g, "I64", "J");
            case F64_LOAD -> { get(g, "I64", "J"); a.invokeStatic("java/lang/Double", "longBitsToDouble", "(J)D"); }
            case I32_STORE8 -> { arrayUnder(g); a.load(t, tmp); a.op(BASTORE); }
            case I64_STORE8 -> { arrayUnder(g); a.load(t, tmp); a.op(L2I); a.op(BASTORE); }
            case I32_STORE16 -> { vhUnder(g, "I16"); a.load(t, tmp); a.op(I2S); set(g, "S"); }
            case I64_STORE16 -> { vhUnder(g, "I16"); a.load(t, tmp); a.op(L2I); a.op(I2S); set(g, "S"); }
            case I32_STORE -> { vhUnder(g, "I32"); a.load(t, tmp); set(g, "I"); }
            case I64_STORE32 -> { vhUnder(g, "I32"); a.load(t, tmp); a.op(L2I); set(g, "I"); }
            case F32_STORE -> { vhUnder(g, "I32"); a.load(t, tmp); a.invokeStatic("java/lang/Float", "floatToRawIntBits", "(F)I"); set(g, "I"); }
            case I64_STORE -> { vhUnder(g, "I64"); a.load(t, tmp); set(g, "J"); }
            case F64_STORE -> { vhUnder(g, "I64"); a.load(t, tmp); a.invokeStatic("java/lang/Double", "doubleToRawLongBits", "(D)J"); set(g, "J"); }
            default -> throw new IllegalStateException("aot: no inline byte[] access for " + op.text);
        }
    }

    /** @return bytes {@code op} reads or writes */
    static int width(Op op) {
        return switch (op) {
            case I32_LOAD8_S, I32_LOAD8_U, I64_LOAD8_S, I64_LOAD8_U, I32_STORE8, I64_STORE8 -> 1;
            case I32_LOAD16_S, I32_LOAD16_U, I64_LOAD16_S, I64_LOAD16_U, I32_STORE16, I64_STORE16 -> 2;
            case I32_LOAD, F32_LOAD, I64_LOAD32_S, I64_LOAD32_U, I32_STORE, F32_STORE, I64_STORE32 -> 4;
            case I64_LOAD, F64_LOAD, I64_STORE, F64_STORE -> 8;
            default -> throw new IllegalStateException("aot: " + op.text + " is no load or store");
        };
    }

    /** [addr] → [index], or the out-of-bounds trap: {@code ea = u32(addr) + u32(offset) > length - width} */
    private static void index(FunctionGen g, int offset, int width) {
        Asm a = g.a;
        a.op(I2L);
        a.lconst(0xFFFFFFFFL);
        a.op(LAND);
        if (offset != 0) { a.lconst(offset & 0xFFFFFFFFL); a.op(LADD); }
        a.op(DUP2);
        a.aload(g.memSlot);
        a.op(ARRAYLENGTH);
        a.iconst(width);
        a.op(ISUB);
        a.op(I2L);
        a.op(LCMP);
        Label ok = new Label();
        a.jump(IFLE, ok);
        a.invoke(RtCalls.OUT_OF_BOUNDS);
        a.op(ATHROW);
        a.label(ok);
        a.op(L2I);
    }

    /** [index] → [array, index] */
    private static void baload(FunctionGen g) { arrayUnder(g); g.a.op(BALOAD); }

    private static void arrayUnder(FunctionGen g) { g.a.aload(g.memSlot); g.a.op(SWAP); }

    /** [index] → [varHandle, array, index] */
    private static void vhUnder(FunctionGen g, String field) {
        g.a.mv.visitFieldInsn(GETSTATIC, OPS, field, VH);
        g.a.op(SWAP);
        arrayUnder(g);
    }

    /** [index] → [value of JVM type {@code jvm}] */
    private static void get(FunctionGen g, String field, String jvm) {
        vhUnder(g, field);
        g.a.mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/VarHandle", "get", "([BI)" + jvm, false);
    }

    private static void set(FunctionGen g, String jvm) {
        g.a.mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/VarHandle", "set", "([BI" + jvm + ")V", false);
    }
}
