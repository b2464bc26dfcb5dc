package org.tailbench.aot;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ValType;

/**
 * Writes one generated class: the methods of its Wasm functions ({@link FunctionGen}) and the helpers
 * they share, each made once per class and signature:
 * <ul>
 *   <li>{@code $invoke(int f, long[] args, AotContext)long}: boxed entry to any function of the class
 *       (host calls, the trampoline); other functions go to their class through {@code Rt.invokeOne};</li>
 *   <li>{@code $drain(AotContext)long}: the trampoline loop (pending tail calls until none is left);</li>
 *   <li>{@code $box_<sig>}, {@code $pack_<sig>}: values → new long[] / into a given long[];</li>
 *   <li>{@code $tc<T>}, {@code $rci<T>}, {@code $ci<T>}: tail call, tail call indirect, call indirect of type T;</li>
 *   <li>{@code $<name>}: a trapping method of the shared numeric semantics, with the trap's Wasm frames added
 *       ({@link #framedHelper});</li>
 *   <li>{@code $linkage()}: the module's {@code Linkage}, for backtraces.</li>
 * </ul>
 * With small classes ({@link ModulePlan}: the default, classes call each other by name) a class holds either
 * function methods with their private helpers, or, as its group's dispatch class ({@link #group}), the group's
 * {@code $invoke}, {@code $drain} and {@code $ci<T>} (public: the group's small classes call them), and
 * {@code $cx<T>(params..., int f, ctx) R}: calls function f of the group, for another group's {@code $ci<T>} and
 * {@code $invoke}, which find the group of a function of this instance with {@code Rt.dispatchClass} and call it
 * directly (with hidden classes they box the arguments and go through {@code Rt.callBoxed} / {@code Rt.invokeOne}).
 */
final class ClassGen {
    private static final String C = CallingConvention.CTX_DESC;

    final String name;
    final ModulePlan plan;
    final int classIndex;
    final ClassWriter cw;
    private final java.util.ArrayDeque<Runnable> helpers = new java.util.ArrayDeque<>();
    private final List<Integer> functions = new ArrayList<>();
    /** the class holding this class's {@code $invoke}, {@code $drain} and {@code $ci<T>}: itself, or its group's dispatch class */
    ClassGen group = this;
    /** the functions {@code $invoke} and {@code $ci<T>} switch over: this class's, or its group's (dispatch class) */
    private final List<Integer> dispatch = new ArrayList<>();
    /** every class of the module by index (set by {@link AotCompiler}): a {@code $ci<T>} asks other groups for {@code $cx<T>} */
    ClassGen[] all;

    ClassGen(ModulePlan plan, int classIndex, String sourceFile) {
        this.plan = plan;
        this.classIndex = classIndex;
        this.name = plan.className()[classIndex];
        this.cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override protected String getCommonSuperClass(String t1, String t2) { return "java/lang/Object"; }
        };
        cw.visit(V25, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
        cw.visitSource(sourceFile, null);
    }

