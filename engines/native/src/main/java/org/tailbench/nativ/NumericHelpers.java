package org.tailbench.nativ;

import org.tailbench.runtime.NumericOps;
import org.tailbench.wasm.Op;

/** The numeric instructions the native code leaves to Java ({@link Abi#UP_NUMERIC}): truncations and u64 conversions. */
final class NumericHelpers {
    private NumericHelpers() {}

    /**
     * @param x the operand, raw bits (f32 in the low 32 bits)
     * @return the result encoded as {@link org.tailbench.wasm.ValType} says
     * @throws org.tailbench.runtime.Trap for trapping truncations of NaN or out-of-range values
     */
    static long eval(Op op, long x) {
        float f = Float.intBitsToFloat((int) x);
        double d = Double.longBitsToDouble(x);
        return switch (op) {
            case I32_TRUNC_F32_S -> NumericOps.i32TruncF32S(f);
            case I32_TRUNC_F32_U -> NumericOps.i32TruncF32U(f);
            case I32_TRUNC_F64_S -> NumericOps.i32TruncF64S(d);
            case I32_TRUNC_F64_U -> NumericOps.i32TruncF64U(d);
            case I64_TRUNC_F32_S -> NumericOps.i64TruncF32S(f);
            case I64_TRUNC_F32_U -> NumericOps.i64TruncF32U(f);
            case I64_TRUNC_F64_S -> NumericOps.i64TruncF64S(d);
            case I64_TRUNC_F64_U -> NumericOps.i64TruncF64U(d);
            case I32_TRUNC_SAT_F32_S -> NumericOps.i32TruncSatF32S(f);
            case I32_TRUNC_SAT_F32_U -> NumericOps.i32TruncSatF32U(f);
            case I32_TRUNC_SAT_F64_S -> NumericOps.i32TruncSatF64S(d);
            case I32_TRUNC_SAT_F64_U -> NumericOps.i32TruncSatF64U(d);
            case I64_TRUNC_SAT_F32_S -> NumericOps.i64TruncSatF32S(f);
            case I64_TRUNC_SAT_F32_U -> NumericOps.i64TruncSatF32U(f);
            case I64_TRUNC_SAT_F64_S -> NumericOps.i64TruncSatF64S(d);
            case I64_TRUNC_SAT_F64_U -> NumericOps.i64TruncSatF64U(d);
            case F32_CONVERT_I64_U -> Float.floatToRawIntBits(NumericOps.f32ConvertI64U(x));
            case F64_CONVERT_I64_U -> Double.doubleToRawLongBits(NumericOps.f64ConvertI64U(x));
            default -> throw new IllegalStateException("native: no Java helper for " + op.text);
        };
    }
}
