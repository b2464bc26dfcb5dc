package org.tailbench.aot;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

/**
 * Code generation of {@code call}, {@code call_indirect}, {@code return_call} and
 * {@code return_call_indirect} (spec 2.0 §4.4.8 and the tail-call proposal), following
 * {@link CallingConvention}.
 *
 * <ul>
 *   <li>{@code call} of a defined function: {@code invokestatic} (same class, or by name another class of the
 *       module: {@link ModulePlan}) or, with hidden classes, {@code invokedynamic} bound once to the other class's
 *       method; when the callee may leave a pending tail call, a check of {@code tcTarget} and the group's
 *       trampoline loop {@code $drain}.</li>
 *   <li>{@code call} of an import: arguments boxed, {@code Boundary.callImport}.</li>
 *   <li>{@code call_indirect}: the group's {@code $ci<T>} helper for the type (checks, then a switch to
 *       the group's functions of that type, else a boxed call).</li>
 *   <li>{@code return_call} to the function itself: a jump to the method start (trampoline mode).
 *       Other {@code return_call} / {@code return_call_indirect}: {@code $tc<T>} / {@code $rci<T>} record
 *       the callee and its arguments in the context's preallocated slots and the method returns: no
 *       allocation, constant JVM stack. In naive mode ({@code aot-naive}) both are call + return.</li>
 * </ul>
 */
final class CallGen {
    static final Handle BOOTSTRAP = new Handle(H_INVOKESTATIC, RtCalls.BOOTSTRAP_CALL.owner(), RtCalls.BOOTSTRAP_CALL.name(),
            RtCalls.BOOTSTRAP_CALL.desc(), false);
    private static final String C = CallingConvention.CTX_DESC;

    private final FunctionGen g;
    private final Asm a;

    CallGen(FunctionGen g) { this.g = g; this.a = g.a; }

    /** the instruction being generated (the reload of the memory view looks ahead from it) */
    private int callAt;

    void emit(Op op, int i) {
        callAt = i;
        long imm = g.code.a[i];
        int table = (int) g.code.b[i];
        boolean tramp = g.plan.options().trampoline();
        switch (op) {
            case CALL -> { g.handOverFrame((int) imm); call((int) imm); }
            case CALL_INDIRECT -> callIndirect((int) imm, table);
            case RETURN_CALL -> {
                int f = (int) imm;
                boolean imported = f < g.plan.module().importedFunctions();
                if (tramp && f == g.index) { countTailCall(); g.selfTailCall(); return; }
                countTailCall();
                if (!tramp || imported) { call(f); g.emitReturn(); g.dead(); return; }
                FuncType t = g.plan.type(f);
                g.popN(t.params().length);
                if (CallingConvention.wide(t)) g.argumentsToSlots(t.params());
                a.iconst(f);
                g.ctxLoad();
                int ti = g.plan.module().functions.get(f - g.plan.module().importedFunctions()).typeIndex();
                a.invokeStatic(g.cls.name, g.cls.tailCallHelper(ti),
                        CallingConvention.descriptor(CallingConvention.helperParams(t), "I", CallingConvention.returnType(t)));
                returnPassedValue(t);
            }
            case RETURN_CALL_INDIRECT -> {
                countTailCall();
                if (!tramp) { callIndirect((int) imm, table); g.emitReturn(); g.dead(); return; }
                FuncType t = g.plan.module().types.get((int) imm);
                g.popN(1 + t.params().length);
                wideIndirectArguments(t);
                guardedTailCalls(g.tunedTargets(i), t, table);
                a.iconst(table);
                g.ctxLoad();
                a.invokeStatic(g.cls.name, g.cls.returnCallIndirectHelper((int) imm),
                        CallingConvention.descriptor(CallingConvention.helperParams(t), "II", CallingConvention.returnType(t)));
                returnPassedValue(t);
            }
            default -> throw new IllegalArgumentException(op.text);
        }
    }

