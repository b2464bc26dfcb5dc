package org.tailbench.interp.closure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.FunctionInfo;

/**
 * Rebuilds a validated function body (stack code) into a tree of {@link Stmt}s and {@link Expr}s.
 *
 * <p>A compile-time operand stack holds one pending {@link Expr} per value: instructions that produce
 * a value pop their operands and push a node over them, so {@code i32.add (local.get 0) (i32.const 1)}
 * becomes one {@code I32Add} node with two children and no operand-stack traffic. Evaluating the trees
 * in stack order is the post-order of the original code, so pending expressions keep their order even
 * when they have effects (calls, {@code local.tee}, loads that may trap). Whenever a statement is
 * emitted (a store, {@code local.set}, a call without exactly one result, ...), the pending values
 * below its operands are first <em>spilled</em>: evaluated into the frame slot of their stack height
 * ({@code s[localCount + h]}) and replaced by reads of that slot. Control boundaries (block entry,
 * {@code else}, {@code end}, branches) spill everything, so block parameters, block results and branch
 * values always travel through the slots of their stack heights (the validator's
 * {@link FunctionInfo#stackHeight()}), which also handles multi-value. Unreachable code is skipped
 * (the validator marks it with height -1).
 *
 * <p>Trees stay shallow enough for the Java stack: a pending expression deeper than {@link #MAX_EXPR_DEPTH}
 * nodes is spilled (so a 100,000-deep operand stack becomes a sequence of slot writes, not a 100,000-deep
 * tree), and a function whose structured instructions nest deeper than {@link FunctionCode#DEEP_NESTING}
 * is marked to run on a large-stack worker thread ({@link FunctionCode#deep}).
 */
final class TreeBuilder {
    private static final int FUNC = 0, BLOCK = 1, LOOP = 2, IF = 3;
    /** Nodes a pending expression may have on its longest path before it is spilled to its slot. */
    static final int MAX_EXPR_DEPTH = 64;

    /** An open structured instruction while building. */
    private static final class Ctl {
        final int kind, base, params, results, elseIndex, endIndex;
        /** byte offset of the block, loop or if instruction */
        int pos;
        List<Stmt> body = new ArrayList<>();
        List<Stmt> thenBody;
        Expr cond;

        Ctl(int kind, int base, int params, int results, int elseIndex, int endIndex) {
            this.kind = kind; this.base = base; this.params = params; this.results = results;
            this.elseIndex = elseIndex; this.endIndex = endIndex;
        }

        int arity() { return kind == LOOP ? params : results; }
    }

    private final Module m;
    private final int definedIndex;
    private final FunctionInfo info;
    private final Code c;
    private final int nlocals;
    private Expr[] stack = new Expr[16];
    /** per pending value, the node depth of its tree (an upper bound) */
    private int[] depth = new int[16];
    /** the largest depth popped since the last push (the new node's children) */
    private int popped;
    private int sp;
    private int maxNesting;
    private final List<Ctl> ctls = new ArrayList<>();
    private boolean live = true;
    private int i;

    private TreeBuilder(Module m, int definedIndex, FunctionInfo info) {
        this.m = m;
        this.definedIndex = definedIndex;
        this.info = info;
        Module.Function f = m.functions.get(definedIndex);
        this.c = f.body();
        this.nlocals = m.types.get(f.typeIndex()).params().length + f.locals().length;
    }

    /**
     * Builds defined function {@code definedIndex} of {@code m}.
     * @throws IllegalStateException when {@code info} contradicts the code (a validator bug)
     */
    static FunctionCode build(Module m, int definedIndex, FunctionInfo info) {
        return new TreeBuilder(m, definedIndex, info).run();
    }

    // ---- compile-time operand stack ------------------------------------------------------------

    private void push(Expr e) {
        if (sp == stack.length) { stack = Arrays.copyOf(stack, sp * 2); depth = Arrays.copyOf(depth, sp * 2); }
        depth[sp] = popped + 1;
        popped = 0;
        stack[sp++] = e;
    }

    private Expr pop() {
        if (sp == 0) throw new IllegalStateException("operand stack underflow at instruction " + i + " (" + c.opAt(i) + ")");
        popped = Math.max(popped, depth[sp - 1]);
        return stack[--sp];
    }

    private Expr[] popN(int n) {
        Expr[] out = new Expr[n];
        for (int k = n - 1; k >= 0; k--) out[k] = pop();
        return out;
    }

    private int slot(int height) { return nlocals + height; }

