package org.tailbench.interp.tailcall;

import java.util.Arrays;
import org.tailbench.interp.rt.Calls;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.FuncType;

/**
 * Control instructions of the {@code tailcall} engine ({@link org.tailbench.interp.lower.LOp} jumps,
 * calls, returns, drop and select). Branch targets are resolved by {@link Decoder.Linker#route}, so a
 * taken branch is a direct handoff or a {@link Bounce}, as the bounce policy decides. Calls and
 * returns always go back to the trampoline through {@link Machine#call} / {@link Machine#ret}.
 */
final class ControlInstrs {
    private ControlInstrs() {}

    /** A branch with one target (given as a code index until linked). */
    abstract static class Branch extends Instr {
        final int targetPc;
        Instr target;
        Branch(int targetPc) { this.targetPc = targetPc; }
        @Override void link(Decoder.Linker l) { target = l.route(pc, targetPc); }
    }

    static final class Jmp extends Branch {
        Jmp(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { return target.exec(m, s, sp, fp); }
    }

    static final class BrIf extends Branch {
        BrIf(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return (int) s[sp - 1] != 0 ? target.exec(m, s, sp - 1, fp) : next.exec(m, s, sp - 1, fp);
        }
    }

    static final class BrUnless extends Branch {
        BrUnless(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return (int) s[sp - 1] == 0 ? target.exec(m, s, sp - 1, fp) : next.exec(m, s, sp - 1, fp);
        }
    }

