package org.tailbench.interp.rt;

import static org.tailbench.runtime.NumericOps.*;

import org.tailbench.interp.lower.LOp;

/**
 * The less frequent numeric {@link LOp}s, dispatched by opcode on encoded values, so that an
 * interpreter loop can share one case for all of them and stay small enough for the JIT
 * (HotSpot does not compile methods above 8000 bytecodes). The semantics is {@link org.tailbench.runtime.NumericOps},
 * called on the raw bits of the interpreters' {@code long} slots.
 */
public final class LOpNumeric {
    /** the ops an engine may run through one generic {@link #unary} instruction: no dedicated fast path */
    private static final int[] GROUPED_UNARY = {
        LOp.F32_CEIL, LOp.F32_FLOOR, LOp.F32_TRUNC, LOp.F32_NEAREST, LOp.F64_CEIL, LOp.F64_FLOOR, LOp.F64_TRUNC, LOp.F64_NEAREST,
        LOp.I32_TRUNC_F32_S, LOp.I32_TRUNC_F32_U, LOp.I32_TRUNC_F64_S, LOp.I32_TRUNC_F64_U,
        LOp.I64_TRUNC_F32_S, LOp.I64_TRUNC_F32_U, LOp.I64_TRUNC_F64_S, LOp.I64_TRUNC_F64_U,
        LOp.I32_TRUNC_SAT_F32_S, LOp.I32_TRUNC_SAT_F32_U, LOp.I32_TRUNC_SAT_F64_S, LOp.I32_TRUNC_SAT_F64_U,
        LOp.I64_TRUNC_SAT_F32_S, LOp.I64_TRUNC_SAT_F32_U, LOp.I64_TRUNC_SAT_F64_S, LOp.I64_TRUNC_SAT_F64_U,
        LOp.F32_CONVERT_I32_S, LOp.F32_CONVERT_I32_U, LOp.F32_CONVERT_I64_S, LOp.F32_CONVERT_I64_U,
        LOp.F64_CONVERT_I32_U, LOp.F64_CONVERT_I64_S, LOp.F64_CONVERT_I64_U, LOp.F32_DEMOTE_F64,
        LOp.I32_EXTEND8_S, LOp.I32_EXTEND16_S, LOp.I64_EXTEND8_S, LOp.I64_EXTEND16_S, LOp.I64_EXTEND32_S,
        LOp.I32_CLZ, LOp.I32_CTZ, LOp.I32_POPCNT, LOp.I64_CLZ, LOp.I64_CTZ, LOp.I64_POPCNT,
    };
    /** the ops an engine may run through one generic {@link #binary} instruction */
    private static final int[] GROUPED_BINARY = {
        LOp.F32_MIN, LOp.F32_MAX, LOp.F32_COPYSIGN, LOp.F64_MIN, LOp.F64_MAX, LOp.F64_COPYSIGN,
        LOp.I32_ROTL, LOp.I32_ROTR, LOp.I64_ROTL, LOp.I64_ROTR,
    };
    private static final boolean[] IS_GROUPED_UNARY = table(GROUPED_UNARY), IS_GROUPED_BINARY = table(GROUPED_BINARY);

    private LOpNumeric() {}

    private static boolean[] table(int[] ops) {
        boolean[] t = new boolean[LOp.COUNT];
        for (int op : ops) t[op] = true;
        return t;
    }

    /**
     * For engines that build one instruction object per opcode at decode time (not on a hot path).
     * @param op an {@link LOp} opcode, {@code 0 <= op < LOp.COUNT}
     * @return whether {@code op} is one of the rare unary ops (rounding, truncation, conversion,
     *         sign extension, bit counting) that such an engine runs through {@link #unary}
     */
    public static boolean isGroupedUnary(int op) { return IS_GROUPED_UNARY[op]; }

    /**
     * @param op an {@link LOp} opcode, {@code 0 <= op < LOp.COUNT}
     * @return whether {@code op} is one of the rare binary ops (min, max, copysign, rotations) that
     *         such an engine runs through {@link #binary}
     */
    public static boolean isGroupedBinary(int op) { return IS_GROUPED_BINARY[op]; }