    private boolean inSlot(int height) {
        return stack[height] instanceof VarNodes.LocalGet g && g.index == slot(height);
    }

    private void emit(Stmt s) {
        if (s.pos < 0) s.pos = c.pos[i];
        ctls.getLast().body.add(s);
    }

    /** Spills every pending value except constants (before an ordinary statement). */
    private void flush() {
        for (int h = 0; h < sp; h++) {
            if (!inSlot(h) && !(stack[h] instanceof VarNodes.Const)) spill(h);
        }
    }

    /** Spills every pending value (at control boundaries). */
    private void flushAll() {
        for (int h = 0; h < sp; h++) if (!inSlot(h)) spill(h);
    }

    private void spill(int h) {
        emit(new VarNodes.LocalSet(slot(h), stack[h]));
        stack[h] = new VarNodes.LocalGet(slot(h));
        depth[h] = 1;
    }

    /** Drops every pending value, evaluating those with effects (before an unconditional branch). */
    private void discardAll() {
        for (int h = 0; h < sp; h++) if (!stack[h].isPure()) emit(new VarNodes.Drop(stack[h]));
        sp = 0;
    }

    /** Sets the stack to {@code height} values, all in their slots. */
    private void resetStack(int height) {
        sp = 0;
        popped = 0;
        for (int h = 0; h < height; h++) push(new VarNodes.LocalGet(slot(h)));
    }

    /** The rest of the current block is unreachable: continue at its {@code else} or {@code end}. */
    private void skip() {
        Ctl ctl = ctls.getLast();
        live = false;
        i = (ctl.kind == IF && ctl.thenBody == null && ctl.elseIndex >= 0 ? ctl.elseIndex : ctl.endIndex) - 1;
    }

    private int height() {
        int h = info.stackHeight()[i];
        if (h != sp) {
            throw new IllegalStateException("function " + (m.importedFunctions() + definedIndex) + ": instruction " + i
                    + " (" + c.opAt(i) + ") has stack height " + h + " but the builder has " + sp);
        }
        return h;
    }

    // ---- the walk --------------------------------------------------------------------------------

    private FunctionCode run() {
        Module.Function f = m.functions.get(definedIndex);
        FuncType type = m.types.get(f.typeIndex());
        ctls.add(new Ctl(FUNC, 0, 0, type.results().length, -1, c.length - 1));
        Stmt[] body = null;
        for (i = 0; i < c.length && body == null; i++) {
            Op op = c.opAt(i);
            if (op == Op.ELSE) { elseBranch(); continue; }
            if (op == Op.END) { body = end(); continue; }
            height();
            instruction(op);
            if (live && sp > 0 && depth[sp - 1] > MAX_EXPR_DEPTH) flush();
        }
        if (body == null) throw new IllegalStateException("function body has no final end");
        ValType[] declared = f.locals();
        long[] init = null;
        for (int k = 0; k < declared.length; k++) {
            if (declared[k].isRef()) {
                if (init == null) init = new long[declared.length];
                init[k] = ValType.NULL_REF;
            }
        }
        int funcIndex = m.importedFunctions() + definedIndex;
        return new FunctionCode(funcIndex, m.functionName(funcIndex), type, body, nlocals, info.maxStackHeight(), init,
                maxNesting > FunctionCode.DEEP_NESTING);
    }

    private void enter(int kind, FuncType bt, int base) {
        int np = bt.params().length;
        int elseIndex = kind == IF ? info.elseIndex()[i] : -1;
        Ctl ctl = new Ctl(kind, base, np, bt.results().length, elseIndex, info.end()[i]);
        ctl.pos = c.pos[i];
        ctls.add(ctl);
        maxNesting = Math.max(maxNesting, ctls.size());
    }

    private void elseBranch() {
        Ctl ctl = ctls.getLast();
        if (live) flushAll();
        ctl.thenBody = ctl.body;
        ctl.body = new ArrayList<>();
        resetStack(ctl.base + ctl.params);
        live = true;
    }

    /** @return the function body when this is the function's final end, else null */
    private Stmt[] end() {
        Ctl ctl = ctls.getLast();
        if (live) flushAll();          // the results into their slots, inside the block
        ctls.removeLast();
        Stmt[] body = ctl.body.toArray(new Stmt[0]);
        if (ctl.kind == FUNC) return body;
        Stmt node = switch (ctl.kind) {
            case BLOCK -> ControlNodes.Cascade.of(body);
            case LOOP -> new ControlNodes.Loop(body);
            default -> ctl.thenBody == null
                    ? new ControlNodes.If(ctl.cond, body, new Stmt[0])
                    : new ControlNodes.If(ctl.cond, ctl.thenBody.toArray(new Stmt[0]), body);
        };
        node.pos = ctl.pos;
        emit(node);
        resetStack(ctl.base + ctl.results);
        live = true;
        if (info.stackHeight()[i] < 0) skip();
        return null;
    }