    static final class BrIfI32Eq extends Branch {
        BrIfI32Eq(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return (int) s[sp - 2] == (int) s[sp - 1] ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    static final class BrIfI32Ne extends Branch {
        BrIfI32Ne(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return (int) s[sp - 2] != (int) s[sp - 1] ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    static final class BrIfI32LtS extends Branch {
        BrIfI32LtS(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return (int) s[sp - 2] < (int) s[sp - 1] ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    static final class BrIfI32GtS extends Branch {
        BrIfI32GtS(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return (int) s[sp - 2] > (int) s[sp - 1] ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    static final class BrIfI32LeS extends Branch {
        BrIfI32LeS(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return (int) s[sp - 2] <= (int) s[sp - 1] ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    static final class BrIfI32GeS extends Branch {
        BrIfI32GeS(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return (int) s[sp - 2] >= (int) s[sp - 1] ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    static final class BrIfI32LtU extends Branch {
        BrIfI32LtU(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return Integer.compareUnsigned((int) s[sp - 2], (int) s[sp - 1]) < 0 ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    static final class BrIfI32GtU extends Branch {
        BrIfI32GtU(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return Integer.compareUnsigned((int) s[sp - 2], (int) s[sp - 1]) > 0 ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    static final class BrIfI32LeU extends Branch {
        BrIfI32LeU(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return Integer.compareUnsigned((int) s[sp - 2], (int) s[sp - 1]) <= 0 ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    static final class BrIfI32GeU extends Branch {
        BrIfI32GeU(int t) { super(t); }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            return Integer.compareUnsigned((int) s[sp - 2], (int) s[sp - 1]) >= 0 ? target.exec(m, s, sp - 2, fp) : next.exec(m, s, sp - 2, fp);
        }
    }

    /** Moves the top {@code keep} values down by {@code drop} slots. */
    static int shift(long[] s, int sp, int keep, int drop) {
        for (int k = sp - keep; k < sp; k++) s[k - drop] = s[k];
        return sp - drop;
    }

    static final class BrDrop extends Branch {
        final int keep, drop;
        BrDrop(int t, int keep, int drop) { super(t); this.keep = keep; this.drop = drop; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { return target.exec(m, s, shift(s, sp, keep, drop), fp); }
    }

    static final class BrIfDrop extends Branch {
        final int keep, drop;
        BrIfDrop(int t, int keep, int drop) { super(t); this.keep = keep; this.drop = drop; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            if ((int) s[--sp] == 0) return next.exec(m, s, sp, fp);
            return target.exec(m, s, shift(s, sp, keep, drop), fp);
        }
    }

    /** {@code br_table}: entry min(index, n) (unsigned) of the n + 1 (target, keep, drop) triples. */
    static final class BrTable extends Instr {
        final int[] targetPcs, keeps, drops;
        final Instr[] targets;
        BrTable(int[] code, int pc) {
            int n = code[pc + 1] + 1;
            targetPcs = new int[n]; keeps = new int[n]; drops = new int[n]; targets = new Instr[n];
            for (int k = 0; k < n; k++) {
                int e = pc + 2 + 3 * k;
                targetPcs[k] = code[e]; keeps[k] = code[e + 1]; drops[k] = code[e + 2];
            }
        }
        @Override void link(Decoder.Linker l) {
            for (int k = 0; k < targets.length; k++) targets[k] = l.route(pc, targetPcs[k]);
        }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            long i = s[--sp] & 0xFFFFFFFFL;
            int k = i < targets.length - 1 ? (int) i : targets.length - 1;
            return targets[k].exec(m, s, shift(s, sp, keeps[k], drops[k]), fp);
        }
    }

    static final class Return extends Instr {
        final int results;
        Return(int results) { this.results = results; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { return m.ret(results, s, sp, fp); }
    }

    static final class Unreachable extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { throw trap(m, TrapKind.UNREACHABLE); }
    }

    static final class Drop extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { return next.exec(m, s, sp - 1, fp); }
    }

    static final class Select extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            if ((int) s[sp - 1] == 0) s[sp - 3] = s[sp - 2];
            return next.exec(m, s, sp - 2, fp);
        }
    }

    /** {@code call} of a function of this engine (any instance): pushes a frame, back to the trampoline. */
    static final class Call extends CallInstr {
        final TailCallFunction callee;
        Call(TailCallFunction callee) { this.callee = callee; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { return m.call(callee, this, sp, fp); }
    }

    /** {@code return_call} of a function of this engine: reuses the frame, back to the trampoline. */
    static final class ReturnCall extends Instr {
        final TailCallFunction callee;
        ReturnCall(TailCallFunction callee) { this.callee = callee; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { return m.tailCall(callee, sp, fp); }
    }

    /** {@code call} / {@code return_call} of a host function or another engine's function, through Java. */
    static final class CallForeign extends CallInstr {
        final FunctionInstance f;
        final Instance caller;
        final boolean tail;
        CallForeign(FunctionInstance f, Instance caller, boolean tail) { this.f = f; this.caller = caller; this.tail = tail; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { return foreign(this, f, caller, tail, m, s, sp, fp); }
    }

    /**
     * Calls {@code f} outside the engine with the top arguments of the stack, pushes its results, and
     * continues after {@code site} (or returns them, for a tail call). {@link Machine#sp} is set first
     * so that re-entrant Wasm calls run above this frame.
     */
    static Instr foreign(CallInstr site, FunctionInstance f, Instance caller, boolean tail, Machine m, long[] s, int sp, int fp) {
        if (tail && WasmJfr.countTailCalls()) m.countTailCall();
        int np = f.type().params().length;
        long[] args = Arrays.copyOfRange(s, sp - np, sp);
        sp -= np;
        m.sp = sp;
        long[] r;
        try {
            r = Calls.callForeign(f, caller, args);
        } catch (Trap t) {
            throw site.fault(m, t);
        }
        s = m.ensure((long) sp + r.length);   // a re-entrant call may have replaced the stack
        System.arraycopy(r, 0, s, sp, r.length);
        sp += r.length;
        return tail ? m.ret(r.length, s, sp, fp) : site.next.exec(m, s, sp, fp);
    }

    /** {@code call_indirect} / {@code return_call_indirect}. */
    static final class CallIndirect extends CallInstr {
        final Table table;
        final Store store;
        final FuncType type;
        final Instance caller;
        final boolean tail;
        CallIndirect(Table table, Store store, FuncType type, Instance caller, boolean tail) {
            this.table = table; this.store = store; this.type = type; this.caller = caller; this.tail = tail;
        }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            FunctionInstance f;
            try {
                f = Calls.resolveIndirect(table, store, type, s[--sp]);
            } catch (Trap t) {
                throw fault(m, t);
            }
            if (f instanceof TailCallFunction callee) return tail ? m.tailCall(callee, sp, fp) : m.call(callee, this, sp, fp);
            return foreign(this, f, caller, tail, m, s, sp, fp);
        }
    }
}
