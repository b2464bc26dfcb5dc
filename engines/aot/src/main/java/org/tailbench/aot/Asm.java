package org.tailbench.aot;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.tailbench.wasm.ValType;

/**
 * A small macro assembler over an ASM {@link MethodVisitor}: typed loads, stores, pops, constants and
 * the conversions between JVM values and the {@code long} encoding of {@link ValType}.
 */
final class Asm {
    final MethodVisitor mv;

    Asm(MethodVisitor mv) { this.mv = mv; }

    void op(int opcode) { mv.visitInsn(opcode); }
    void jump(int opcode, Label l) { mv.visitJumpInsn(opcode, l); }
    void label(Label l) { mv.visitLabel(l); }
    void iconst(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }
    void lconst(long v) {
        if (v == 0 || v == 1) mv.visitInsn((int) (LCONST_0 + v));
        else mv.visitLdcInsn(v);
    }
    /** an f32 constant from its bits (NaN payloads kept: NaNs go through {@link Float#intBitsToFloat}) */
    void fconst(int bits) {
        float f = Float.intBitsToFloat(bits);
        if (f != f) { iconst(bits); invokeStatic("java/lang/Float", "intBitsToFloat", "(I)F"); }
        else if (bits == 0) mv.visitInsn(FCONST_0);
        else mv.visitLdcInsn(f);
    }
    void dconst(long bits) {
        double d = Double.longBitsToDouble(bits);
        if (d != d) { lconst(bits); invokeStatic("java/lang/Double", "longBitsToDouble", "(J)D"); }
        else if (bits == 0) mv.visitInsn(DCONST_0);
        else mv.visitLdcInsn(d);
    }

    void load(ValType t, int slot) { mv.visitVarInsn(CallingConvention.jvmType(t).getOpcode(ILOAD), slot); }
    void store(ValType t, int slot) { mv.visitVarInsn(CallingConvention.jvmType(t).getOpcode(ISTORE), slot); }
    void aload(int slot) { mv.visitVarInsn(ALOAD, slot); }
    void astore(int slot) { mv.visitVarInsn(ASTORE, slot); }
    void pop(ValType t) { mv.visitInsn(CallingConvention.size(t) == 2 ? POP2 : POP); }
    void ret(Type t) { mv.visitInsn(t.getOpcode(IRETURN)); }

    /** pushes the zero value of {@code t} (of a JVM return type; nothing for void) */
    void zero(Type t) {
        switch (t.getSort()) {
            case Type.VOID -> { }
            case Type.INT -> op(ICONST_0);
            case Type.LONG -> op(LCONST_0);
            case Type.FLOAT -> op(FCONST_0);
            case Type.DOUBLE -> op(DCONST_0);
            default -> throw new IllegalArgumentException(t.toString());
        }
    }
    void zero(ValType t) { zero(CallingConvention.jvmType(t)); }

    /** value of {@code t} on top → its long encoding */
    void toLong(ValType t) {
        switch (t) {
            case I32 -> op(I2L);
            case F32 -> { invokeStatic("java/lang/Float", "floatToRawIntBits", "(F)I"); op(I2L); }
            case F64 -> invokeStatic("java/lang/Double", "doubleToRawLongBits", "(D)J");
            default -> { }
        }
    }

    /** long encoding on top → value of {@code t} */
    void fromLong(ValType t) {
        switch (t) {
            case I32 -> op(L2I);
            case F32 -> { op(L2I); invokeStatic("java/lang/Float", "intBitsToFloat", "(I)F"); }
            case F64 -> invokeStatic("java/lang/Double", "longBitsToDouble", "(J)D");
            default -> { }
        }
    }

    void invokeStatic(String owner, String name, String desc) { mv.visitMethodInsn(INVOKESTATIC, owner, name, desc, false); }
    /** {@code invokestatic} of a method named by a method reference ({@link RtCalls}, {@link MemoryCalls}, {@link NumericGen#SHARED}) */
    void invoke(MethodRefs.StaticCall c) { mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.name(), c.desc(), false); }
    /** {@code invokevirtual} of a method named by a method reference ({@link RtCalls}) */
    void invoke(MethodRefs.VirtualCall c) { mv.visitMethodInsn(INVOKEVIRTUAL, c.owner(), c.name(), c.desc(), false); }
    void getField(String owner, String name, String desc) { mv.visitFieldInsn(GETFIELD, owner, name, desc); }
    void putField(String owner, String name, String desc) { mv.visitFieldInsn(PUTFIELD, owner, name, desc); }

    /** loads {@code arr[index]} (a long[] in {@code slot}) decoded to {@code t} */
    void loadSlot(int arraySlot, int index, ValType t) {
        aload(arraySlot);
        iconst(index);
        op(LALOAD);
        fromLong(t);
    }
}
