package org.tailbench.aot;

import static org.objectweb.asm.Opcodes.*;

import java.util.EnumMap;
import org.objectweb.asm.Label;
import org.tailbench.aot.MethodRefs.D_D;
import org.tailbench.aot.MethodRefs.D_I;
import org.tailbench.aot.MethodRefs.D_J;
import org.tailbench.aot.MethodRefs.DD_D;
import org.tailbench.aot.MethodRefs.F_F;
import org.tailbench.aot.MethodRefs.F_I;
import org.tailbench.aot.MethodRefs.F_J;
import org.tailbench.aot.MethodRefs.FF_F;
import org.tailbench.aot.MethodRefs.I_D;
import org.tailbench.aot.MethodRefs.I_F;
import org.tailbench.aot.MethodRefs.II_I;
import org.tailbench.aot.MethodRefs.J_D;
import org.tailbench.aot.MethodRefs.J_F;
import org.tailbench.aot.MethodRefs.JJ_J;
import org.tailbench.aot.MethodRefs.StaticCall;
import org.tailbench.runtime.NumericOps;
import org.tailbench.wasm.Op;

/**
 * Code generation of the numeric instructions (spec 2.0 §4.3): one JVM instruction where the JVM has
 * the Wasm semantics, else a call of the shared semantics {@link NumericOps} (small static methods C2
 * inlines), named by method references the Java compiler checks ({@link #SHARED}). A call that can trap goes
 * through the class's {@code $<name>} helper ({@link ClassGen#framedHelper}), which adds the Wasm backtrace.
 * Comparisons are generated as conditional jumps ({@link #condition}) so that {@code br_if} / {@code if}
 * right after a comparison jump on it directly.
 */
final class NumericGen {
    /** A call of the shared semantics for an instruction; {@code traps}: it may throw a {@code Trap}. */
    record Shared(StaticCall call, boolean traps) {}

    /** The instructions computed by a method of {@link NumericOps}; checked against {@link Op#signature} here. */
    static final EnumMap<Op, Shared> SHARED = new EnumMap<>(Op.class);

    static {
        pure(Op.F32_ABS, (F_F) NumericOps::f32Abs);
        pure(Op.F32_NEG, (F_F) NumericOps::f32Neg);
        pure(Op.F32_CEIL, (F_F) NumericOps::f32Ceil);
        pure(Op.F32_FLOOR, (F_F) NumericOps::f32Floor);
        pure(Op.F32_TRUNC, (F_F) NumericOps::f32Trunc);
        pure(Op.F32_NEAREST, (F_F) NumericOps::f32Nearest);
        pure(Op.F32_SQRT, (F_F) NumericOps::f32Sqrt);
        pure(Op.F32_MIN, (FF_F) NumericOps::f32Min);
        pure(Op.F32_MAX, (FF_F) NumericOps::f32Max);
        pure(Op.F32_COPYSIGN, (FF_F) NumericOps::f32Copysign);
        pure(Op.F64_ABS, (D_D) NumericOps::f64Abs);
        pure(Op.F64_NEG, (D_D) NumericOps::f64Neg);
        pure(Op.F64_CEIL, (D_D) NumericOps::f64Ceil);
        pure(Op.F64_FLOOR, (D_D) NumericOps::f64Floor);
        pure(Op.F64_TRUNC, (D_D) NumericOps::f64Trunc);
        pure(Op.F64_NEAREST, (D_D) NumericOps::f64Nearest);
        pure(Op.F64_MIN, (DD_D) NumericOps::f64Min);
        pure(Op.F64_MAX, (DD_D) NumericOps::f64Max);
        pure(Op.F64_COPYSIGN, (DD_D) NumericOps::f64Copysign);
        trapping(Op.I32_DIV_S, (II_I) NumericOps::i32DivS);
        trapping(Op.I32_DIV_U, (II_I) NumericOps::i32DivU);
        trapping(Op.I32_REM_S, (II_I) NumericOps::i32RemS);
        trapping(Op.I32_REM_U, (II_I) NumericOps::i32RemU);
        trapping(Op.I64_DIV_S, (JJ_J) NumericOps::i64DivS);
        trapping(Op.I64_DIV_U, (JJ_J) NumericOps::i64DivU);
        trapping(Op.I64_REM_S, (JJ_J) NumericOps::i64RemS);
        trapping(Op.I64_REM_U, (JJ_J) NumericOps::i64RemU);
        trapping(Op.I32_TRUNC_F32_S, (F_I) NumericOps::i32TruncF32S);
        trapping(Op.I32_TRUNC_F32_U, (F_I) NumericOps::i32TruncF32U);
        trapping(Op.I32_TRUNC_F64_S, (D_I) NumericOps::i32TruncF64S);
        trapping(Op.I32_TRUNC_F64_U, (D_I) NumericOps::i32TruncF64U);
        trapping(Op.I64_TRUNC_F32_S, (F_J) NumericOps::i64TruncF32S);
        trapping(Op.I64_TRUNC_F32_U, (F_J) NumericOps::i64TruncF32U);
        trapping(Op.I64_TRUNC_F64_S, (D_J) NumericOps::i64TruncF64S);
        trapping(Op.I64_TRUNC_F64_U, (D_J) NumericOps::i64TruncF64U);
        pure(Op.I32_TRUNC_SAT_F32_U, (F_I) NumericOps::i32TruncSatF32U);
        pure(Op.I32_TRUNC_SAT_F64_U, (D_I) NumericOps::i32TruncSatF64U);
        pure(Op.I64_TRUNC_SAT_F32_U, (F_J) NumericOps::i64TruncSatF32U);
        pure(Op.I64_TRUNC_SAT_F64_U, (D_J) NumericOps::i64TruncSatF64U);
        pure(Op.F32_CONVERT_I32_U, (I_F) NumericOps::f32ConvertI32U);
        pure(Op.F32_CONVERT_I64_U, (J_F) NumericOps::f32ConvertI64U);
        pure(Op.F64_CONVERT_I32_U, (I_D) NumericOps::f64ConvertI32U);
        pure(Op.F64_CONVERT_I64_U, (J_D) NumericOps::f64ConvertI64U);
    }

