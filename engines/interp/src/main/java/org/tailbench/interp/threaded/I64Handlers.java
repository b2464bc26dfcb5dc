package org.tailbench.interp.threaded;

import org.tailbench.runtime.NumericOps;

/**
 * Handlers for the i64 constant, tests, comparisons and arithmetic (spec 2.0 §4.3.2) on whole
 * {@code long} slots. Nested classes are named after the {@link org.tailbench.interp.lower.LOp} they
 * execute; {@code f64.const} shares {@code I64_CONST} (raw bits in the constant pool).
 */
final class I64Handlers {
    private I64Handlers() {}

    static final class I64_CONST extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            s[m.sp++] = m.consts[c[pc + 1]];
            return pc + 2;
        }
    }

    static final class I64_EQZ extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = s[sp] == 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_EQ extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] == s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_NE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] != s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_LT_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] < s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_GT_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] > s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_LE_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_GE_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_LT_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) < 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_GT_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) > 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_LE_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) <= 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_GE_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) >= 0 ? 1 : 0;
            return pc + 1;
        }
    }

    static final class I64_ADD extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] + s[sp];
            return pc + 1;
        }
    }

    static final class I64_SUB extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] - s[sp];
            return pc + 1;
        }
    }

    static final class I64_MUL extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] * s[sp];
            return pc + 1;
        }
    }

    static final class I64_AND extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] & s[sp];
            return pc + 1;
        }
    }

    static final class I64_OR extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] | s[sp];
            return pc + 1;
        }
    }

    static final class I64_XOR extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] ^ s[sp];
            return pc + 1;
        }
    }

    static final class I64_SHL extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] << s[sp];
            return pc + 1;
        }
    }

    static final class I64_SHR_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] >> s[sp];
            return pc + 1;
        }
    }

    static final class I64_SHR_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = s[sp - 1] >>> s[sp];
            return pc + 1;
        }
    }

    static final class I64_DIV_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = NumericOps.i64DivS(s[sp - 1], s[sp]);
            return pc + 1;
        }
    }

    static final class I64_DIV_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = NumericOps.i64DivU(s[sp - 1], s[sp]);
            return pc + 1;
        }
    }

    static final class I64_REM_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = NumericOps.i64RemS(s[sp - 1], s[sp]);
            return pc + 1;
        }
    }

    static final class I64_REM_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            s[sp - 1] = NumericOps.i64RemU(s[sp - 1], s[sp]);
            return pc + 1;
        }
    }

    static final class I64_EXTEND_I32_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp - 1;
            s[sp] = s[sp] & 0xFFFFFFFFL;
            return pc + 1;
        }
    }
}
