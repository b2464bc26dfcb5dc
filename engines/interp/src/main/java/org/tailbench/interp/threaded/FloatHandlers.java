package org.tailbench.interp.threaded;

import org.tailbench.interp.rt.LOpNumeric;

/**
 * Handlers for the float comparisons, arithmetic and common conversions (spec 2.0 §4.3.3) on raw bits
 * (f32 in the low 32 bits of its slot, f64 as the whole {@code long}), plus two shared handlers for
 * the rarer numeric instructions ({@link LOpNumeric}: rounding, min/max/copysign, truncations,
 * conversions, rotates, bit counts). Java's float operators already give the IEEE 754 results Wasm
 * requires for these; NaN results of arithmetic are quiet. Nested classes are named after the
 * {@link org.tailbench.interp.lower.LOp} they execute.
 */
final class FloatHandlers {
    private FloatHandlers() {}

    private static float f(long bits) { return Float.intBitsToFloat((int) bits); }

    private static double d(long bits) { return Double.longBitsToDouble(bits); }

    private static long b(float v) { return Float.floatToRawIntBits(v); }

    private static long b(double v) { return Double.doubleToRawLongBits(v); }

    static final class F32_EQ extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = f(s[sp - 1]) == f(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F32_NE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = f(s[sp - 1]) != f(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F32_LT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = f(s[sp - 1]) < f(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F32_GT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = f(s[sp - 1]) > f(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F32_LE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = f(s[sp - 1]) <= f(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F32_GE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = f(s[sp - 1]) >= f(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F64_EQ extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = d(s[sp - 1]) == d(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F64_NE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = d(s[sp - 1]) != d(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F64_LT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = d(s[sp - 1]) < d(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F64_GT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = d(s[sp - 1]) > d(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F64_LE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = d(s[sp - 1]) <= d(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F64_GE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = d(s[sp - 1]) >= d(s[sp]) ? 1 : 0;
            return pc + 1;
        }
    }

    static final class F32_ADD extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = b(f(s[sp - 1]) + f(s[sp]));
            return pc + 1;
        }
    }

    static final class F32_SUB extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = b(f(s[sp - 1]) - f(s[sp]));
            return pc + 1;
        }
    }

    static final class F32_MUL extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = b(f(s[sp - 1]) * f(s[sp]));
            return pc + 1;
        }
    }

    static final class F32_DIV extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = b(f(s[sp - 1]) / f(s[sp]));
            return pc + 1;
        }
    }

    static final class F64_ADD extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = b(d(s[sp - 1]) + d(s[sp]));
            return pc + 1;
        }
    }

    static final class F64_SUB extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = b(d(s[sp - 1]) - d(s[sp]));
            return pc + 1;
        }
    }

    static final class F64_MUL extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = b(d(s[sp - 1]) * d(s[sp]));
            return pc + 1;
        }
    }

    static final class F64_DIV extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = b(d(s[sp - 1]) / d(s[sp]));
            return pc + 1;
        }
    }

    static final class F32_ABS extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = (int) s[sp] & 0x7FFFFFFF;
            return pc + 1;
        }
    }

    static final class F32_NEG extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = (int) s[sp] ^ 0x80000000;
            return pc + 1;
        }
    }

    static final class F32_SQRT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = b((float) Math.sqrt(f(s[sp])));
            return pc + 1;
        }
    }

    static final class F64_ABS extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = s[sp] & Long.MAX_VALUE;
            return pc + 1;
        }
    }

    static final class F64_NEG extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = s[sp] ^ Long.MIN_VALUE;
            return pc + 1;
        }
    }

    static final class F64_SQRT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = b(Math.sqrt(d(s[sp])));
            return pc + 1;
        }
    }

    static final class F64_CONVERT_I32_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = b((double) (int) s[sp]);
            return pc + 1;
        }
    }

    static final class F64_PROMOTE_F32 extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = b((double) f(s[sp]));
            return pc + 1;
        }
    }

    /** The rarer unary numeric instructions, through {@link LOpNumeric#unary} (one handler object per opcode). */
    static final class Unary extends Handler {
        private final int op;

        Unary(int op) { this.op = op; }

        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = LOpNumeric.unary(op, s[sp]);
            return pc + 1;
        }
    }

    /** The rarer binary numeric instructions, through {@link LOpNumeric#binary} (one handler object per opcode). */
    static final class Binary extends Handler {
        private final int op;

        Binary(int op) { this.op = op; }

        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = LOpNumeric.binary(op, s[sp - 1], s[sp]);
            return pc + 1;
        }
    }
}
