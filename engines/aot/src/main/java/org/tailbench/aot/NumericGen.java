package org.tailbench.aot;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.tailbench.wasm.Op;

/**
 * Code generation of the numeric instructions (spec 2.0 §4.3): one JVM instruction where the JVM has
 * the Wasm semantics, else a call of a small static helper in {@code rt.NumericOps} (which C2 inlines).
 * Comparisons are generated as conditional jumps ({@link #condition}) so that {@code br_if} / {@code if}
 * right after a comparison jump on it directly.
 */
final class NumericGen {
    private static final String OPS = "org/tailbench/aot/rt/NumericOps";

    private NumericGen() {}

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

    /** Emits a non-comparison numeric instruction. @return false when {@code op} is not one */
    static boolean emit(Op op, Asm a) {
        switch (op) {
            case I32_CLZ -> a.invokeStatic("java/lang/Integer", "numberOfLeadingZeros", "(I)I");
            case I32_CTZ -> a.invokeStatic("java/lang/Integer", "numberOfTrailingZeros", "(I)I");
            case I32_POPCNT -> a.invokeStatic("java/lang/Integer", "bitCount", "(I)I");
            case I32_ADD -> a.op(IADD);
            case I32_SUB -> a.op(ISUB);
            case I32_MUL -> a.op(IMUL);
            case I32_DIV_S -> ops(a, "i32DivS", "(II)I");
            case I32_DIV_U -> ops(a, "i32DivU", "(II)I");
            case I32_REM_S -> ops(a, "i32RemS", "(II)I");
            case I32_REM_U -> ops(a, "i32RemU", "(II)I");
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
            case I64_DIV_S -> ops(a, "i64DivS", "(JJ)J");
            case I64_DIV_U -> ops(a, "i64DivU", "(JJ)J");
            case I64_REM_S -> ops(a, "i64RemS", "(JJ)J");
            case I64_REM_U -> ops(a, "i64RemU", "(JJ)J");
            case I64_AND -> a.op(LAND);
            case I64_OR -> a.op(LOR);
            case I64_XOR -> a.op(LXOR);
            case I64_SHL -> { a.op(L2I); a.op(LSHL); }
            case I64_SHR_S -> { a.op(L2I); a.op(LSHR); }
            case I64_SHR_U -> { a.op(L2I); a.op(LUSHR); }
            case I64_ROTL -> { a.op(L2I); a.invokeStatic("java/lang/Long", "rotateLeft", "(JI)J"); }
            case I64_ROTR -> { a.op(L2I); a.invokeStatic("java/lang/Long", "rotateRight", "(JI)J"); }
            case F32_ABS -> ops(a, "f32Abs", "(F)F");
            case F32_NEG -> ops(a, "f32Neg", "(F)F");
            case F32_CEIL -> ops(a, "f32Ceil", "(F)F");
            case F32_FLOOR -> ops(a, "f32Floor", "(F)F");
            case F32_TRUNC -> ops(a, "f32Trunc", "(F)F");
            case F32_NEAREST -> ops(a, "f32Nearest", "(F)F");
            case F32_SQRT -> ops(a, "f32Sqrt", "(F)F");
            case F32_ADD -> a.op(FADD);
            case F32_SUB -> a.op(FSUB);
            case F32_MUL -> a.op(FMUL);
            case F32_DIV -> a.op(FDIV);
            case F32_MIN -> ops(a, "f32Min", "(FF)F");
            case F32_MAX -> ops(a, "f32Max", "(FF)F");
            case F32_COPYSIGN -> ops(a, "f32Copysign", "(FF)F");
            case F64_ABS -> ops(a, "f64Abs", "(D)D");
            case F64_NEG -> ops(a, "f64Neg", "(D)D");
            case F64_CEIL -> ops(a, "f64Ceil", "(D)D");
            case F64_FLOOR -> ops(a, "f64Floor", "(D)D");
            case F64_TRUNC -> ops(a, "f64Trunc", "(D)D");
            case F64_NEAREST -> ops(a, "f64Nearest", "(D)D");
            case F64_SQRT -> a.invokeStatic("java/lang/Math", "sqrt", "(D)D");
            case F64_ADD -> a.op(DADD);
            case F64_SUB -> a.op(DSUB);
            case F64_MUL -> a.op(DMUL);
            case F64_DIV -> a.op(DDIV);
            case F64_MIN -> ops(a, "f64Min", "(DD)D");
            case F64_MAX -> ops(a, "f64Max", "(DD)D");
            case F64_COPYSIGN -> ops(a, "f64Copysign", "(DD)D");
            case I32_WRAP_I64 -> a.op(L2I);
            case I32_TRUNC_F32_S -> ops(a, "i32TruncF32S", "(F)I");
            case I32_TRUNC_F32_U -> ops(a, "i32TruncF32U", "(F)I");
            case I32_TRUNC_F64_S -> ops(a, "i32TruncF64S", "(D)I");
            case I32_TRUNC_F64_U -> ops(a, "i32TruncF64U", "(D)I");
            case I64_EXTEND_I32_S -> a.op(I2L);
            case I64_EXTEND_I32_U -> a.invokeStatic("java/lang/Integer", "toUnsignedLong", "(I)J");
            case I64_TRUNC_F32_S -> ops(a, "i64TruncF32S", "(F)J");
            case I64_TRUNC_F32_U -> ops(a, "i64TruncF32U", "(F)J");
            case I64_TRUNC_F64_S -> ops(a, "i64TruncF64S", "(D)J");
            case I64_TRUNC_F64_U -> ops(a, "i64TruncF64U", "(D)J");
            case F32_CONVERT_I32_S -> a.op(I2F);
            case F32_CONVERT_I32_U -> ops(a, "f32ConvertI32U", "(I)F");
            case F32_CONVERT_I64_S -> a.op(L2F);
            case F32_CONVERT_I64_U -> ops(a, "f32ConvertI64U", "(J)F");
            case F32_DEMOTE_F64 -> a.op(D2F);
            case F64_CONVERT_I32_S -> a.op(I2D);
            case F64_CONVERT_I32_U -> ops(a, "f64ConvertI32U", "(I)D");
            case F64_CONVERT_I64_S -> a.op(L2D);
            case F64_CONVERT_I64_U -> ops(a, "f64ConvertI64U", "(J)D");
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
            case I32_TRUNC_SAT_F32_U -> ops(a, "i32TruncSatF32U", "(F)I");
            case I32_TRUNC_SAT_F64_S -> a.op(D2I);
            case I32_TRUNC_SAT_F64_U -> ops(a, "i32TruncSatF64U", "(D)I");
            case I64_TRUNC_SAT_F32_S -> a.op(F2L);
            case I64_TRUNC_SAT_F32_U -> ops(a, "i64TruncSatF32U", "(F)J");
            case I64_TRUNC_SAT_F64_S -> a.op(D2L);
            case I64_TRUNC_SAT_F64_U -> ops(a, "i64TruncSatF64U", "(D)J");
            default -> { return false; }
        }
        return true;
    }

    private static void ops(Asm a, String name, String desc) { a.invokeStatic(OPS, name, desc); }
}
