package org.tailbench.interp.threaded;

import org.tailbench.runtime.NumericOps;

/**
 * Handlers for the i32 constant, tests, comparisons and arithmetic (spec 2.0 §4.3.2) on the shared
 * value encoding: an i32 sign-extended in its {@code long} slot, so results are computed on
 * {@code int}s and widened back. Nested classes are named after the
 * {@link org.tailbench.interp.lower.LOp} they execute; {@code f32.const} shares {@code I32_CONST}
 * (raw bits inline) and {@code i64.extend_i32_s} shares {@code I32_WRAP_I64} (both sign-extend the
 * low 32 bits).
 */
final class I32Handlers {
    private I32Handlers() {}

    static final class I32_CONST extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            s[m.sp++] = c[pc + 1];
            return pc + 2;
        }
    }

    static final class I32_EQZ extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = (int) s[sp] == 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_EQ extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_NE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_LT_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_GT_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_LE_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_GE_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_LT_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) < 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_GT_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) > 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_LE_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) <= 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_GE_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) >= 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I32_ADD extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] + (int) s[sp];
            return pc + 1;
        }
    }

    static final class I32_SUB extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] - (int) s[sp];
            return pc + 1;
        }
    }

    static final class I32_MUL extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] * (int) s[sp];
            return pc + 1;
        }
    }

    static final class I32_AND extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] & (int) s[sp];
            return pc + 1;
        }
    }

    static final class I32_OR extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] | (int) s[sp];
            return pc + 1;
        }
    }

    static final class I32_XOR extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] ^ (int) s[sp];
            return pc + 1;
        }
    }

    static final class I32_SHL extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] << (int) s[sp];
            return pc + 1;
        }
    }

    static final class I32_SHR_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] >> (int) s[sp];
            return pc + 1;
        }
    }

    static final class I32_SHR_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp];
            return pc + 1;
        }
    }

    static final class I32_DIV_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = NumericOps.i32DivS((int) s[sp - 1], (int) s[sp]);
            return pc + 1;
        }
    }

    static final class I32_DIV_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = NumericOps.i32DivU((int) s[sp - 1], (int) s[sp]);
            return pc + 1;
        }
    }

    static final class I32_REM_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = NumericOps.i32RemS((int) s[sp - 1], (int) s[sp]);
            return pc + 1;
        }
    }

    static final class I32_REM_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = NumericOps.i32RemU((int) s[sp - 1], (int) s[sp]);
            return pc + 1;
        }
    }

    static final class I32_WRAP_I64 extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = (int) s[sp];
            return pc + 1;
        }
    }
}
