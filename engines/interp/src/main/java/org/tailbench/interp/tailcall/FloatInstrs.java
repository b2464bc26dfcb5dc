package org.tailbench.interp.tailcall;

/**
 * The frequent f32 / f64 instructions of the {@code tailcall} engine (created by
 * {@link NumericInstrs#of}), with the expressions of the {@code switch} loop: f32 as raw bits in the
 * low 32 bits of the slot (sign-extended), f64 as raw bits. Java's float arithmetic is IEEE 754 with
 * round-to-nearest, as Wasm requires (spec 2.0 §4.3.3); NaN results are those of Java's operators,
 * exactly as in {@code switch}.
 */
final class FloatInstrs {
    private FloatInstrs() {}

    private static float f(long bits) { return Float.intBitsToFloat((int) bits); }
    private static double d(long bits) { return Double.longBitsToDouble(bits); }
    private static long b(float v) { return Float.floatToRawIntBits(v); }
    private static long b(double v) { return Double.doubleToRawLongBits(v); }

    /** {@code f32.eq} */
    static final class F32Eq extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = x == y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f32.ne} */
    static final class F32Ne extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = x != y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f32.lt} */
    static final class F32Lt extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = x < y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f32.gt} */
    static final class F32Gt extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = x > y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f32.le} */
    static final class F32Le extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = x <= y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f32.ge} */
    static final class F32Ge extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = x >= y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.eq} */
    static final class F64Eq extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = x == y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.ne} */
    static final class F64Ne extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = x != y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.lt} */
    static final class F64Lt extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = x < y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.gt} */
    static final class F64Gt extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = x > y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.le} */
    static final class F64Le extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = x <= y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.ge} */
    static final class F64Ge extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = x >= y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f32.abs} */
    static final class F32Abs extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 1]; s[sp - 1] = x & 0x7FFFFFFF; return next.exec(m, s, sp, fp); }
    }
    /** {@code f32.neg} */
    static final class F32Neg extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 1]; s[sp - 1] = x ^ 0x80000000; return next.exec(m, s, sp, fp); }
    }
    /** {@code f32.sqrt} */
    static final class F32Sqrt extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 1]); s[sp - 1] = b((float) Math.sqrt(x)); return next.exec(m, s, sp, fp); }
    }
    /** {@code f32.add} */
    static final class F32Add extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = b(x + y); return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f32.sub} */
    static final class F32Sub extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = b(x - y); return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f32.mul} */
    static final class F32Mul extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = b(x * y); return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f32.div} */
    static final class F32Div extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 2]), y = f(s[sp - 1]); s[sp - 2] = b(x / y); return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.abs} */
    static final class F64Abs extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 1]; s[sp - 1] = x & Long.MAX_VALUE; return next.exec(m, s, sp, fp); }
    }
    /** {@code f64.neg} */
    static final class F64Neg extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 1]; s[sp - 1] = x ^ Long.MIN_VALUE; return next.exec(m, s, sp, fp); }
    }
    /** {@code f64.sqrt} */
    static final class F64Sqrt extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 1]); s[sp - 1] = b(Math.sqrt(x)); return next.exec(m, s, sp, fp); }
    }
    /** {@code f64.add} */
    static final class F64Add extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = b(x + y); return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.sub} */
    static final class F64Sub extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = b(x - y); return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.mul} */
    static final class F64Mul extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = b(x * y); return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.div} */
    static final class F64Div extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { double x = d(s[sp - 2]), y = d(s[sp - 1]); s[sp - 2] = b(x / y); return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code f64.convert_i32_s} */
    static final class F64ConvertI32S extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 1]; s[sp - 1] = b((double) x); return next.exec(m, s, sp, fp); }
    }
    /** {@code f64.promote_f32} */
    static final class F64PromoteF32 extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { float x = f(s[sp - 1]); s[sp - 1] = b((double) x); return next.exec(m, s, sp, fp); }
    }
}
