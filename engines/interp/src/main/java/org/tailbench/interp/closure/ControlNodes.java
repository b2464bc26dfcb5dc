package org.tailbench.interp.closure;

import org.tailbench.interp.rt.TableMemoryOps;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Structured control (spec 2.0 §4.4.8) as statements with branch signals (see {@link Stmt}). A
 * branch first moves the values its label takes to the label's slots (the slots of the label's stack
 * height, or the result slots for the function label), then returns its signal.
 */
final class ControlNodes {
    private ControlNodes() {}

    /** {@code block}: a branch to it (signal 1) continues after it. */
    static final class Block extends Stmt {
        final Stmt[] body;
        Block(Stmt[] body) { this.body = body; }
        @Override int exec(Frame f) {
            int sig = run(body, f);
            return sig == 0 ? 0 : sig - 1;
        }
    }

    /**
     * Directly nested blocks, flattened: {@code block_n (... block_2 (block_1 (X) A_1) A_2 ...) A_{n-1})}
     * becomes segments {@code [X, A_1, ..., A_{n-1}]}, segment {@code p} sitting in {@code n - p} blocks.
     * This is how compilers lay out a C {@code switch} ({@code br_table} in X, case code in the A's):
     * a branch out of {@code k} blocks from segment {@code p} continues with segment {@code p + k} in
     * this node's loop, instead of returning through {@code k} nested {@link Block}s.
     */
    static final class Cascade extends Stmt {
        /** segments[0 .. n-1]; the array has spare capacity so that nesting n blocks costs O(n), not O(n²) */
        private Stmt[][] segments;
        private int n;
        private Cascade(Stmt[][] segments, int n) { this.segments = segments; this.n = n; }
        @Override int exec(Frame f) {
            Stmt[][] segs = segments;
            int n = this.n;
            int p = 0;
            for (;;) {
                int sig = run(segs[p], f);
                p += sig == 0 ? 1 : sig;
                if (p >= n) return p - n;
            }
        }

        /**
         * @return {@code body} as a block, merged with a directly nested first block when it has one (a nested
         *         {@link Cascade} is extended in place, amortised O(1): it is owned by {@code body} alone)
         */
        static Stmt of(Stmt[] body) {
            if (body.length == 0 || !(body[0] instanceof Block || body[0] instanceof Cascade)) return new Block(body);
            Stmt[] tail = java.util.Arrays.copyOfRange(body, 1, body.length);
            if (body[0] instanceof Cascade c) {
                if (c.n == c.segments.length) c.segments = java.util.Arrays.copyOf(c.segments, c.n * 2);
                c.segments[c.n++] = tail;
                return c;
            }
            return new Cascade(new Stmt[][] {((Block) body[0]).body, tail, null, null}, 2);
        }
    }

    /** {@code loop}: a branch to it (signal 1) runs the body again. */
    static final class Loop extends Stmt {
        final Stmt[] body;
        Loop(Stmt[] body) { this.body = body; }
        @Override int exec(Frame f) {
            for (;;) {
                int sig = run(body, f);
                if (sig != 1) return sig == 0 ? 0 : sig - 1;
            }
        }
    }

    /** {@code if}/{@code else}: one of two bodies by an i32 condition; a branch to it continues after it. */
    static final class If extends Stmt {
        final Expr cond;
        final Stmt[] then, otherwise;
        If(Expr cond, Stmt[] then, Stmt[] otherwise) { this.cond = cond; this.then = then; this.otherwise = otherwise; }
        @Override int exec(Frame f) {
            int sig = run((int) cond.eval(f) != 0 ? then : otherwise, f);
            return sig == 0 ? 0 : sig - 1;
        }
    }

    /** Copies {@code n} slots from {@code from} to {@code to} (to &lt; from, so ascending order is safe). */
    static void move(long[] s, int from, int to, int n) {
        for (int k = 0; k < n; k++) s[to + k] = s[from + k];
    }

    /** Unconditional branch whose values (if any) are already in place. */
    static final class Br extends Stmt {
        final int signal;
        Br(int signal) { this.signal = signal; }
        @Override int exec(Frame f) { return signal; }
    }

    /** Unconditional branch carrying one value computed by an expression. */
    static final class BrValue extends Stmt {
        final int signal, to;
        final Expr value;
        BrValue(int signal, int to, Expr value) { this.signal = signal; this.to = to; this.value = value; }
        @Override int exec(Frame f) { f.s[to] = value.eval(f); return signal; }
    }

    /** Unconditional branch moving {@code n} spilled values. */
    static final class BrMove extends Stmt {
        final int signal, from, to, n;
        BrMove(int signal, int from, int to, int n) { this.signal = signal; this.from = from; this.to = to; this.n = n; }
        @Override int exec(Frame f) { move(f.s, from, to, n); return signal; }
    }

    /** {@code br_if}: values (if any) are spilled, and moved only when taken. */
    static final class BrIf extends Stmt {
        final Expr cond;
        final int signal, from, to, n;
        BrIf(Expr cond, int signal, int from, int to, int n) {
            this.cond = cond; this.signal = signal; this.from = from; this.to = to; this.n = n;
        }
        @Override int exec(Frame f) {
            if ((int) cond.eval(f) == 0) return 0;
            if (n != 0) move(f.s, from, to, n);
            return signal;
        }
    }

    /** {@code br_table}: entry min(index, last) (index unsigned); the values are spilled at {@code from}. */
    static final class BrTable extends Stmt {
        final Expr index;
        final int[] signals, tos;
        final int from, n;
        BrTable(Expr index, int[] signals, int[] tos, int from, int n) {
            this.index = index; this.signals = signals; this.tos = tos; this.from = from; this.n = n;
        }
        @Override int exec(Frame f) {
            long i = index.eval(f) & 0xFFFFFFFFL;
            int e = i < signals.length - 1 ? (int) i : signals.length - 1;
            if (n != 0 && tos[e] != from) move(f.s, from, tos[e], n);
            return signals[e];
        }
    }

    static final class Unreachable extends Stmt {
        @Override int exec(Frame f) { throw new Trap(TrapKind.UNREACHABLE); }
    }

    /**
     * The operand-stack fallback: the operands are spilled at {@code sp - k ..} and the instruction
     * (a table, reference or bulk-memory one) runs on the frame's slots through {@link TableMemoryOps},
     * leaving its result (if any) in its slot.
     */
    static final class SlotOp extends Stmt {
        final int[] code;
        final int sp;
        SlotOp(int lop, int a, int b, int sp) { this.code = new int[] {lop, a, b}; this.sp = sp; }
        @Override int exec(Frame f) {
            TableMemoryOps.exec(code[0], code, 1, f.s, sp, f.ctx.inst);
            return 0;
        }
    }
}