    private Ctl label(long depth) { return ctls.get(ctls.size() - 1 - (int) depth); }

    private void br(int depth) {
        Ctl t = label(depth);
        int n = t.arity(), to = slot(t.base), signal = depth + 1;
        if (n == 1) {
            Expr v = pop();
            discardAll();
            emit(v instanceof VarNodes.LocalGet g && g.index == to ? new ControlNodes.Br(signal) : new ControlNodes.BrValue(signal, to, v));
        } else {
            flushAll();
            int from = slot(sp - n);
            emit(n == 0 || from == to ? new ControlNodes.Br(signal) : new ControlNodes.BrMove(signal, from, to, n));
        }
        skip();
    }

    private void brIf(int depth) {
        Expr cond = pop();
        flushAll();
        Ctl t = label(depth);
        int n = t.arity(), to = slot(t.base), from = slot(sp - n);
        emit(new ControlNodes.BrIf(cond, depth + 1, from, to, from == to ? 0 : n));
    }

    private void brTable(int[] labels) {
        Expr index = pop();
        flushAll();
        int n = label(labels[labels.length - 1]).arity();
        int[] signals = new int[labels.length], tos = new int[labels.length];
        for (int k = 0; k < labels.length; k++) {
            signals[k] = labels[k] + 1;
            tos[k] = slot(label(labels[k]).base);
        }
        emit(new ControlNodes.BrTable(index, signals, tos, slot(sp - n), n));
        skip();
    }

    private void call(int kind, int a, int table, FuncType t, boolean tail) {
        Expr index = kind == CallNodes.INDIRECT ? pop() : null;
        Expr[] args = popN(t.params().length);
        CallNodes.Site site = new CallNodes.Site(kind, a, table, args, index, slot(sp));
        int nr = t.results().length;
        if (tail) {
            discardAll();
            emit(new CallNodes.TailCall(site, ctls.size()));
            skip();
        } else if (nr == 1) {
            push(new CallNodes.CallValue(site));
        } else {
            flush();
            emit(new CallNodes.CallStmt(site, slot(sp), nr));
            for (int k = 0; k < nr; k++) push(new VarNodes.LocalGet(slot(sp)));
        }
    }

    /** A table, reference or bulk-memory instruction run on spilled slots. */
    private void slotOp(Op op, int in, int out) {
        flushAll();
        emit(new ControlNodes.SlotOp(Lowerer.lop(op), (int) c.a[i], (int) c.b[i], slot(sp)));
        sp -= in;
        for (int k = 0; k < out; k++) push(new VarNodes.LocalGet(slot(sp)));
    }

