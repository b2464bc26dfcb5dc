package org.tailbench.nativ;

import org.tailbench.interp.rt.NumericOps;
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
            case I32_TRUNC_F32_S -> NumericOps.i32TruncF32S((int) x);
            case I32_TRUNC_F32_U -> NumericOps.i32TruncF32U((int) x);
            case I32_TRUNC_F64_S -> NumericOps.i32TruncF64S(x);
            case I32_TRUNC_F64_U -> NumericOps.i32TruncF64U(x);
            case I64_TRUNC_F32_S -> NumericOps.i64TruncF32S((int) x);
            case I64_TRUNC_F32_U -> NumericOps.i64TruncF32U((int) x);
            case I64_TRUNC_F64_S -> NumericOps.i64TruncF64S(x);
            case I64_TRUNC_F64_U -> NumericOps.i64TruncF64U(x);
            case I32_TRUNC_SAT_F32_S -> NumericOps.i32TruncSatS(f);
            case I32_TRUNC_SAT_F32_U -> NumericOps.i32TruncSatU(f);
            case I32_TRUNC_SAT_F64_S -> NumericOps.i32TruncSatS(d);
            case I32_TRUNC_SAT_F64_U -> NumericOps.i32TruncSatU(d);
            case I64_TRUNC_SAT_F32_S -> NumericOps.i64TruncSatS(f);
            case I64_TRUNC_SAT_F32_U -> NumericOps.i64TruncSatU(f);
            case I64_TRUNC_SAT_F64_S -> NumericOps.i64TruncSatS(d);
            case I64_TRUNC_SAT_F64_U -> NumericOps.i64TruncSatU(d);
            case F32_CONVERT_I64_U -> Float.floatToRawIntBits(NumericOps.f32ConvertU64(x));
            case F64_CONVERT_I64_U -> Double.doubleToRawLongBits(NumericOps.f64ConvertU64(x));
            default -> throw new IllegalStateException("native: no Java helper for " + op.text);
        };
    }
}