    /** After a tail-call helper: its return value (zero when a call is pending) is the function's. */
    private void returnPassedValue(FuncType t) {
        g.decrementDepth();
        a.ret(CallingConvention.returnType(t));
        g.dead();
    }

    /** profiling only: {@code Rt.countTailCall(index, ctx)}; default code gets nothing here */
    private void countTailCall() {
        if (!g.plan.options().profiling()) return;
        a.iconst(g.index);
        g.ctxLoad();
        a.invoke(RtCalls.COUNT_TAIL_CALL);
    }

    private void call(int f) {
        FuncType t = g.plan.type(f);
        g.popN(t.params().length);
        if (f < g.plan.module().importedFunctions()) {
            g.boxValues(t.params());
            a.iconst(f);
            g.ctxLoad();
            a.invoke(RtCalls.CALL_IMPORT);
            unboxResults(t);
        } else {
            if (CallingConvention.wide(t)) g.argumentsToSlots(t.params());
            g.ctxLoad();
            invokeFunction(g.plan, g.cls, a, f);
            if (g.plan.mayTailCall()[f]) drainIfPending(a, t, g.cls.group.name, () -> g.ctxLoad());
            if (CallingConvention.multiResult(t)) loadResults(t);
        }
        g.reloadMemoryAfter(callAt);
        g.pushAll(t.results());
    }

    private void callIndirect(int typeIndex, int table) {
        FuncType t = g.plan.module().types.get(typeIndex);
        g.popN(1 + t.params().length);
        wideIndirectArguments(t);
        Label done = guardedCalls(g.tunedTargets(callAt), t, table);
        a.iconst(table);
        g.ctxLoad();
        a.invokeStatic(g.cls.group.name, g.cls.group.callIndirectHelper(typeIndex),
                CallingConvention.descriptor(CallingConvention.helperParams(t), "II", CallingConvention.returnType(t)));
        if (done != null) a.label(done);
        if (CallingConvention.multiResult(t)) loadResults(t);
        g.reloadMemoryAfter(callAt);
        g.pushAll(t.results());
    }

    /**
     * Guarded devirtualization of a {@code call_indirect} (tuning, README "Tuning"): with [args, index] on the stack,
     * for each target f in turn: if the table element is this instance's f ({@code Rt.isTarget}), call f directly
     * (draining a tail call it leaves pending) and go to the returned label with its result on the stack. Falls
     * through with [args, index] still on the stack when none matched (the generic path follows); no code and null
     * without targets.
     */
    private Label guardedCalls(int[] targets, FuncType t, int table) {
        if (targets.length == 0 || CallingConvention.wide(t)) return null;
        int idx = g.scratch(ValType.I32);
        a.mv.visitVarInsn(ISTORE, idx);
        Label done = new Label();
        for (int f : targets) {
            Label next = new Label();
            a.mv.visitVarInsn(ILOAD, idx);
            a.iconst(table);
            a.iconst(f);
            g.ctxLoad();
            a.invoke(RtCalls.IS_TARGET);
            a.jump(IFEQ, next);
            g.ctxLoad();
            invokeFunction(g.plan, g.cls, a, f);
            if (g.plan.mayTailCall()[f]) drainIfPending(a, t, g.cls.group.name, () -> g.ctxLoad());
            a.jump(GOTO, done);
            a.label(next);
        }
        a.mv.visitVarInsn(ILOAD, idx);
        return done;
    }