    private void instruction(Op op) {
        long a = c.a[i];
        switch (op) {
            case NOP, I32_REINTERPRET_F32, I64_REINTERPRET_F64, F32_REINTERPRET_I32, F64_REINTERPRET_I64 -> { }
            case UNREACHABLE -> { discardAll(); emit(new ControlNodes.Unreachable()); skip(); }
            case BLOCK, LOOP -> {
                flushAll();
                FuncType bt = Code.blockType(m, a);
                enter(op == Op.BLOCK ? BLOCK : LOOP, bt, sp - bt.params().length);
            }
            case IF -> {
                Expr cond = pop();
                flushAll();
                FuncType bt = Code.blockType(m, a);
                enter(IF, bt, sp - bt.params().length);
                ctls.getLast().cond = cond;
            }
            case BR -> br((int) a);
            case BR_IF -> brIf((int) a);
            case BR_TABLE -> brTable(c.brTables[(int) a]);
            case RETURN -> br(ctls.size() - 1);
            case CALL, RETURN_CALL -> {
                int fi = (int) a;
                boolean local = fi >= m.importedFunctions();
                call(local ? CallNodes.LOCAL : CallNodes.IMPORT, local ? fi - m.importedFunctions() : fi, 0,
                        m.functionType(fi), op == Op.RETURN_CALL);
            }
            case CALL_INDIRECT, RETURN_CALL_INDIRECT ->
                    call(CallNodes.INDIRECT, (int) a, (int) c.b[i], m.types.get((int) a), op == Op.RETURN_CALL_INDIRECT);
            case DROP -> {
                Expr v = pop();
                if (!v.isPure()) { flush(); emit(new VarNodes.Drop(v)); }
            }
            case SELECT, SELECT_T -> {
                Expr cond = pop(), y = pop(), x = pop();
                push(new VarNodes.Select(x, y, cond));
            }
            case LOCAL_GET -> push(new VarNodes.LocalGet((int) a));
            case LOCAL_SET -> { Expr v = pop(); flush(); emit(new VarNodes.LocalSet((int) a, v)); }
            case LOCAL_TEE -> push(new VarNodes.LocalTee((int) a, pop()));
            case GLOBAL_GET -> push(new VarNodes.GlobalGet((int) a));
            case GLOBAL_SET -> { Expr v = pop(); flush(); emit(new VarNodes.GlobalSet((int) a, v)); }
            case I32_CONST, F32_CONST -> push(new VarNodes.Const((int) a));
            case I64_CONST, F64_CONST -> push(new VarNodes.Const(a));
            case REF_NULL -> push(new VarNodes.Const(ValType.NULL_REF));
            case REF_IS_NULL -> push(new VarNodes.RefIsNull(pop()));
            case MEMORY_SIZE -> push(new VarNodes.MemorySize());
            case MEMORY_GROW -> push(new VarNodes.MemoryGrow(pop()));
            case REF_FUNC, TABLE_SIZE -> slotOp(op, 0, 1);
            case TABLE_GET -> slotOp(op, 1, 1);
            case TABLE_SET -> slotOp(op, 2, 0);
            case TABLE_GROW -> slotOp(op, 2, 1);
            case TABLE_FILL, TABLE_COPY, TABLE_INIT, MEMORY_INIT, MEMORY_COPY, MEMORY_FILL -> slotOp(op, 3, 0);
            case ELEM_DROP, DATA_DROP -> slotOp(op, 0, 0);
            default -> {
                if (op.isMemoryAccess()) memoryAccess(op, a & 0xFFFFFFFFL);
                else numeric(op);
            }
        }
    }

    private void memoryAccess(Op op, long offset) {
        switch (op) {
            case I32_LOAD, F32_LOAD, I64_LOAD32_S -> push(new MemoryNodes.Load32(pop(), offset));
            case I64_LOAD, F64_LOAD -> push(new MemoryNodes.Load64(pop(), offset));
            case I32_LOAD8_S, I64_LOAD8_S -> push(new MemoryNodes.Load8S(pop(), offset));
            case I32_LOAD8_U, I64_LOAD8_U -> push(new MemoryNodes.Load8U(pop(), offset));
            case I32_LOAD16_S, I64_LOAD16_S -> push(new MemoryNodes.Load16S(pop(), offset));
            case I32_LOAD16_U, I64_LOAD16_U -> push(new MemoryNodes.Load16U(pop(), offset));
            case I64_LOAD32_U -> push(new MemoryNodes.Load32U(pop(), offset));
            default -> {
                Expr v = pop(), addr = pop();
                flush();
                emit(switch (op) {
                    case I32_STORE, F32_STORE, I64_STORE32 -> new MemoryNodes.Store32(addr, v, offset);
                    case I64_STORE, F64_STORE -> new MemoryNodes.Store64(addr, v, offset);
                    case I32_STORE8, I64_STORE8 -> new MemoryNodes.Store8(addr, v, offset);
                    case I32_STORE16, I64_STORE16 -> new MemoryNodes.Store16(addr, v, offset);
                    default -> throw new IllegalStateException("not a memory access: " + op);
                });
            }
        }
    }

    /** A numeric instruction: its dedicated node ({@link NumericNodes#of}), else a generic one by {@code LOp} code; operands from {@link Op#signature}. */
    private void numeric(Op op) {
        int params = op.signature == null ? 0 : op.signature.indexOf(':');
        if (params == 2) {
            Expr y = pop(), x = pop(), e = NumericNodes.of(op, x, y);
            push(e != null ? e : new NumericNodes.Generic2(genericLop(op), x, y));
        } else if (params == 1) {
            Expr x = pop(), e = NumericNodes.of(op, x, null);
            push(e != null ? e : new NumericNodes.Generic1(genericLop(op), x));
        } else {
            throw new IllegalStateException("no tree node for " + op);
        }
    }

    private static int genericLop(Op op) {
        int lop = Lowerer.lop(op);
        if (lop < 0) throw new IllegalStateException("no tree node for " + op);
        return lop;
    }

}
