package org.tailbench.aot.rt;

import org.tailbench.runtime.TrapKind;

/**
 * Numeric instructions whose Wasm semantics (spec 2.0 §4.3.2–§4.3.3) differ from a single JVM
 * instruction. f32/f64 values are JVM floats/doubles here (bit patterns kept: only raw-bit conversions
 * are used); a NaN input to a rounding or min/max operation yields {@code x + x}, a quiet NaN with the
 * payload kept, as the testsuite's {@code nan:arithmetic} requires. Small enough for C2 to inline.
 */
public final class NumericOps {
    private NumericOps() {}

    private static final double TWO_63 = 9.223372036854775808E18;
    private static final double TWO_64 = 1.8446744073709551616E19;

    public static float f32Ceil(float f) { return f != f ? f + f : (float) Math.ceil(f); }
    public static float f32Floor(float f) { return f != f ? f + f : (float) Math.floor(f); }
    public static float f32Trunc(float f) { return f != f ? f + f : (float) (f < 0 ? Math.ceil(f) : Math.floor(f)); }
    public static float f32Nearest(float f) { return f != f ? f + f : (float) Math.rint(f); }
    public static float f32Sqrt(float f) { return (float) Math.sqrt(f); }
    public static double f64Ceil(double d) { return d != d ? d + d : Math.ceil(d); }
    public static double f64Floor(double d) { return d != d ? d + d : Math.floor(d); }
    public static double f64Trunc(double d) { return d != d ? d + d : (d < 0 ? Math.ceil(d) : Math.floor(d)); }
    public static double f64Nearest(double d) { return d != d ? d + d : Math.rint(d); }

    public static float f32Min(float a, float b) { return a != a || b != b ? a + b : Math.min(a, b); }
    public static float f32Max(float a, float b) { return a != a || b != b ? a + b : Math.max(a, b); }
    public static double f64Min(double a, double b) { return a != a || b != b ? a + b : Math.min(a, b); }
    public static double f64Max(double a, double b) { return a != a || b != b ? a + b : Math.max(a, b); }

    public static float f32Abs(float f) { return Float.intBitsToFloat(Float.floatToRawIntBits(f) & 0x7FFFFFFF); }
    public static double f64Abs(double d) { return Double.longBitsToDouble(Double.doubleToRawLongBits(d) & Long.MAX_VALUE); }
    public static float f32Neg(float f) { return Float.intBitsToFloat(Float.floatToRawIntBits(f) ^ 0x80000000); }
    public static double f64Neg(double d) { return Double.longBitsToDouble(Double.doubleToRawLongBits(d) ^ Long.MIN_VALUE); }
    public static float f32Copysign(float a, float b) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(a) & 0x7FFFFFFF) | (Float.floatToRawIntBits(b) & 0x80000000));
    }
    public static double f64Copysign(double a, double b) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(a) & Long.MAX_VALUE) | (Double.doubleToRawLongBits(b) & Long.MIN_VALUE));
    }

    public static int i32TruncF32S(float f) { return i32TruncS(f); }
    public static int i32TruncF32U(float f) { return i32TruncU(f); }
    public static int i32TruncF64S(double d) { return i32TruncS(d); }
    public static int i32TruncF64U(double d) { return i32TruncU(d); }
    public static long i64TruncF32S(float f) { return i64TruncS(f); }
    public static long i64TruncF32U(float f) { return i64TruncU(f); }
    public static long i64TruncF64S(double d) { return i64TruncS(d); }
    public static long i64TruncF64U(double d) { return i64TruncU(d); }

    private static int i32TruncS(double d) {
        if (d != d) throw Traps.trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
        if (!(d > -2147483649.0 && d < 2147483648.0)) throw Traps.trap(TrapKind.INTEGER_OVERFLOW);
        return (int) d;
    }

    private static int i32TruncU(double d) {
        if (d != d) throw Traps.trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
        if (!(d > -1.0 && d < 4294967296.0)) throw Traps.trap(TrapKind.INTEGER_OVERFLOW);
        return (int) (long) d;
    }

    private static long i64TruncS(double d) {
        if (d != d) throw Traps.trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
        if (!(d >= -TWO_63 && d < TWO_63)) throw Traps.trap(TrapKind.INTEGER_OVERFLOW);
        return (long) d;
    }

    private static long i64TruncU(double d) {
        if (d != d) throw Traps.trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
        if (!(d > -1.0 && d < TWO_64)) throw Traps.trap(TrapKind.INTEGER_OVERFLOW);
        return d < TWO_63 ? (long) d : (long) (d - TWO_63) ^ Long.MIN_VALUE;
    }

    public static int i32TruncSatF32U(float f) { return i32TruncSatU(f); }
    public static int i32TruncSatF64U(double d) { return i32TruncSatU(d); }
    public static long i64TruncSatF32U(float f) { return i64TruncSatU(f); }
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

    public static float f32ConvertI32U(int x) { return (float) Integer.toUnsignedLong(x); }
    public static double f64ConvertI32U(int x) { return (double) Integer.toUnsignedLong(x); }
    public static float f32ConvertI64U(long x) { return x >= 0 ? (float) x : (float) ((x >>> 1) | (x & 1)) * 2f; }
    public static double f64ConvertI64U(long x) { return x >= 0 ? (double) x : (double) ((x >>> 1) | (x & 1)) * 2.0; }

    public static int i32DivS(int x, int y) {
        if (y == 0) throw Traps.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        if (x == Integer.MIN_VALUE && y == -1) throw Traps.trap(TrapKind.INTEGER_OVERFLOW);
        return x / y;
    }
    public static int i32DivU(int x, int y) {
        if (y == 0) throw Traps.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Integer.divideUnsigned(x, y);
    }
    public static int i32RemS(int x, int y) {
        if (y == 0) throw Traps.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return x % y;
    }
    public static int i32RemU(int x, int y) {
        if (y == 0) throw Traps.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Integer.remainderUnsigned(x, y);
    }
    public static long i64DivS(long x, long y) {
        if (y == 0) throw Traps.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        if (x == Long.MIN_VALUE && y == -1) throw Traps.trap(TrapKind.INTEGER_OVERFLOW);
        return x / y;
    }
    public static long i64DivU(long x, long y) {
        if (y == 0) throw Traps.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Long.divideUnsigned(x, y);
    }
    public static long i64RemS(long x, long y) {
        if (y == 0) throw Traps.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return x % y;
    }
    public static long i64RemU(long x, long y) {
        if (y == 0) throw Traps.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return Long.remainderUnsigned(x, y);
    }
}
