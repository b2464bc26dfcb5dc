package org.tailbench.interp.closure;

import org.tailbench.jfr.WasmJfr;

import org.tailbench.runtime.FunctionInstance;

/**
 * {@code call}, {@code call_indirect} and their tail forms (spec 2.0 §4.4.8, tail-call proposal).
 * Arguments are evaluated left to right, then (indirect) the table index; a callee of this engine
 * gets a fresh {@link Frame} and runs through {@link Trampoline#run} (non-tail) or is handed to the
 * caller's trampoline through {@link Machine#tail} (tail); any other function goes through
 * {@link Trampoline#callForeign}.
 */
final class CallNodes {
    /** callee kinds */
    static final int LOCAL = 0, IMPORT = 1, INDIRECT = 2;

    private CallNodes() {}

    /** What every call node knows: how to find the callee and its argument expressions. */
    static final class Site {
        final int kind;
        /** LOCAL: defined-function index; IMPORT: function index; INDIRECT: type index */
        final int a;
        /** INDIRECT: table index */
        final int table;
        final Expr[] args;
        /** INDIRECT: the table element index operand */
        final Expr index;
        /**
         * IMPORT, INDIRECT: the caller's frame slot of the first argument's stack height; the arguments
         * are evaluated into the caller's slots there until the callee is known, saving an array per
         * call. This is safe for the same reason as spills: trees evaluate in stack order, so every
         * value below the arguments was evaluated before them, and argument {@code k} reads only slots
         * of its own height and up
         */
        final int argSlot;

        Site(int kind, int a, int table, Expr[] args, Expr index, int argSlot) {
            this.kind = kind; this.a = a; this.table = table; this.args = args; this.index = index; this.argSlot = argSlot;
        }

        /** Evaluates the arguments into {@code dst[at ..]}. */
        void evalArgs(Frame f, long[] dst, int at) {
            Expr[] as = args;
            for (int k = 0; k < as.length; k++) dst[at + k] = as[k].eval(f);
        }

        /**
         * Evaluates the arguments (and table index) and resolves the callee.
         * @return a callee frame with the arguments in place, or null when the callee is foreign,
         *         in which case {@link Machine#foreign} and {@link Machine#foreignArgs} are set
         */
        Frame prepare(Frame f) {
            if (kind == LOCAL) {
                ClosureFunction c = f.ctx.defined[a];
                Frame cf = new Frame(c.code, c.ctx, f.m);
                evalArgs(f, cf.s, 0);
                return cf;
            }
            evalArgs(f, f.s, argSlot);
            FunctionInstance target = kind == IMPORT ? f.ctx.functions[a]
                    : Trampoline.resolveIndirect(f.ctx, a, table, index.eval(f));
            if (target instanceof ClosureFunction c) {
                Frame cf = new Frame(c.code, c.ctx, f.m);
                System.arraycopy(f.s, argSlot, cf.s, 0, args.length);
                return cf;
            }
            f.m.foreign = target;
            f.m.foreignArgs = java.util.Arrays.copyOfRange(f.s, argSlot, argSlot + args.length);
            return null;
        }

        /** A non-tail call. @return the results: the last frame's result slots, as an array only for foreign callees */
        Object call(Frame f) {
            if (kind == LOCAL) {
                ClosureFunction c = f.ctx.defined[a];
                Frame cf = new Frame(c.code, c.ctx, f.m);
                evalArgs(f, cf.s, 0);
                Frame last = Trampoline.run(cf);
                f.reloadMemory();
                return last;
            }
            Frame cf = prepare(f);
            if (cf == null) return callForeign(f);
            Frame last = Trampoline.run(cf);
            f.reloadMemory();
            return last;
        }
    }

    /** Calls the foreign callee {@link Site#prepare} left in the machine. */
    static long[] callForeign(Frame f) {
        Machine m = f.m;
        FunctionInstance target = m.foreign;
        long[] argv = m.foreignArgs;
        m.foreign = null;
        m.foreignArgs = null;
        return Trampoline.callForeign(f, target, argv);
    }

    /** A call with one result, used as a value. */
    static final class CallValue extends Expr {
        final Site site;
        CallValue(Site site) { this.site = site; }
        @Override long eval(Frame f) {
            if (site.kind == LOCAL) {
                ClosureFunction c = f.ctx.defined[site.a];
                Frame cf = new Frame(c.code, c.ctx, f.m);
                site.evalArgs(f, cf.s, 0);
                Frame last = Trampoline.run(cf);
                f.reloadMemory();
                return last.s[last.code.localCount];
            }
            Object r = site.call(f);
            return r instanceof Frame last ? last.s[last.code.localCount] : ((long[]) r)[0];
        }
    }

    /** A call with no or several results; these go to slots {@code to ..}. */
    static final class CallStmt extends Stmt {
        final Site site;
        final int to, results;
        CallStmt(Site site, int to, int results) { this.site = site; this.to = to; this.results = results; }
        @Override int exec(Frame f) {
            Object r = site.call(f);
            if (results == 0) return 0;
            if (r instanceof Frame last) System.arraycopy(last.s, last.code.localCount, f.s, to, results);
            else System.arraycopy((long[]) r, 0, f.s, to, results);
            return 0;
        }
    }

    /**
     * {@code return_call} / {@code return_call_indirect}: leaves the callee frame for the trampoline and
     * returns the signal that leaves the function. A foreign callee is called here and its results
     * become this function's results.
     */
    static final class TailCall extends Stmt {
        final Site site;
        final int signal;
        TailCall(Site site, int signal) { this.site = site; this.signal = signal; }
        @Override int exec(Frame f) {
            Frame cf = site.prepare(f);
            if (WasmJfr.countTailCalls()) f.ctx.tailCalls.count(f.code.functionIndex);
            if (cf != null) {
                f.m.tail = cf;
            } else {
                long[] r = callForeign(f);
                System.arraycopy(r, 0, f.s, f.code.localCount, r.length);
            }
            return signal;
        }
    }
}