    /**
     * Guarded devirtualization of a {@code return_call_indirect} in trampoline mode: with [args, index] on the stack,
     * for each target f: if the table element is this instance's f and fewer than the tail chain limit of guarded
     * tail calls are on the JVM stack ({@code Rt.tailHit}, which counts this one in {@code AotContext.chain}), this
     * frame leaves the Wasm depth count, calls f directly and returns its result (a tail call f leaves pending goes up
     * to the caller's trampoline as before; the Wasm depth stays exact, the JVM stack grows by at most the limit).
     * Falls through with [args, index] on the stack otherwise (the generic trampolined path follows).
     */
    private void guardedTailCalls(int[] targets, FuncType t, int table) {
        if (targets.length == 0 || CallingConvention.wide(t)) return;
        int idx = g.scratch(ValType.I32);
        a.mv.visitVarInsn(ISTORE, idx);
        int limit = g.plan.tuning().tailChainLimit();
        for (int f : targets) {
            Label next = new Label();
            a.mv.visitVarInsn(ILOAD, idx);
            a.iconst(table);
            a.iconst(f);
            a.iconst(limit);
            g.ctxLoad();
            a.invoke(RtCalls.TAIL_HIT);
            a.jump(IFEQ, next);
            g.decrementDepth();
            g.ctxLoad();
            invokeFunction(g.plan, g.cls, a, f);
            g.ctxLoad();
            a.invoke(RtCalls.UNCHAIN);
            a.ret(CallingConvention.returnType(t));
            a.label(next);
        }
        a.mv.visitVarInsn(ILOAD, idx);
    }

    /** wide type: [args, index] → index, with the arguments in ctx.tcArgs */
    private void wideIndirectArguments(FuncType t) {
        if (!CallingConvention.wide(t)) return;
        int idx = g.scratch(ValType.I32);
        a.mv.visitVarInsn(ISTORE, idx);
        g.argumentsToSlots(t.params());
        a.mv.visitVarInsn(ILOAD, idx);
    }

    /** long[] of boxed results on top → the results as JVM values */
    private void unboxResults(FuncType t) {
        ValType[] rs = t.results();
        if (rs.length == 0) { a.op(POP); return; }
        if (rs.length == 1) { a.iconst(0); a.op(LALOAD); a.fromLong(rs[0]); return; }
        int arr = g.scratchRef();
        a.astore(arr);
        for (int k = 0; k < rs.length; k++) a.loadSlot(arr, k, rs[k]);
    }

    /** pushes the results a multi-value callee left in {@code ctx.results} */
    private void loadResults(FuncType t) {
        int arr = g.scratchRef();
        g.ctxLoad();
        a.getField(CallingConvention.CTX, "results", "[J");
        a.astore(arr);
        for (int k = 0; k < t.results().length; k++) a.loadSlot(arr, k, t.results()[k]);
    }

    /**
     * Calls the method of defined function {@code f} (arguments and context on the stack): {@code invokestatic} of its
     * class (by name, resolved when it first runs: {@link ModulePlan}), or with hidden classes, in another class, an
     * {@code invokedynamic} that {@code Linkage.bootstrapCall} binds.
     */
    static void invokeFunction(ModulePlan plan, ClassGen cls, Asm a, int f) {
        String desc = CallingConvention.descriptor(plan.type(f));
        String owner = plan.className()[plan.classOf()[f]];
        if (owner.equals(cls.name) || plan.namedCalls()) a.invokeStatic(owner, plan.methodName()[f], desc);
        else a.mv.visitInvokeDynamicInsn(plan.methodName()[f], desc, BOOTSTRAP, f);
    }

    /**
     * After a call whose callee may return with a pending tail call: if {@code tcTarget >= 0}, replace
     * the (zero) result by what the class's trampoline loop {@code $drain} returns.
     */
    static void drainIfPending(Asm a, FuncType t, String className, Runnable loadCtx) {
        Label done = new Label();
        loadCtx.run();
        a.getField(CallingConvention.CTX, "tcTarget", "I");
        a.jump(IFLT, done);
        Type rt = CallingConvention.returnType(t);
        if (rt.getSort() != Type.VOID) a.op(rt.getSize() == 2 ? POP2 : POP);
        loadCtx.run();
        a.invokeStatic(className, "$drain", "(" + C + ")J");
        if (rt.getSort() == Type.VOID) a.op(POP2); else a.fromLong(t.results()[0]);
        a.label(done);
    }
}