    /**
     * @param x the operand, encoded as {@link org.tailbench.wasm.ValType} says
     * @return the result, encoded likewise
     * @throws org.tailbench.runtime.Trap for trapping truncations (NaN, out of range)
     * @throws IllegalStateException when {@code op} is not handled here
     */
    public static long unary(int op, long x) {
        int i = (int) x;
        return switch (op) {
            case LOp.F32_CEIL -> b(f32Ceil(f(i)));
            case LOp.F32_FLOOR -> b(f32Floor(f(i)));
            case LOp.F32_TRUNC -> b(f32Trunc(f(i)));
            case LOp.F32_NEAREST -> b(f32Nearest(f(i)));
            case LOp.F64_CEIL -> b(f64Ceil(d(x)));
            case LOp.F64_FLOOR -> b(f64Floor(d(x)));
            case LOp.F64_TRUNC -> b(f64Trunc(d(x)));
            case LOp.F64_NEAREST -> b(f64Nearest(d(x)));
            case LOp.I32_TRUNC_F32_S -> i32TruncF32S(f(i));
            case LOp.I32_TRUNC_F32_U -> i32TruncF32U(f(i));
            case LOp.I32_TRUNC_F64_S -> i32TruncF64S(d(x));
            case LOp.I32_TRUNC_F64_U -> i32TruncF64U(d(x));
            case LOp.I64_TRUNC_F32_S -> i64TruncF32S(f(i));
            case LOp.I64_TRUNC_F32_U -> i64TruncF32U(f(i));
            case LOp.I64_TRUNC_F64_S -> i64TruncF64S(d(x));
            case LOp.I64_TRUNC_F64_U -> i64TruncF64U(d(x));
            case LOp.I32_TRUNC_SAT_F32_S -> i32TruncSatF32S(f(i));
            case LOp.I32_TRUNC_SAT_F32_U -> i32TruncSatF32U(f(i));
            case LOp.I32_TRUNC_SAT_F64_S -> i32TruncSatF64S(d(x));
            case LOp.I32_TRUNC_SAT_F64_U -> i32TruncSatF64U(d(x));
            case LOp.I64_TRUNC_SAT_F32_S -> i64TruncSatF32S(f(i));
            case LOp.I64_TRUNC_SAT_F32_U -> i64TruncSatF32U(f(i));
            case LOp.I64_TRUNC_SAT_F64_S -> i64TruncSatF64S(d(x));
            case LOp.I64_TRUNC_SAT_F64_U -> i64TruncSatF64U(d(x));
            case LOp.F32_CONVERT_I32_S -> b((float) i);
            case LOp.F32_CONVERT_I32_U -> b(f32ConvertI32U(i));
            case LOp.F32_CONVERT_I64_S -> b(f32ConvertI64S(x));
            case LOp.F32_CONVERT_I64_U -> b(f32ConvertI64U(x));
            case LOp.F64_CONVERT_I32_U -> b(f64ConvertI32U(i));
            case LOp.F64_CONVERT_I64_S -> b((double) x);
            case LOp.F64_CONVERT_I64_U -> b(f64ConvertI64U(x));
            case LOp.F32_DEMOTE_F64 -> b((float) d(x));
            case LOp.I32_EXTEND8_S -> (byte) x;
            case LOp.I32_EXTEND16_S -> (short) x;
            case LOp.I64_EXTEND8_S -> (byte) x;
            case LOp.I64_EXTEND16_S -> (short) x;
            case LOp.I64_EXTEND32_S, LOp.I64_EXTEND_I32_S -> (int) x;
            case LOp.I64_EXTEND_I32_U -> x & 0xFFFFFFFFL;
            case LOp.I32_WRAP_I64 -> (int) x;
            case LOp.I64_CLZ -> Long.numberOfLeadingZeros(x);
            case LOp.I64_CTZ -> Long.numberOfTrailingZeros(x);
            case LOp.I64_POPCNT -> Long.bitCount(x);
            case LOp.I32_CLZ -> Integer.numberOfLeadingZeros(i);
            case LOp.I32_CTZ -> Integer.numberOfTrailingZeros(i);
            case LOp.I32_POPCNT -> Integer.bitCount(i);
            default -> throw new IllegalStateException("not a unary numeric instruction: " + LOp.NAMES[op]);
        };
    }

    /**
     * @return {@code x op y} on encoded values
     * @throws IllegalStateException when {@code op} is not handled here
     */
    public static long binary(int op, long x, long y) {
        return switch (op) {
            case LOp.F32_MIN -> b(f32Min(f((int) x), f((int) y)));
            case LOp.F32_MAX -> b(f32Max(f((int) x), f((int) y)));
            case LOp.F32_COPYSIGN -> b(f32Copysign(f((int) x), f((int) y)));
            case LOp.F64_MIN -> b(f64Min(d(x), d(y)));
            case LOp.F64_MAX -> b(f64Max(d(x), d(y)));
            case LOp.F64_COPYSIGN -> b(f64Copysign(d(x), d(y)));
            case LOp.I32_ROTL -> Integer.rotateLeft((int) x, (int) y);
            case LOp.I32_ROTR -> Integer.rotateRight((int) x, (int) y);
            case LOp.I64_ROTL -> Long.rotateLeft(x, (int) y);
            case LOp.I64_ROTR -> Long.rotateRight(x, (int) y);
            default -> throw new IllegalStateException("not a binary numeric instruction: " + LOp.NAMES[op]);
        };
    }

    private static float f(int bits) { return Float.intBitsToFloat(bits); }
    private static double d(long bits) { return Double.longBitsToDouble(bits); }
    /** f32 result as the slot holds it: raw bits, sign-extended */
    private static int b(float v) { return Float.floatToRawIntBits(v); }
    private static long b(double v) { return Double.doubleToRawLongBits(v); }
}
