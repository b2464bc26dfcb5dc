package org.tailbench.runtime;

/**
 * The one definition of the Wasm numeric instructions whose semantics (spec 2.0 §4.3.2–§4.3.3) is not a
 * single Java operator: rounding, {@code fmin}/{@code fmax}, sign operations, the trapping and the saturating
 * float → integer truncations, unsigned int → float conversions, integer division and remainder. Every engine
 * of ours runs these methods: the interpreters call them on their raw-bit value encoding (f32 as
 * {@link Float#intBitsToFloat}, f64 as {@link Double#longBitsToDouble} of the slot), {@code aot} emits
 * {@code invokestatic}s of them from compile-checked method references, the native backend calls the
 * truncations and u64 conversions back from machine code. Instructions that are one Java operator on the
 * engines' encoding (i32.add, f64.mul, f32.abs as a mask on raw bits, comparisons, wrap/extend) stay
 * inline in each engine's dispatch; {@code NumericEdgeValueTest} checks every numeric opcode on every engine
 * against node.
 *
 * <p>Values: f32 / f64 operands and results are Java {@code float} / {@code double}, whose bit patterns
 * (NaN payloads included) the JVM keeps on x86-64; only raw-bit conversions are used. A NaN input to a
 * rounding or min/max operation yields {@code x + x} (or {@code a + b}): a quiet NaN with the payload kept,
 * which is the spec's arithmetic NaN (§4.3.3 nans), and a canonical NaN when every NaN input was canonical.
 * Every method is small enough for C2 to inline (below {@code MaxInlineSize}, 35 bytes of bytecode, except
 * the u64 paths, which inline when hot); traps are thrown as a new {@link Trap} of the spec's kind with the
 * testsuite's message and no Wasm frames (the engine adds those).
 */
public final class NumericOps {
    private NumericOps() {}

    private static final double TWO_63 = 9.223372036854775808E18;
    private static final double TWO_64 = 1.8446744073709551616E19;

    // ---- f32 / f64 rounding and square root (§4.3.3 fceil, ffloor, ftrunc, fnearest, fsqrt) ----------

    /** {@code f32.ceil} */
    public static float f32Ceil(float f) { return f != f ? f + f : (float) Math.ceil(f); }
    /** {@code f32.floor} */
    public static float f32Floor(float f) { return f != f ? f + f : (float) Math.floor(f); }
    /** {@code f32.trunc}: towards zero, -0 kept */
    public static float f32Trunc(float f) { return f != f ? f + f : (float) (f < 0 ? Math.ceil(f) : Math.floor(f)); }
    /** {@code f32.nearest}: round half to even */
    public static float f32Nearest(float f) { return f != f ? f + f : (float) Math.rint(f); }
    /** {@code f32.sqrt}: the double square root of a float rounds correctly to float */
    public static float f32Sqrt(float f) { return (float) Math.sqrt(f); }
    /** {@code f64.ceil} */
    public static double f64Ceil(double d) { return d != d ? d + d : Math.ceil(d); }
    /** {@code f64.floor} */
    public static double f64Floor(double d) { return d != d ? d + d : Math.floor(d); }
    /** {@code f64.trunc} */
    public static double f64Trunc(double d) { return d != d ? d + d : (d < 0 ? Math.ceil(d) : Math.floor(d)); }
    /** {@code f64.nearest}: round half to even */
    public static double f64Nearest(double d) { return d != d ? d + d : Math.rint(d); }

    // ---- fmin, fmax (NaN if either is NaN, -0 below +0), abs, neg, copysign (bitwise, §4.3.3) ----------

    /** {@code f32.min} */
    public static float f32Min(float a, float b) { return a != a || b != b ? a + b : Math.min(a, b); }
    /** {@code f32.max} */
    public static float f32Max(float a, float b) { return a != a || b != b ? a + b : Math.max(a, b); }
    /** {@code f64.min} */
    public static double f64Min(double a, double b) { return a != a || b != b ? a + b : Math.min(a, b); }
    /** {@code f64.max} */
    public static double f64Max(double a, double b) { return a != a || b != b ? a + b : Math.max(a, b); }

