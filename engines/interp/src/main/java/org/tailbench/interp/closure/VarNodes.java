package org.tailbench.interp.closure;

import org.tailbench.runtime.Memory;
import org.tailbench.wasm.ValType;

/** Constants, locals, stack slots, globals, {@code select}, {@code drop} and the memory size nodes. */
final class VarNodes {
    private VarNodes() {}

    static final class Const extends Expr {
        final long value;
        Const(long value) { this.value = value; }
        @Override long eval(Frame f) { return value; }
        @Override boolean isPure() { return true; }
    }

    /** {@code local.get}, and reads of spilled operand-stack slots (index at or past the local count). */
    static final class LocalGet extends Expr {
        final int index;
        LocalGet(int index) { this.index = index; }
        @Override long eval(Frame f) { return f.s[index]; }
        @Override boolean isPure() { return true; }
    }

    /** {@code local.set}, and spills of a value to its operand-stack slot. */
    static final class LocalSet extends Stmt {
        final int index;
        final Expr value;
        LocalSet(int index, Expr value) { this.index = index; this.value = value; }
        @Override int exec(Frame f) { f.s[index] = value.eval(f); return 0; }
    }

    static final class LocalTee extends Expr {
        final int index;
        final Expr value;
        LocalTee(int index, Expr value) { this.index = index; this.value = value; }
        @Override long eval(Frame f) { long v = value.eval(f); f.s[index] = v; return v; }
    }

    static final class GlobalGet extends Expr {
        final int index;
        GlobalGet(int index) { this.index = index; }
        @Override long eval(Frame f) { return f.ctx.globals[index].value; }
        @Override boolean isPure() { return true; }
    }

    static final class GlobalSet extends Stmt {
        final int index;
        final Expr value;
        GlobalSet(int index, Expr value) { this.index = index; this.value = value; }
        @Override int exec(Frame f) { f.ctx.globals[index].value = value.eval(f); return 0; }
    }

    /** {@code select} and {@code select t}: all three operands are evaluated, in order. */
    static final class Select extends Expr {
        final Expr a, b, cond;
        Select(Expr a, Expr b, Expr cond) { this.a = a; this.b = b; this.cond = cond; }
        @Override long eval(Frame f) {
            long x = a.eval(f), y = b.eval(f);
            return (int) cond.eval(f) != 0 ? x : y;
        }
    }

    /** {@code drop} of a value that has effects or may trap: evaluates it for them. */
    static final class Drop extends Stmt {
        final Expr value;
        Drop(Expr value) { this.value = value; }
        @Override int exec(Frame f) { value.eval(f); return 0; }
    }

    static final class RefIsNull extends Expr {
        final Expr ref;
        RefIsNull(Expr ref) { this.ref = ref; }
        @Override long eval(Frame f) { return ref.eval(f) == ValType.NULL_REF ? 1 : 0; }
    }

    static final class MemorySize extends Expr {
        @Override long eval(Frame f) { return f.ctx.memory().pages(); }
    }

    static final class MemoryGrow extends Expr {
        final Expr delta;
        MemoryGrow(Expr delta) { this.delta = delta; }
        @Override long eval(Frame f) {
            long d = delta.eval(f);
            Memory m = f.ctx.memory();
            int r = m.grow(d);
            f.mem = m.segment();
            return r;
        }
    }
}
