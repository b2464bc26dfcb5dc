package org.tailbench.interp.rt;

import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Numeric instructions whose Wasm semantics (spec 2.0 §4.3.2–§4.3.3) differ from plain Java operators,
 * on the shared value encoding: f32 as raw bits in an int (sign-extended in the long), f64 as raw long
 * bits. NaN results are always quiet (an operation on a NaN input returns {@code x + x}, which keeps
 * the payload and sets the quiet bit), as the testsuite's {@code nan:arithmetic} requires.
 */
public final class NumericOps {
    private NumericOps() {}

    private static final double TWO_63 = 9.223372036854775808E18;
    private static final double TWO_64 = 1.8446744073709551616E19;

    // ---- f32 / f64 rounding, min, max, copysign -------------------------------------------------

    public static int f32Ceil(int x) { float f = Float.intBitsToFloat(x); return bits(f != f ? f + f : (float) Math.ceil(f)); }
    public static int f32Floor(int x) { float f = Float.intBitsToFloat(x); return bits(f != f ? f + f : (float) Math.floor(f)); }
    public static int f32Trunc(int x) {
        float f = Float.intBitsToFloat(x);
        if (f != f) return bits(f + f);
        return bits((float) (f < 0 ? Math.ceil(f) : Math.floor(f)));
    }
    /** Round half to even. */
    public static int f32Nearest(int x) { float f = Float.intBitsToFloat(x); return bits(f != f ? f + f : (float) Math.rint(f)); }

    public static long f64Ceil(long x) { double d = Double.longBitsToDouble(x); return bits(d != d ? d + d : Math.ceil(d)); }
    public static long f64Floor(long x) { double d = Double.longBitsToDouble(x); return bits(d != d ? d + d : Math.floor(d)); }
    public static long f64Trunc(long x) {
        double d = Double.longBitsToDouble(x);
        if (d != d) return bits(d + d);
        return bits(d < 0 ? Math.ceil(d) : Math.floor(d));
    }
    public static long f64Nearest(long x) { double d = Double.longBitsToDouble(x); return bits(d != d ? d + d : Math.rint(d)); }

    /** fmin: NaN if either is NaN, -0 below +0. */
    public static int f32Min(int x, int y) {
        float a = Float.intBitsToFloat(x), b = Float.intBitsToFloat(y);
        if (a != a || b != b) return bits(a + b);
        return bits(Math.min(a, b));
    }
    public static int f32Max(int x, int y) {
        float a = Float.intBitsToFloat(x), b = Float.intBitsToFloat(y);
        if (a != a || b != b) return bits(a + b);
        return bits(Math.max(a, b));
    }
    public static long f64Min(long x, long y) {
        double a = Double.longBitsToDouble(x), b = Double.longBitsToDouble(y);
        if (a != a || b != b) return bits(a + b);
        return bits(Math.min(a, b));
    }
    public static long f64Max(long x, long y) {
        double a = Double.longBitsToDouble(x), b = Double.longBitsToDouble(y);
        if (a != a || b != b) return bits(a + b);
        return bits(Math.max(a, b));
    }

    public static int f32Copysign(int x, int y) { return (x & 0x7FFFFFFF) | (y & 0x80000000); }
    public static long f64Copysign(long x, long y) { return (x & Long.MAX_VALUE) | (y & Long.MIN_VALUE); }

    // ---- trapping float -> int truncation (§4.3.3 trunc) ----------------------------------------

    public static int i32TruncF32S(int x) { return i32TruncS(Float.intBitsToFloat(x)); }
    public static int i32TruncF32U(int x) { return i32TruncU(Float.intBitsToFloat(x)); }
    public static int i32TruncF64S(long x) { return i32TruncS(Double.longBitsToDouble(x)); }
    public static int i32TruncF64U(long x) { return i32TruncU(Double.longBitsToDouble(x)); }
    public static long i64TruncF32S(int x) { return i64TruncS(Float.intBitsToFloat(x)); }
    public static long i64TruncF32U(int x) { return i64TruncU(Float.intBitsToFloat(x)); }
    public static long i64TruncF64S(long x) { return i64TruncS(Double.longBitsToDouble(x)); }
    public static long i64TruncF64U(long x) { return i64TruncU(Double.longBitsToDouble(x)); }

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

    // ---- saturating truncation (§4.3.3 trunc_sat) -------------------------------------------------

    public static int i32TruncSatS(double d) { return (int) d; }   // Java's d2i saturates and maps NaN to 0

    public static int i32TruncSatU(double d) {
        if (!(d > 0)) return 0;
        if (d >= 4294967296.0) return -1;
        return (int) (long) d;
    }

    public static long i64TruncSatS(double d) { return (long) d; } // Java's d2l saturates and maps NaN to 0

    public static long i64TruncSatU(double d) {
        if (!(d > 0)) return 0;
        if (d >= TWO_64) return -1L;
        return d < TWO_63 ? (long) d : (long) (d - TWO_63) ^ Long.MIN_VALUE;
    }

    // ---- unsigned int -> float (§4.3.3 convert_u), correctly rounded -----------------------------

    public static float f32ConvertU64(long x) {
        if (x >= 0) return (float) x;
        return (float) ((x >>> 1) | (x & 1)) * 2f;
    }

    public static double f64ConvertU64(long x) {
        if (x >= 0) return (double) x;
        return (double) ((x >>> 1) | (x & 1)) * 2.0;
    }

    /**
     * {@code f32.convert_i64_s}; Java's l2f rounds correctly on x86-64 but goes through this helper so
     * that engines share one definition.
     */
    public static float f32ConvertS64(long x) { return (float) x; }

    // ---- integer division (§4.3.2) ---------------------------------------------------------------

    public static int i32DivS(int x, int y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        if (x == Integer.MIN_VALUE && y == -1) throw new Trap(TrapKind.INTEGER_OVERFLOW);
        return x / y;
    }

    public static long i64DivS(long x, long y) {
        if (y == 0) throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        if (x == Long.MIN_VALUE && y == -1) throw new Trap(TrapKind.INTEGER_OVERFLOW);
        return x / y;
    }

    /** @return a fresh "integer divide by zero" trap */
    public static Trap divideByZero() { return new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO); }

    private static int bits(float f) { return Float.floatToRawIntBits(f); }
    private static long bits(double d) { return Double.doubleToRawLongBits(d); }
}