    /** {@code f32.abs}: clears the sign bit, NaN payload kept */
    public static float f32Abs(float f) { return Float.intBitsToFloat(Float.floatToRawIntBits(f) & 0x7FFFFFFF); }
    /** {@code f32.neg}: flips the sign bit */
    public static float f32Neg(float f) { return Float.intBitsToFloat(Float.floatToRawIntBits(f) ^ 0x80000000); }
    /** {@code f64.abs} */
    public static double f64Abs(double d) { return Double.longBitsToDouble(Double.doubleToRawLongBits(d) & Long.MAX_VALUE); }
    /** {@code f64.neg} */
    public static double f64Neg(double d) { return Double.longBitsToDouble(Double.doubleToRawLongBits(d) ^ Long.MIN_VALUE); }
    /** {@code f32.copysign}: magnitude of {@code a}, sign of {@code b} */
    public static float f32Copysign(float a, float b) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(a) & 0x7FFFFFFF) | (Float.floatToRawIntBits(b) & 0x80000000));
    }
    /** {@code f64.copysign} */
    public static double f64Copysign(double a, double b) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(a) & Long.MAX_VALUE) | (Double.doubleToRawLongBits(b) & Long.MIN_VALUE));
    }

    // ---- trapping float -> int truncation (§4.3.3 trunc) ------------------------------------------------

    /** {@code i32.trunc_f32_s} @throws Trap invalid conversion to integer (NaN), integer overflow (out of range) */
    public static int i32TruncF32S(float f) { return i32TruncS(f); }
    /** {@code i32.trunc_f32_u} @throws Trap as {@link #i32TruncF32S} */
    public static int i32TruncF32U(float f) { return i32TruncU(f); }
    /** {@code i32.trunc_f64_s} @throws Trap as {@link #i32TruncF32S} */
    public static int i32TruncF64S(double d) { return i32TruncS(d); }
    /** {@code i32.trunc_f64_u} @throws Trap as {@link #i32TruncF32S} */
    public static int i32TruncF64U(double d) { return i32TruncU(d); }
    /** {@code i64.trunc_f32_s} @throws Trap as {@link #i32TruncF32S} */
    public static long i64TruncF32S(float f) { return i64TruncS(f); }
    /** {@code i64.trunc_f32_u} @throws Trap as {@link #i32TruncF32S} */
    public static long i64TruncF32U(float f) { return i64TruncU(f); }
    /** {@code i64.trunc_f64_s} @throws Trap as {@link #i32TruncF32S} */
    public static long i64TruncF64S(double d) { return i64TruncS(d); }
    /** {@code i64.trunc_f64_u} @throws Trap as {@link #i32TruncF32S} */
    public static long i64TruncF64U(double d) { return i64TruncU(d); }

    private static int i32TruncS(double d) {
        if (d != d) throw new Trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
        if (!(d > -2147483649.0 && d < 2147483648.0)) throw new Trap(TrapKind.INTEGER_OVERFLOW);
        return (int) d;
    }

    private static int i32TruncU(double d) {
        if (d != d) throw new Trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
        if (!(d > -1.0 && d < 4294967296.0)) throw new Trap(TrapKind.INTEGER_OVERFLOW);
        return (int) (long) d;
    }

    private static long i64TruncS(double d) {
        if (d != d) throw new Trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
        if (!(d >= -TWO_63 && d < TWO_63)) throw new Trap(TrapKind.INTEGER_OVERFLOW);
        return (long) d;
    }

    private static long i64TruncU(double d) {
        if (d != d) throw new Trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
        if (!(d > -1.0 && d < TWO_64)) throw new Trap(TrapKind.INTEGER_OVERFLOW);
        return d < TWO_63 ? (long) d : (long) (d - TWO_63) ^ Long.MIN_VALUE;
    }

    // ---- saturating truncation (§4.3.3 trunc_sat): NaN -> 0, out of range -> the nearest bound -----------

    /** {@code i32.trunc_sat_f32_s}: Java's f2i saturates and maps NaN to 0 */
    public static int i32TruncSatF32S(float f) { return (int) f; }
    /** {@code i32.trunc_sat_f32_u} */
    public static int i32TruncSatF32U(float f) { return i32TruncSatU(f); }
    /** {@code i32.trunc_sat_f64_s}: Java's d2i */
    public static int i32TruncSatF64S(double d) { return (int) d; }
    /** {@code i32.trunc_sat_f64_u} */
    public static int i32TruncSatF64U(double d) { return i32TruncSatU(d); }
    /** {@code i64.trunc_sat_f32_s}: Java's f2l */
    public static long i64TruncSatF32S(float f) { return (long) f; }
    /** {@code i64.trunc_sat_f32_u} */
    public static long i64TruncSatF32U(float f) { return i64TruncSatU(f); }
    /** {@code i64.trunc_sat_f64_s}: Java's d2l */
    public static long i64TruncSatF64S(double d) { return (long) d; }
    /** {@code i64.trunc_sat_f64_u} */
    public static long i64TruncSatF64U(double d) { return i64TruncSatU(d); }

    private static int i32TruncSatU(double d) {
        if (!(d > 0)) return 0;
        if (d >= 4294967296.0) return -1;
        return (int) (long) d;
    }

    private static long i64TruncSatU(double d) {
        if (!(d > 0)) return 0;
        if (d >= TWO_64) return -1L;
        return d < TWO_63 ? (long) d : (long) (d - TWO_63) ^ Long.MIN_VALUE;
    }

    // ---- int -> float (§4.3.3 convert), correctly rounded -----------------------------------------------

    /** {@code f32.convert_i32_u} */
    public static float f32ConvertI32U(int x) { return (float) Integer.toUnsignedLong(x); }
    /** {@code f32.convert_i64_s}: Java's l2f rounds to nearest, ties to even */
    public static float f32ConvertI64S(long x) { return (float) x; }
    /** {@code f32.convert_i64_u}: halving keeps the sticky bit, so the one rounding is the correct one */
    public static float f32ConvertI64U(long x) { return x >= 0 ? (float) x : (float) ((x >>> 1) | (x & 1)) * 2f; }
    /** {@code f64.convert_i32_u} */
    public static double f64ConvertI32U(int x) { return (double) Integer.toUnsignedLong(x); }
    /** {@code f64.convert_i64_u} */
    public static double f64ConvertI64U(long x) { return x >= 0 ? (double) x : (double) ((x >>> 1) | (x & 1)) * 2.0; }

    // ---- integer division and remainder (§4.3.2 idiv, irem) ------------------------------------------------

    /** {@code i32.div_s} @throws Trap integer divide by zero; integer overflow for {@code MIN_VALUE / -1} */
    public static int i32DivS(int x, int y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        if (x == Integer.MIN_VALUE && y == -1) throw new Trap(TrapKind.INTEGER_OVERFLOW);
        return x / y;
    }
    /** {@code i32.div_u} @throws Trap integer divide by zero */
    public static int i32DivU(int x, int y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Integer.divideUnsigned(x, y);
    }
    /** {@code i32.rem_s}: the sign of the dividend; {@code MIN_VALUE % -1} is 0 @throws Trap integer divide by zero */
    public static int i32RemS(int x, int y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return y == -1 ? 0 : x % y;
    }
    /** {@code i32.rem_u} @throws Trap integer divide by zero */
    public static int i32RemU(int x, int y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Integer.remainderUnsigned(x, y);
    }
    /** {@code i64.div_s} @throws Trap integer divide by zero; integer overflow for {@code MIN_VALUE / -1} */
    public static long i64DivS(long x, long y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        if (x == Long.MIN_VALUE && y == -1) throw new Trap(TrapKind.INTEGER_OVERFLOW);
        return x / y;
    }
    /** {@code i64.div_u} @throws Trap integer divide by zero */
    public static long i64DivU(long x, long y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Long.divideUnsigned(x, y);
    }
    /** {@code i64.rem_s} @throws Trap integer divide by zero */
    public static long i64RemS(long x, long y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return y == -1 ? 0 : x % y;
    }
    /** {@code i64.rem_u} @throws Trap integer divide by zero */
    public static long i64RemU(long x, long y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Long.remainderUnsigned(x, y);
    }
}
