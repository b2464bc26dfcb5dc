package org.tailbench.nativ;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tailbench.testkit.NumericEdgeValueTest;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The inline float→integer truncations (trapping and saturating, all 16) and integer→float conversions of the
 * native backend on many more operands than {@link NumericEdgeValueTest}'s edge set (which checks the same
 * instructions against node): seeded random values in every binade from 2^-3 to 2^66, the neighbours (±1..3 ulps)
 * of every range bound (0, ±1, ±2^31, -2^31-1, 2^32, ±2^63, 2^64), and for u64→float the rounding ties just above
 * and below each rounding position. Expected values are the spec's definitions (§4.3.3 trunc, trunc_sat, convert)
 * computed independently in exact arithmetic: {@link BigDecimal#toBigInteger()} truncates toward zero, then the
 * range check or clamp; {@link BigInteger#doubleValue()} / {@link BigInteger#floatValue()} round to nearest, ties to
 * even. Each instruction runs in {@code f} (local operands) and {@code g} (operands from calls), as in the edge test.
 */
class NativeConversionTest {
    @BeforeAll
    static void platform() {
        Assumptions.assumeTrue(org.tailbench.nativ.Platform.UNAVAILABLE == null, String.valueOf(org.tailbench.nativ.Platform.UNAVAILABLE));
    }

    private static final Op[] TRUNCATIONS = {
        Op.I32_TRUNC_F32_S, Op.I32_TRUNC_F32_U, Op.I32_TRUNC_F64_S, Op.I32_TRUNC_F64_U,
        Op.I64_TRUNC_F32_S, Op.I64_TRUNC_F32_U, Op.I64_TRUNC_F64_S, Op.I64_TRUNC_F64_U,
        Op.I32_TRUNC_SAT_F32_S, Op.I32_TRUNC_SAT_F32_U, Op.I32_TRUNC_SAT_F64_S, Op.I32_TRUNC_SAT_F64_U,
        Op.I64_TRUNC_SAT_F32_S, Op.I64_TRUNC_SAT_F32_U, Op.I64_TRUNC_SAT_F64_S, Op.I64_TRUNC_SAT_F64_U};

    /** float operands as doubles (every f32 operand is also a double exactly) */
    private static List<Double> floatOperands(boolean f32) {
        List<Double> v = new ArrayList<>();
        Random r = new Random(13);
        for (int e = -3; e <= 66; e++) {
            for (int k = 0; k < 12; k++) {
                double x = Math.scalb(1 + r.nextDouble(), e);
                if (f32) x = (float) x;
                v.add(x);
                v.add(-x);
            }
        }
        double[] bounds = {0, 1, -1, 0x1p31, -0x1p31, -0x1p31 - 1, 0x1p32, 0x1p63, -0x1p63, 0x1p64};
        for (double b : bounds) {
            double up = b, down = b;
            v.add(b);
            for (int k = 0; k < 3; k++) {
                up = f32 ? Math.nextUp((float) up) : Math.nextUp(up);
                down = f32 ? Math.nextDown((float) down) : Math.nextDown(down);
                v.add(up);
                v.add(down);
            }
        }
        v.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.5, -0.5, 0.9999999, -0.9999999));
        if (f32) v.replaceAll(x -> (double) (float) (double) x);
        return v;
    }

    /** the spec's result: the value as wire bits, or the trap kind */
    private static Object expectedTruncation(Op op, double x) {
        String n = op.name();
        int bits = n.startsWith("I32") ? 32 : 64;
        boolean signed = n.endsWith("_S"), sat = n.contains("SAT");
        BigInteger lo = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger hi = (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits)).subtract(BigInteger.ONE);
        if (Double.isNaN(x)) return sat ? (Object) 0L : TrapKind.INVALID_CONVERSION_TO_INTEGER;
        BigInteger t = Double.isInfinite(x) ? (x > 0 ? hi.add(BigInteger.ONE) : lo.subtract(BigInteger.ONE))
                : new BigDecimal(x).toBigInteger();
        if (t.compareTo(lo) < 0) t = sat ? lo : null;
        else if (t.compareTo(hi) > 0) t = sat ? hi : null;
        if (t == null) return TrapKind.INTEGER_OVERFLOW;
        return bits == 32 ? (long) t.intValue() : t.longValue();
    }

    private static List<Long> unsignedOperands() {
        List<Long> v = new ArrayList<>();
        Random r = new Random(14);
        for (int k = 0; k < 400; k++) {
            long x = r.nextLong();
            v.add(x);
            v.add(x >>> r.nextInt(64));
            v.add(x | Long.MIN_VALUE);
            // ties and near-ties at f64's (bit 10 below bit 11 of a 64-bit value) and f32's (bit 39) rounding positions
            for (int p : new int[] {10, 39, 9, 38}) {
                long m = (1L << (p + 1)) - 1;
                long base = (x | Long.MIN_VALUE) & ~m;
                v.add(base | 1L << p);
                v.add(base | 1L << p | 1);
                v.add(base | (1L << p) - 1);
            }
        }
        v.addAll(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 0xFFFFFFFFFFFFF800L,
                0xFFFFFFFFFFFFFC00L, 0xFFFFFF8000000000L, 0xFFFFFF7FFFFFFFFFL));
        return v;
    }

    private static Object run(FunctionInstance f, long arg, boolean i32Result) {
        try {
            long r = f.invoke(arg)[0];
            return i32Result ? (long) (int) r : r;
        } catch (Trap t) {
            assertThat(t.getMessage()).isEqualTo(t.kind().message);
            return t.kind();
        }
    }

    private static Instance instance(Op op) {
        return new NativeEngine().compile(ValidatedModule.of(NumericEdgeValueTest.module(op))).instantiate(new Store(), Imports.NONE);
    }

    @Test
    void truncationsFollowTheSpecOnEveryBinadeAndBound() {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Op op : TRUNCATIONS) {
            boolean f32 = op.name().contains("F32");
            Instance inst = instance(op);
            for (String name : new String[] {"f", "g"}) {
                FunctionInstance fn = inst.exportedFunction(name);
                for (double x : floatOperands(f32)) {
                    long wire = f32 ? Float.floatToRawIntBits((float) x) : Double.doubleToRawLongBits(x);
                    Object want = expectedTruncation(op, x), got = run(fn, wire, op.name().startsWith("I32"));
                    cases++;
                    if (!want.equals(got) && failures.size() < 20) failures.add(op.text + " " + name + "(" + x + "): want " + want + ", got " + got);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(cases).isGreaterThan(30_000);
    }

    @Test
    void unsignedAndSignedI64ToFloatRoundToNearestEven() {
        List<String> failures = new ArrayList<>();
        for (Op op : new Op[] {Op.F32_CONVERT_I64_U, Op.F64_CONVERT_I64_U, Op.F32_CONVERT_I64_S, Op.F64_CONVERT_I64_S}) {
            boolean f32 = op.name().startsWith("F32"), unsigned = op.name().endsWith("_U");
            Instance inst = instance(op);
            for (String name : new String[] {"f", "g"}) {
                FunctionInstance fn = inst.exportedFunction(name);
                for (long x : unsignedOperands()) {
                    BigInteger exact = unsigned ? new BigInteger(Long.toUnsignedString(x)) : BigInteger.valueOf(x);
                    long want = f32 ? Float.floatToRawIntBits(exact.floatValue()) : Double.doubleToRawLongBits(exact.doubleValue());
                    Object got = run(fn, x, f32);
                    if (!Long.valueOf(want).equals(got) && failures.size() < 20) {
                        failures.add(op.text + " " + name + "(0x" + Long.toHexString(x) + "): want 0x" + Long.toHexString(want) + ", got " + got);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
