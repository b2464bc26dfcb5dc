package org.tailbench.interp.threaded;

import org.tailbench.interp.rt.Calls;
import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Handlers for branches, calls, returns, locals, globals and the parametric instructions. Each nested
 * class is named after the {@link org.tailbench.interp.lower.LOp} it executes ({@link Handlers}
 * registers them by name); operand layouts are documented there.
 */
final class ControlHandlers {
    private ControlHandlers() {}

    /** Never executed: only the {@code switch} engine runs opcode-profile code ({@code Lowerer.lowerCounting}). */
    static final class PROBE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            throw new IllegalStateException("PROBE: opcode-profile code runs only in the switch engine");
        }
    }
    /**
     * Never executed: superinstructions are lowered for (and run by) the switch engine only ({@code Lowerer} with a
     * selection, option {@code switch.superinstructions}); this engine lowers without them. One object per opcode.
     */
    static final class SwitchOnly extends Handler {
        private final int op;

        SwitchOnly(int op) { this.op = op; }

        int exec(Machine m, long[] s, int[] c, int pc) {
            throw new IllegalStateException(org.tailbench.interp.lower.LOp.NAMES[op] + ": superinstructions run only in the switch engine");
        }
    }
    static final class UNREACHABLE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { throw new Trap(TrapKind.UNREACHABLE); }
    }
    static final class JMP extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return c[pc + 1]; }
    }
    static final class BR_IF extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return (int) s[--m.sp] != 0 ? c[pc + 1] : pc + 2; }
    }
    static final class BR_UNLESS extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return (int) s[--m.sp] == 0 ? c[pc + 1] : pc + 2; }
    }
    static final class BR_IF_I32_EQ extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return (int) s[sp] == (int) s[sp + 1] ? c[pc + 1] : pc + 2;
        }
    }
    static final class BR_IF_I32_NE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return (int) s[sp] != (int) s[sp + 1] ? c[pc + 1] : pc + 2;
        }
    }
    static final class BR_IF_I32_LT_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return (int) s[sp] < (int) s[sp + 1] ? c[pc + 1] : pc + 2;
        }
    }
    static final class BR_IF_I32_GT_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return (int) s[sp] > (int) s[sp + 1] ? c[pc + 1] : pc + 2;
        }
    }
    static final class BR_IF_I32_LE_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return (int) s[sp] <= (int) s[sp + 1] ? c[pc + 1] : pc + 2;
        }
    }
    static final class BR_IF_I32_GE_S extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return (int) s[sp] >= (int) s[sp + 1] ? c[pc + 1] : pc + 2;
        }
    }
    static final class BR_IF_I32_LT_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) < 0 ? c[pc + 1] : pc + 2;
        }
    }
    static final class BR_IF_I32_GT_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) > 0 ? c[pc + 1] : pc + 2;
        }
    }
    static final class BR_IF_I32_LE_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) <= 0 ? c[pc + 1] : pc + 2;
        }
    }
    static final class BR_IF_I32_GE_U extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            return Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) >= 0 ? c[pc + 1] : pc + 2;
        }
    }

    /** Moves the top {@code keep} values down by {@code drop} slots; returns the new stack pointer. */
    private static int shift(long[] s, int sp, int keep, int drop) {
        for (int k = sp - keep; k < sp; k++) s[k - drop] = s[k];
        return sp - drop;
    }

    static final class BR_DROP extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            m.sp = shift(s, m.sp, c[pc + 2], c[pc + 3]);
            return c[pc + 1];
        }
    }
    static final class BR_IF_DROP extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            if ((int) s[sp] == 0) return pc + 4;
            m.sp = shift(s, sp, c[pc + 2], c[pc + 3]);
            return c[pc + 1];
        }
    }
    static final class BR_TABLE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = --m.sp;
            long i = s[sp] & 0xFFFFFFFFL;
            int n = c[pc + 1];
            int e = pc + 2 + 3 * (i < n ? (int) i : n);
            m.sp = shift(s, sp, c[e + 1], c[e + 2]);
            return c[e];
        }
    }
    static final class RETURN extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return m.leave(s); }
    }

    static final class CALL_LOCAL extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return m.enter(m.ctx.defined[c[pc + 1]], false, s, pc + 2); }
    }
    static final class RETURN_CALL_LOCAL extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return m.enter(m.ctx.defined[c[pc + 1]], true, s, pc + 2); }
    }
    static final class CALL_IMPORT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return call(m, m.ctx.functions[c[pc + 1]], false, s, pc + 2); }
    }
    static final class RETURN_CALL_IMPORT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return call(m, m.ctx.functions[c[pc + 1]], true, s, pc + 2); }
    }
    static final class CALL_INDIRECT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return call(m, indirect(m, s, c, pc), false, s, pc + 3); }
    }
    static final class RETURN_CALL_INDIRECT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { return call(m, indirect(m, s, c, pc), true, s, pc + 3); }
    }

    /** Pops the table index of a {@code call_indirect} (operands typeIndex tableIndex) and checks the element. */
    private static FunctionInstance indirect(Machine m, long[] s, int[] c, int pc) {
        InstanceContext<ThreadedFunction> ctx = m.ctx;
        return Calls.resolveIndirect(ctx.tables[c[pc + 2]], ctx.store, ctx.types[c[pc + 1]], s[--m.sp]);
    }

    private static int call(Machine m, FunctionInstance f, boolean tail, long[] s, int next) {
        if (f instanceof ThreadedFunction tf) return m.enter(tf, tail, s, next);
        return m.callForeign(f, s, next, tail);
    }

    static final class DROP extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { m.sp--; return pc + 1; }
    }
    static final class SELECT extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) {
            int sp = m.sp -= 2;
            if ((int) s[sp + 1] == 0) s[sp - 1] = s[sp];
            return pc + 1;
        }
    }
    static final class LOCAL_GET extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { s[m.sp++] = s[m.fp + c[pc + 1]]; return pc + 2; }
    }
    static final class LOCAL_SET extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { s[m.fp + c[pc + 1]] = s[--m.sp]; return pc + 2; }
    }
    static final class LOCAL_TEE extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { s[m.fp + c[pc + 1]] = s[m.sp - 1]; return pc + 2; }
    }
    static final class GLOBAL_GET extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { s[m.sp++] = m.ctx.globals[c[pc + 1]].value; return pc + 2; }
    }
    static final class GLOBAL_SET extends Handler {
        int exec(Machine m, long[] s, int[] c, int pc) { m.ctx.globals[c[pc + 1]].value = s[--m.sp]; return pc + 2; }
    }
}