    private NumericGen() {}

    private static void pure(Op op, java.io.Serializable ref) { put(op, ref, false); }
    private static void trapping(Op op, java.io.Serializable ref) { put(op, ref, true); }

    private static void put(Op op, java.io.Serializable ref, boolean traps) {
        StaticCall c = MethodRefs.resolve(ref);
        String expected = MethodRefs.descriptor(op.signature);
        if (!c.desc().equals(expected)) {
            throw new IllegalStateException("aot: " + op.text + " is " + op.signature + " (" + expected + ") but "
                    + c.owner() + "." + c.name() + " is " + c.desc());
        }
        if (SHARED.put(op, new Shared(c, traps)) != null) throw new IllegalStateException("aot: two methods for " + op.text);
    }

    /** @return true for the comparisons (and {@code ref.is_null}) that {@link #condition} handles */
    static boolean isComparison(Op op) {
        return switch (op) {
            case I32_EQZ, I32_EQ, I32_NE, I32_LT_S, I32_LT_U, I32_GT_S, I32_GT_U, I32_LE_S, I32_LE_U, I32_GE_S, I32_GE_U,
                 I64_EQZ, I64_EQ, I64_NE, I64_LT_S, I64_LT_U, I64_GT_S, I64_GT_U, I64_LE_S, I64_LE_U, I64_GE_S, I64_GE_U,
                 F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE, F64_EQ, F64_NE, F64_LT, F64_GT, F64_LE, F64_GE, REF_IS_NULL -> true;
            default -> false;
        };
    }

