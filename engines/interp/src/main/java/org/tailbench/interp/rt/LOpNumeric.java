package org.tailbench.interp.rt;

import static org.tailbench.interp.rt.NumericOps.*;

import org.tailbench.interp.lower.LOp;

/**
 * The less frequent numeric {@link LOp}s, dispatched by opcode on encoded values, so that an
 * interpreter loop can share one case for all of them and stay small enough for the JIT
 * (HotSpot does not compile methods above 8000 bytecodes).
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
            case LOp.F32_CEIL -> f32Ceil(i);
            case LOp.F32_FLOOR -> f32Floor(i);
            case LOp.F32_TRUNC -> f32Trunc(i);
            case LOp.F32_NEAREST -> f32Nearest(i);
            case LOp.F64_CEIL -> f64Ceil(x);
            case LOp.F64_FLOOR -> f64Floor(x);
            case LOp.F64_TRUNC -> f64Trunc(x);
            case LOp.F64_NEAREST -> f64Nearest(x);
            case LOp.I32_TRUNC_F32_S -> i32TruncF32S(i);
            case LOp.I32_TRUNC_F32_U -> i32TruncF32U(i);
            case LOp.I32_TRUNC_F64_S -> i32TruncF64S(x);
            case LOp.I32_TRUNC_F64_U -> i32TruncF64U(x);
            case LOp.I64_TRUNC_F32_S -> i64TruncF32S(i);
            case LOp.I64_TRUNC_F32_U -> i64TruncF32U(i);
            case LOp.I64_TRUNC_F64_S -> i64TruncF64S(x);
            case LOp.I64_TRUNC_F64_U -> i64TruncF64U(x);
            case LOp.I32_TRUNC_SAT_F32_S -> i32TruncSatS(Float.intBitsToFloat(i));
            case LOp.I32_TRUNC_SAT_F32_U -> i32TruncSatU(Float.intBitsToFloat(i));
            case LOp.I32_TRUNC_SAT_F64_S -> i32TruncSatS(Double.longBitsToDouble(x));
            case LOp.I32_TRUNC_SAT_F64_U -> i32TruncSatU(Double.longBitsToDouble(x));
            case LOp.I64_TRUNC_SAT_F32_S -> i64TruncSatS(Float.intBitsToFloat(i));
            case LOp.I64_TRUNC_SAT_F32_U -> i64TruncSatU(Float.intBitsToFloat(i));
            case LOp.I64_TRUNC_SAT_F64_S -> i64TruncSatS(Double.longBitsToDouble(x));
            case LOp.I64_TRUNC_SAT_F64_U -> i64TruncSatU(Double.longBitsToDouble(x));
            case LOp.F32_CONVERT_I32_S -> Float.floatToRawIntBits((float) i);
            case LOp.F32_CONVERT_I32_U -> Float.floatToRawIntBits((float) (x & 0xFFFFFFFFL));
            case LOp.F32_CONVERT_I64_S -> Float.floatToRawIntBits(f32ConvertS64(x));
            case LOp.F32_CONVERT_I64_U -> Float.floatToRawIntBits(f32ConvertU64(x));
            case LOp.F64_CONVERT_I32_U -> Double.doubleToRawLongBits((double) (x & 0xFFFFFFFFL));
            case LOp.F64_CONVERT_I64_S -> Double.doubleToRawLongBits((double) x);
            case LOp.F64_CONVERT_I64_U -> Double.doubleToRawLongBits(f64ConvertU64(x));
            case LOp.F32_DEMOTE_F64 -> Float.floatToRawIntBits((float) Double.longBitsToDouble(x));
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
            case LOp.F32_MIN -> f32Min((int) x, (int) y);
            case LOp.F32_MAX -> f32Max((int) x, (int) y);
            case LOp.F32_COPYSIGN -> f32Copysign((int) x, (int) y);
            case LOp.F64_MIN -> f64Min(x, y);
            case LOp.F64_MAX -> f64Max(x, y);
            case LOp.F64_COPYSIGN -> f64Copysign(x, y);
            case LOp.I32_ROTL -> Integer.rotateLeft((int) x, (int) y);
            case LOp.I32_ROTR -> Integer.rotateRight((int) x, (int) y);
            case LOp.I64_ROTL -> Long.rotateLeft(x, (int) y);
            case LOp.I64_ROTR -> Long.rotateRight(x, (int) y);
            default -> throw new IllegalStateException("not a binary numeric instruction: " + LOp.NAMES[op]);
        };
    }
}