    /** Generates the method of function {@code f}. */
    void function(int f) {
        functions.add(f);
        group.dispatch.add(f);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, plan.methodName()[f],
                CallingConvention.descriptor(plan.type(f)), null, null);
        new FunctionGen(plan, this, f, mv).generate();
    }

    /** Writes the helpers and returns the class file. */
    byte[] finish() {
        if (group == this) {   // a small class of a group has no dispatch helpers: its group's dispatch class has them
            invoke(plan.namedCalls() ? plan.otherDispatchClasses(classIndex) : new int[0]);
            drain();
        }
        linkage();
        while (!helpers.isEmpty()) helpers.poll().run();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private final java.util.Set<String> made = new java.util.HashSet<>();

    private String helper(String helperName, Runnable body) {
        if (made.add(helperName)) helpers.add(body);
        return helperName;
    }

    String boxHelper(ValType[] ts) {
        String n = "$box_" + CallingConvention.code(ts);
        return helper(n, () -> {
            MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, n, "(" + FunctionGen.descs(ts) + ")[J", null, null);
            Asm a = new Asm(mv);
            mv.visitCode();
            a.iconst(ts.length);
            mv.visitIntInsn(NEWARRAY, T_LONG);
            int slot = 0;
            for (int k = 0; k < ts.length; k++) {
                a.op(DUP);
                a.iconst(k);
                a.load(ts[k], slot);
                a.toLong(ts[k]);
                a.op(LASTORE);
                slot += CallingConvention.size(ts[k]);
            }
            a.op(ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        });
    }

    String packHelper(ValType[] ts) {
        String n = "$pack_" + CallingConvention.code(ts);
        return helper(n, () -> {
            MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, n, "(" + FunctionGen.descs(ts) + "[J)V", null, null);
            Asm a = new Asm(mv);
            mv.visitCode();
            int arr = 0;
            for (ValType t : ts) arr += CallingConvention.size(t);
            int slot = 0;
            for (int k = 0; k < ts.length; k++) {
                a.aload(arr);
                a.iconst(k);
                a.load(ts[k], slot);
                a.toLong(ts[k]);
                a.op(LASTORE);
                slot += CallingConvention.size(ts[k]);
            }
            a.op(RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        });
    }

    /**
     * {@code $<name>(args) R}: calls {@code target}, a static method that may throw a core {@code Trap} without Wasm
     * frames (the shared numeric semantics, {@code org.tailbench.runtime.NumericOps}), and rethrows such a trap
     * with this segment's frames added ({@code Traps.framed}). The stack walk starts here, so the generated method
     * that called this helper is listed at the line of the trapping instruction; the helper itself is no Wasm
     * frame ({@code $} names are skipped). Three bytes at the call site, as a direct call; C2 inlines both.
     * @return the helper's name; its descriptor is {@code target}'s
     */
    String framedHelper(MethodRefs.StaticCall target) {
        String n = "$" + target.name();
        return helper(n, () -> {
            MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, n, target.desc(), null, null);
            mv.visitCode();
            Label start = new Label(), end = new Label(), handler = new Label();
            mv.visitTryCatchBlock(start, end, handler, Type.getInternalName(org.tailbench.runtime.Trap.class));
            mv.visitLabel(start);
            int slot = 0;
            for (Type t : Type.getArgumentTypes(target.desc())) {
                mv.visitVarInsn(t.getOpcode(ILOAD), slot);
                slot += t.getSize();
            }
            mv.visitMethodInsn(INVOKESTATIC, target.owner(), target.name(), target.desc(), false);
            mv.visitLabel(end);
            mv.visitInsn(Type.getReturnType(target.desc()).getOpcode(IRETURN));
            mv.visitLabel(handler);
            mv.visitMethodInsn(INVOKESTATIC, RtCalls.FRAMED.owner(), RtCalls.FRAMED.name(), RtCalls.FRAMED.desc(), false);
            mv.visitInsn(ATHROW);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        });
    }

    /** {@code $tc<T>(params..., int f, ctx) R}: arguments into ctx.tcArgs, tcTarget = f, returns zero */
    String tailCallHelper(int typeIndex) {
        String n = "$tc" + typeIndex;
        FuncType t = plan.module().types.get(typeIndex);
        return helper(n, () -> {
            MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, n,
                    CallingConvention.descriptor(CallingConvention.helperParams(t), "I", CallingConvention.returnType(t)), null, null);
            Asm a = new Asm(mv);
            mv.visitCode();
            int fSlot = CallingConvention.contextSlot(t), ctx = fSlot + 1;
            storeArgs(a, t, ctx);
            a.aload(ctx);
            mv.visitVarInsn(ILOAD, fSlot);
            a.putField(CallingConvention.CTX, "tcTarget", "I");
            Type rt = CallingConvention.returnType(t);
            a.zero(rt);
            a.ret(rt);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        });
    }

    private static void storeArgs(Asm a, FuncType t, int ctxSlot) {
        int slot = 0;
        ValType[] ps = CallingConvention.helperParams(t);   // a wide type's arguments are in tcArgs already
        if (ps.length == 0) return;
        int arr = ctxSlot + 1;
        a.aload(ctxSlot);
        a.getField(CallingConvention.CTX, "tcArgs", "[J");
        a.astore(arr);
        for (int k = 0; k < ps.length; k++) {
            a.aload(arr);
            a.iconst(k);
            a.load(ps[k], slot);
            a.toLong(ps[k]);
            a.op(LASTORE);
            slot += CallingConvention.size(ps[k]);
        }
    }

    /** {@code $rci<T>(params..., int index, int table, ctx) R}: return_call_indirect */
    String returnCallIndirectHelper(int typeIndex) {
        String n = "$rci" + typeIndex;
        FuncType t = plan.module().types.get(typeIndex);
        return helper(n, () -> {
            MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, n,
                    CallingConvention.descriptor(CallingConvention.helperParams(t), "II", CallingConvention.returnType(t)), null, null);
            Asm a = new Asm(mv);
            mv.visitCode();
            int idx = CallingConvention.contextSlot(t), ctx = idx + 2, fSlot = ctx + 1, fi = ctx + 2, arr = ctx + 3;
            resolve(a, mv, typeIndex, idx, ctx, fSlot, fi);
            Label foreign = new Label();
            mv.visitVarInsn(ILOAD, fi);
            a.jump(IFLT, foreign);
            // pending call of this instance: arguments into the preallocated slots
            ValType[] ps = CallingConvention.helperParams(t);   // a wide type's arguments are in tcArgs already
            if (ps.length > 0) {
                int slot = 0;
                a.aload(ctx);
                a.getField(CallingConvention.CTX, "tcArgs", "[J");
                a.astore(arr);
                for (int k = 0; k < ps.length; k++) {
                    a.aload(arr); a.iconst(k); a.load(ps[k], slot); a.toLong(ps[k]); a.op(LASTORE);
                    slot += CallingConvention.size(ps[k]);
                }
            }
            a.aload(ctx);
            mv.visitVarInsn(ILOAD, fi);
            a.putField(CallingConvention.CTX, "tcTarget", "I");
            Type rt = CallingConvention.returnType(t);
            a.zero(rt);
            a.ret(rt);
            a.label(foreign);
            boxedCall(a, mv, t, fSlot, ctx);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        });
    }

    /** {@code $ci<T>(params..., int index, int table, ctx) R}: call_indirect; public, for a group's small classes */
    String callIndirectHelper(int typeIndex) {
        String n = "$ci" + typeIndex;
        FuncType t = plan.module().types.get(typeIndex);
        int[] others = otherGroups(t);
        if (!made.contains(n)) for (int g : others) all[g].crossGroupHelper(typeIndex);   // before any class is finished
        return helper(n, () -> {
            MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PUBLIC, n,
                    CallingConvention.descriptor(CallingConvention.helperParams(t), "II", CallingConvention.returnType(t)), null, null);
            Asm a = new Asm(mv);
            mv.visitCode();
            int idx = CallingConvention.contextSlot(t), ctx = idx + 2, fSlot = ctx + 1, fi = ctx + 2;
            resolve(a, mv, typeIndex, idx, ctx, fSlot, fi);
            List<Integer> same = new ArrayList<>();
            for (int f : dispatch) if (plan.type(f).equals(t)) same.add(f);
            Label slow = new Label();
            Type rt = CallingConvention.returnType(t);
            if (!same.isEmpty()) directCalls(a, mv, typeIndex, same.stream().mapToInt(Integer::intValue).toArray(), fi, ctx, slow);
            a.label(slow);
            if (others.length > 0) {   // a function of this instance in another group: that group's $cx<T>, unboxed
                Label boxed = new Label();
                Label[] cases = new Label[others.length];
                for (int k = 0; k < others.length; k++) cases[k] = new Label();
                mv.visitVarInsn(ILOAD, fi);
                a.jump(IFLT, boxed);   // another instance's or engine's function
                mv.visitVarInsn(ILOAD, fi);
                a.aload(ctx);
                a.invoke(RtCalls.DISPATCH_CLASS);
                mv.visitLookupSwitchInsn(boxed, others, cases);
                for (int k = 0; k < others.length; k++) {
                    a.label(cases[k]);
                    int slot = 0;
                    for (ValType p : CallingConvention.helperParams(t)) { a.load(p, slot); slot += CallingConvention.size(p); }
                    mv.visitVarInsn(ILOAD, fi);
                    a.aload(ctx);
                    a.invokeStatic(plan.className()[others[k]], "$cx" + typeIndex,
                            CallingConvention.descriptor(CallingConvention.helperParams(t), "I", rt));
                    a.ret(rt);
                }
                a.label(boxed);
            }
            boxedCall(a, mv, t, fSlot, ctx);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        });
    }

    /**
     * Emits the direct part of {@code $ci<T>} and {@code $cx<T>}: a lookupswitch on the function index in slot {@code fi}
     * over {@code keys} (functions of this group, of type {@code t}); each case passes the helper's Wasm parameters and
     * the context (slot {@code ctx}) to the function, runs a tail call it leaves pending and returns; any other index
     * goes to {@code otherwise}. Cases estimated above {@link SwitchChunks#BUDGET} in all go to window methods
     * {@code $dc<T>$<w>} (one per window of indices, shared by {@code $ci<T>} and {@code $cx<T>}) instead, so that no
     * method is above C2's HugeMethodLimit.
     */
    private void directCalls(Asm a, MethodVisitor mv, int typeIndex, int[] keys, int fi, int ctx, Label otherwise) {
        FuncType t = plan.module().types.get(typeIndex);
        Type rt = CallingConvention.returnType(t);
        SwitchChunks chunks = SwitchChunks.of(keys, f -> directCaseBytes(t, f), SwitchChunks.BUDGET);
        if (chunks != null) {
            String desc = CallingConvention.descriptor(CallingConvention.helperParams(t), "I", rt);
            chunks.route(a, fi, otherwise, (window, w) -> {
                String n = switchMethod("$dc" + typeIndex + "$" + w, ACC_PRIVATE, typeIndex, window);
                int slot = 0;
                for (ValType p : CallingConvention.helperParams(t)) { a.load(p, slot); slot += CallingConvention.size(p); }
                mv.visitVarInsn(ILOAD, fi);
                a.aload(ctx);
                a.invokeStatic(name, n, desc);
                a.ret(rt);
            });
            return;
        }
        Label[] cases = new Label[keys.length];
        for (int k = 0; k < keys.length; k++) cases[k] = new Label();
        mv.visitVarInsn(ILOAD, fi);
        mv.visitLookupSwitchInsn(otherwise, keys, cases);
        for (int k = 0; k < keys.length; k++) {
            a.label(cases[k]);
            int slot = 0;
            for (ValType p : CallingConvention.helperParams(t)) { a.load(p, slot); slot += CallingConvention.size(p); }
            a.aload(ctx);
            CallGen.invokeFunction(plan, this, a, keys[k]);
            if (plan.mayTailCall()[keys[k]]) CallGen.drainIfPending(a, t, name, () -> a.aload(ctx));
            a.ret(rt);
        }
    }

    /** estimated bytes of one case of {@link #directCalls}: switch entry, a load per parameter, context, call, drain, return */
    private int directCaseBytes(FuncType t, int f) {
        return 8 + 2 * CallingConvention.helperParams(t).length + 2 + 5 + (plan.mayTailCall()[f] ? 20 : 0) + 1;
    }

    /** @return the dispatch classes other than this one whose groups hold a function of type {@code t} (none with hidden classes) */
    private int[] otherGroups(FuncType t) {
        if (!plan.namedCalls()) return new int[0];
        return java.util.Arrays.stream(plan.groupsOfType().getOrDefault(t, new int[0])).filter(g -> g != classIndex).toArray();
    }

    /**
     * {@code $cx<T>(params..., int f, ctx) R}: calls function f of this group, of a type equal to T (the calling
     * {@code $ci<T>} of another group resolved and checked it), running a tail call it leaves pending; public
     */
    private void crossGroupHelper(int typeIndex) {
        FuncType t = plan.module().types.get(typeIndex);
        helper("$cx" + typeIndex, () -> writeSwitchMethod("$cx" + typeIndex, ACC_PUBLIC, typeIndex,
                dispatch.stream().mapToInt(Integer::intValue).filter(f -> plan.type(f).equals(t)).toArray()));
    }

    /** registers {@link #writeSwitchMethod} as helper {@code n} (once) and returns {@code n} */
    private String switchMethod(String n, int access, int typeIndex, int[] keys) {
        return helper(n, () -> writeSwitchMethod(n, access, typeIndex, keys));
    }

    /**
     * A static method {@code n(params..., int f, ctx) R} that calls function f, one of {@code keys} (this group's
     * functions of a type equal to T), running a tail call it leaves pending: {@code $cx<T>}, or a window of
     * {@code $ci<T>} / {@code $cx<T>} ({@code $dc<T>$<w>}); another f is a compiler bug ({@code Rt.notDispatched})
     */
    private void writeSwitchMethod(String n, int access, int typeIndex, int[] keys) {
        FuncType t = plan.module().types.get(typeIndex);
        Type rt = CallingConvention.returnType(t);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC | access, n,
                CallingConvention.descriptor(CallingConvention.helperParams(t), "I", rt), null, null);
        Asm a = new Asm(mv);
        mv.visitCode();
        int fi = CallingConvention.contextSlot(t), ctx = fi + 1;
        Label none = new Label();
        directCalls(a, mv, typeIndex, keys, fi, ctx, none);
        a.label(none);
        mv.visitVarInsn(ILOAD, fi);
        a.invoke(RtCalls.NOT_DISPATCHED);
        a.op(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** f = Rt.resolve(index, table, T, ctx) into fSlot; fi = Rt.localIndex(f, ctx) into fiSlot */
    private void resolve(Asm a, MethodVisitor mv, int typeIndex, int idx, int ctx, int fSlot, int fiSlot) {
        mv.visitVarInsn(ILOAD, idx);
        mv.visitVarInsn(ILOAD, idx + 1);
        a.iconst(typeIndex);
        a.aload(ctx);
        a.invoke(RtCalls.RESOLVE);
        a.op(DUP);
        a.astore(fSlot);
        a.aload(ctx);
        a.invoke(RtCalls.LOCAL_INDEX);
        mv.visitVarInsn(ISTORE, fiSlot);
    }

    /** boxes the parameters, {@code Rt.callBoxed(f, args, ctx)}, unboxes and returns the result(s) */
    private void boxedCall(Asm a, MethodVisitor mv, FuncType t, int fSlot, int ctx) {
        a.aload(fSlot);
        if (CallingConvention.wide(t)) {
            a.aload(ctx);
            a.getField(CallingConvention.CTX, "tcArgs", "[J");
            a.iconst(t.params().length);
            a.invokeStatic("java/util/Arrays", "copyOf", "([JI)[J");
        } else {
            int slot = 0;
            for (ValType p : t.params()) { a.load(p, slot); slot += CallingConvention.size(p); }
            a.invokeStatic(name, boxHelper(t.params()), "(" + FunctionGen.descs(t.params()) + ")[J");
        }
        a.aload(ctx);
        a.invoke(RtCalls.CALL_BOXED);
        ValType[] rs = t.results();
        if (rs.length == 0) { a.op(POP); a.op(RETURN); }
        else if (rs.length == 1) { a.iconst(0); a.op(LALOAD); a.fromLong(rs[0]); a.ret(CallingConvention.jvmType(rs[0])); }
        else { a.aload(ctx); a.invoke(RtCalls.SPILL_RESULTS); a.op(RETURN); }
    }

    /**
     * {@code $invoke(int f, long[] args, ctx) long}: a function of another group goes to that group's {@code $invoke}
     * (one of {@code others}, found with {@code Rt.dispatchClass}), else to {@code Rt.invokeOne}. Cases estimated above
     * {@link SwitchChunks#BUDGET} in all go to window methods {@code $invoke$<w>} (so none is above HugeMethodLimit).
     */
    private void invoke(int[] others) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "$invoke", "(I[J" + C + ")J", null, null);
        Asm a = new Asm(mv);
        mv.visitCode();
        Label other = new Label();
        int[] keys = dispatch.stream().mapToInt(Integer::intValue).toArray();
        SwitchChunks chunks = SwitchChunks.of(keys, this::invokeCaseBytes, SwitchChunks.BUDGET);
        if (chunks == null) {
            invokeCases(a, mv, keys, other);
        } else {
            chunks.route(a, 0, other, (window, w) -> {
                String n = helper("$invoke$" + w, () -> invokeWindow("$invoke$" + w, window));
                mv.visitVarInsn(ILOAD, 0);
                a.aload(1);
                a.aload(2);
                a.invokeStatic(name, n, "(I[J" + C + ")J");
                a.op(LRETURN);
            });
        }
        a.label(other);
        if (others.length > 0) {
            Label generic = new Label();
            Label[] groups = new Label[others.length];
            for (int k = 0; k < others.length; k++) groups[k] = new Label();
            mv.visitVarInsn(ILOAD, 0);
            a.aload(2);
            a.invoke(RtCalls.DISPATCH_CLASS);
            mv.visitLookupSwitchInsn(generic, others, groups);
            for (int k = 0; k < others.length; k++) {
                a.label(groups[k]);
                mv.visitVarInsn(ILOAD, 0);
                a.aload(1);
                a.aload(2);
                a.invokeStatic(plan.className()[others[k]], "$invoke", "(I[J" + C + ")J");
                a.op(LRETURN);
            }
            a.label(generic);
        }
        mv.visitVarInsn(ILOAD, 0);
        a.aload(1);
        a.aload(2);
        a.invoke(RtCalls.INVOKE_ONE);
        a.op(LRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code $invoke$<w>(int f, long[] args, ctx) long}: the cases of one window of {@code $invoke}; another f is a compiler bug */
    private void invokeWindow(String n, int[] keys) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, n, "(I[J" + C + ")J", null, null);
        Asm a = new Asm(mv);
        mv.visitCode();
        Label none = new Label();
        invokeCases(a, mv, keys, none);
        a.label(none);
        mv.visitVarInsn(ILOAD, 0);
        a.invoke(RtCalls.NOT_DISPATCHED);
        a.op(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** a switch on the function index (slot 0) over {@code keys}: each case unboxes args (slot 1), calls, returns the result as long */
    private void invokeCases(Asm a, MethodVisitor mv, int[] keys, Label otherwise) {
        Label[] cases = new Label[keys.length];
        for (int k = 0; k < keys.length; k++) cases[k] = new Label();
        mv.visitVarInsn(ILOAD, 0);
        if (keys.length > 0 && keys[keys.length - 1] - keys[0] == keys.length - 1) {
            mv.visitTableSwitchInsn(keys[0], keys[keys.length - 1], otherwise, cases);   // functions of a class are contiguous
        } else {
            mv.visitLookupSwitchInsn(otherwise, keys, cases);
        }
        for (int k = 0; k < keys.length; k++) {
            a.label(cases[k]);
            FuncType t = plan.type(keys[k]);
            if (CallingConvention.wide(t)) {   // arguments go in ctx.tcArgs (a no-op copy when args is tcArgs)
                a.aload(1);
                a.iconst(0);
                a.aload(2);
                a.getField(CallingConvention.CTX, "tcArgs", "[J");
                a.iconst(0);
                a.iconst(t.params().length);
                a.invokeStatic("java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V");
            } else {
                for (int p = 0; p < t.params().length; p++) a.loadSlot(1, p, t.params()[p]);
            }
            a.aload(2);
            CallGen.invokeFunction(plan, this, a, keys[k]);
            if (t.results().length == 1) a.toLong(t.results()[0]); else a.op(LCONST_0);
            a.op(LRETURN);
        }
    }

    /** estimated bytes of one case of {@link #invokeCases}: switch entry, unboxing (8 B per parameter), call, boxing, return */
    private int invokeCaseBytes(int f) {
        FuncType t = plan.type(f);
        return 8 + (CallingConvention.wide(t) ? 16 : 8 * t.params().length) + 1 + 5 + 4 + 1;
    }

    /** {@code $drain(ctx) long}: the trampoline loop */
    private void drain() {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "$drain", "(" + C + ")J", null, null);
        Asm a = new Asm(mv);
        mv.visitCode();
        Label loop = new Label(), done = new Label();
        a.op(LCONST_0);
        mv.visitVarInsn(LSTORE, 1);
        a.label(loop);
        a.aload(0);
        a.getField(CallingConvention.CTX, "tcTarget", "I");
        a.op(DUP);
        mv.visitVarInsn(ISTORE, 3);
        a.jump(IFLT, done);
        a.aload(0);
        a.op(ICONST_M1);
        a.putField(CallingConvention.CTX, "tcTarget", "I");
        mv.visitVarInsn(ILOAD, 3);
        a.aload(0);
        a.getField(CallingConvention.CTX, "tcArgs", "[J");
        a.aload(0);
        a.invokeStatic(name, "$invoke", "(I[J" + C + ")J");
        mv.visitVarInsn(LSTORE, 1);
        a.jump(GOTO, loop);
        a.label(done);
        mv.visitVarInsn(LLOAD, 1);
        a.op(LRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code $linkage() Object}: the module's linkage ({@code Linkage.of(MethodHandles.lookup())}) */
    private void linkage() {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "$linkage", "()Ljava/lang/Object;", null, null);
        mv.visitCode();
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        mv.visitMethodInsn(INVOKESTATIC, RtCalls.LINKAGE_OF.owner(), RtCalls.LINKAGE_OF.name(), RtCalls.LINKAGE_OF.desc(), false);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