    /**
     * Emits the part of comparison {@code op} that consumes its operands and leaves what the returned
     * jump instruction tests.
     * @return the JVM jump opcode that jumps exactly when the comparison is true
     */
    static int condition(Op op, Asm a) {
        switch (op) {
            case I32_EQZ: return IFEQ;
            case I32_EQ: return IF_ICMPEQ;
            case I32_NE: return IF_ICMPNE;
            case I32_LT_S: return IF_ICMPLT;
            case I32_GT_S: return IF_ICMPGT;
            case I32_LE_S: return IF_ICMPLE;
            case I32_GE_S: return IF_ICMPGE;
            case I32_LT_U: case I32_GT_U: case I32_LE_U: case I32_GE_U:
                a.invokeStatic("java/lang/Integer", "compareUnsigned", "(II)I");
                return signTest(op);
            case I64_EQZ: a.op(LCONST_0); a.op(LCMP); return IFEQ;
            case REF_IS_NULL: a.lconst(-1L); a.op(LCMP); return IFEQ;
            case I64_EQ: a.op(LCMP); return IFEQ;
            case I64_NE: a.op(LCMP); return IFNE;
            case I64_LT_S: case I64_GT_S: case I64_LE_S: case I64_GE_S:
                a.op(LCMP); return signTest(op);
            case I64_LT_U: case I64_GT_U: case I64_LE_U: case I64_GE_U:
                a.invokeStatic("java/lang/Long", "compareUnsigned", "(JJ)I");
                return signTest(op);
            // NaN: fcmpl gives -1, fcmpg +1; each choice makes the comparison false for NaN
            case F32_EQ: a.op(FCMPL); return IFEQ;
            case F32_NE: a.op(FCMPL); return IFNE;
            case F32_LT: a.op(FCMPG); return IFLT;
            case F32_GT: a.op(FCMPL); return IFGT;
            case F32_LE: a.op(FCMPG); return IFLE;
            case F32_GE: a.op(FCMPL); return IFGE;
            case F64_EQ: a.op(DCMPL); return IFEQ;
            case F64_NE: a.op(DCMPL); return IFNE;
            case F64_LT: a.op(DCMPG); return IFLT;
            case F64_GT: a.op(DCMPL); return IFGT;
            case F64_LE: a.op(DCMPG); return IFLE;
            case F64_GE: a.op(DCMPL); return IFGE;
            default: throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    private static int signTest(Op op) {
        String t = op.text;
        if (t.contains("lt")) return IFLT;
        if (t.contains("gt")) return IFGT;
        if (t.contains("le")) return IFLE;
        return IFGE;
    }

    /** @return the jump opcode with the opposite condition (exact also after fcmpl/fcmpg) */
    static int invert(int jump) {
        return switch (jump) {
            case IFEQ -> IFNE; case IFNE -> IFEQ; case IFLT -> IFGE; case IFGE -> IFLT; case IFGT -> IFLE; case IFLE -> IFGT;
            case IF_ICMPEQ -> IF_ICMPNE; case IF_ICMPNE -> IF_ICMPEQ; case IF_ICMPLT -> IF_ICMPGE; case IF_ICMPGE -> IF_ICMPLT;
            case IF_ICMPGT -> IF_ICMPLE; case IF_ICMPLE -> IF_ICMPGT;
            default -> throw new IllegalArgumentException("jump " + jump);
        };
    }

    /** Materialises comparison {@code op} as an i32 0 / 1. */
    static void compare(Op op, Asm a) {
        int jump = condition(op, a);
        Label yes = new Label(), done = new Label();
        a.jump(jump, yes);
        a.op(ICONST_0);
        a.jump(GOTO, done);
        a.label(yes);
        a.op(ICONST_1);
        a.label(done);
    }

    /**
     * Emits a non-comparison numeric instruction of a method of class {@code cls}.
     * @return false when {@code op} is not one
     */
    static boolean emit(Op op, Asm a, ClassGen cls) {
        Shared shared = SHARED.get(op);
        if (shared != null) {
            StaticCall c = shared.call();
            if (shared.traps()) a.invokeStatic(cls.name, cls.framedHelper(c), c.desc());
            else a.invokeStatic(c.owner(), c.name(), c.desc());
            return true;
        }
        switch (op) {
            case I32_CLZ -> a.invokeStatic("java/lang/Integer", "numberOfLeadingZeros", "(I)I");
            case I32_CTZ -> a.invokeStatic("java/lang/Integer", "numberOfTrailingZeros", "(I)I");
            case I32_POPCNT -> a.invokeStatic("java/lang/Integer", "bitCount", "(I)I");
            case I32_ADD -> a.op(IADD);
            case I32_SUB -> a.op(ISUB);
            case I32_MUL -> a.op(IMUL);
            case I32_AND -> a.op(IAND);
            case I32_OR -> a.op(IOR);
            case I32_XOR -> a.op(IXOR);
            case I32_SHL -> a.op(ISHL);
            case I32_SHR_S -> a.op(ISHR);
            case I32_SHR_U -> a.op(IUSHR);
            case I32_ROTL -> a.invokeStatic("java/lang/Integer", "rotateLeft", "(II)I");
            case I32_ROTR -> a.invokeStatic("java/lang/Integer", "rotateRight", "(II)I");
            case I64_CLZ -> { a.invokeStatic("java/lang/Long", "numberOfLeadingZeros", "(J)I"); a.op(I2L); }
            case I64_CTZ -> { a.invokeStatic("java/lang/Long", "numberOfTrailingZeros", "(J)I"); a.op(I2L); }
            case I64_POPCNT -> { a.invokeStatic("java/lang/Long", "bitCount", "(J)I"); a.op(I2L); }
            case I64_ADD -> a.op(LADD);
            case I64_SUB -> a.op(LSUB);
            case I64_MUL -> a.op(LMUL);
            case I64_AND -> a.op(LAND);
            case I64_OR -> a.op(LOR);
            case I64_XOR -> a.op(LXOR);
            case I64_SHL -> { a.op(L2I); a.op(LSHL); }
            case I64_SHR_S -> { a.op(L2I); a.op(LSHR); }
            case I64_SHR_U -> { a.op(L2I); a.op(LUSHR); }
            case I64_ROTL -> { a.op(L2I); a.invokeStatic("java/lang/Long", "rotateLeft", "(JI)J"); }
            case I64_ROTR -> { a.op(L2I); a.invokeStatic("java/lang/Long", "rotateRight", "(JI)J"); }
            case F32_ADD -> a.op(FADD);
            case F32_SUB -> a.op(FSUB);
            case F32_MUL -> a.op(FMUL);
            case F32_DIV -> a.op(FDIV);
            case F64_SQRT -> a.invokeStatic("java/lang/Math", "sqrt", "(D)D");
            case F64_ADD -> a.op(DADD);
            case F64_SUB -> a.op(DSUB);
            case F64_MUL -> a.op(DMUL);
            case F64_DIV -> a.op(DDIV);
            case I32_WRAP_I64 -> a.op(L2I);
            case I64_EXTEND_I32_S -> a.op(I2L);
            case I64_EXTEND_I32_U -> a.invokeStatic("java/lang/Integer", "toUnsignedLong", "(I)J");
            case F32_CONVERT_I32_S -> a.op(I2F);
            case F32_CONVERT_I64_S -> a.op(L2F);
            case F32_DEMOTE_F64 -> a.op(D2F);
            case F64_CONVERT_I32_S -> a.op(I2D);
            case F64_CONVERT_I64_S -> a.op(L2D);
            case F64_PROMOTE_F32 -> a.op(F2D);
            case I32_REINTERPRET_F32 -> a.invokeStatic("java/lang/Float", "floatToRawIntBits", "(F)I");
            case I64_REINTERPRET_F64 -> a.invokeStatic("java/lang/Double", "doubleToRawLongBits", "(D)J");
            case F32_REINTERPRET_I32 -> a.invokeStatic("java/lang/Float", "intBitsToFloat", "(I)F");
            case F64_REINTERPRET_I64 -> a.invokeStatic("java/lang/Double", "longBitsToDouble", "(J)D");
            case I32_EXTEND8_S -> a.op(I2B);
            case I32_EXTEND16_S -> a.op(I2S);
            case I64_EXTEND8_S -> { a.op(L2I); a.op(I2B); a.op(I2L); }
            case I64_EXTEND16_S -> { a.op(L2I); a.op(I2S); a.op(I2L); }
            case I64_EXTEND32_S -> { a.op(L2I); a.op(I2L); }
            case I32_TRUNC_SAT_F32_S -> a.op(F2I);
            case I32_TRUNC_SAT_F64_S -> a.op(D2I);
            case I64_TRUNC_SAT_F32_S -> a.op(F2L);
            case I64_TRUNC_SAT_F64_S -> a.op(D2L);
            default -> { return false; }
        }
        return true;
    }
}
