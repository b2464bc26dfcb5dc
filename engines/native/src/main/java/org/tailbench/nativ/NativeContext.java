package org.tailbench.nativ;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import org.tailbench.runtime.FunctionCalls;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Table;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ValType;

/**
 * The per-instance VM context ({@link Abi} layout, native memory pinned in {@link Abi#CTX}) and the Java
 * side of entries and upcalls.
 *
 * <p>Java state mirrored into the context: memory 0's base and size (re-read after every upcall), the globals
 * (copied in at entry and after host calls, written back before host calls and at exit), and per table a
 * mirror of (type id, code address) entries for {@code call_indirect} (re-synchronised at entry, after every
 * call that leaves the instance, and by the table helpers; only changed entries are recomputed).
 *
 * <p>The upcall ({@link #upcall}) never lets an exception through the upcall stub (that would crash the
 * JVM): it stores it here and returns {@link Abi#PENDING}; the generated code unwinds to the entry stub, and
 * {@link #invoke} rethrows it.
 */
final class NativeContext implements org.tailbench.jfr.CallDepthSource {
    private static final ConcurrentHashMap<Long, WeakReference<NativeContext>> REGISTRY = new ConcurrentHashMap<>();
    private static final MemorySegment UPCALL_STUB;
    static {
        try {
            var mh = MethodHandles.lookup().findStatic(NativeContext.class, "upcall",
                    MethodType.methodType(int.class, long.class, int.class, int.class, long.class));
            UPCALL_STUB = Linker.nativeLinker().upcallStub(mh, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final NativeModule module;
    final Instance instance;
    private final MemorySegment ctx, tablesArea, funcrefs;
    private final MemorySegment[] mirrors;
    private final long[][] seen;
    private final int globalsOffset;
    private boolean funcrefsReady;
    private Throwable pending;

    NativeContext(NativeModule module, Instance instance) {
        this.module = module;
        this.instance = instance;
        Arena arena = Arena.ofAuto();
        this.ctx = arena.allocate(module.compiled.contextBytes(), 16);
        var m = instance.module;
        this.tablesArea = arena.allocate(16L * Math.max(1, m.tableCount()), 16);
        this.funcrefs = arena.allocate(8L * Math.max(1, m.functionCount()), 16);
        this.mirrors = new MemorySegment[m.tableCount()];
        this.seen = new long[m.tableCount()][];
        this.globalsOffset = module.compiled.globalsOffset();
        ctx.set(JAVA_LONG, Abi.C_UPCALL, UPCALL_STUB.address());
        ctx.set(JAVA_LONG, Abi.C_TABLES, tablesArea.address());
        ctx.set(JAVA_LONG, Abi.C_FUNCREFS, funcrefs.address());
        REGISTRY.put(ctx.address(), new WeakReference<>(this));
    }

    // ---- JFR (tailbench.WasmCallDepth): the depth counter only; the frames of running native code are not
    // readable from another thread, so innermost function and stack are "not available" (-1 / none) ----

    @Override public int wasmCallDepth() { return (int) ctx.get(JAVA_LONG, Abi.C_DEPTH); }
    @Override public int innermostFunction() { return -1; }
    @Override public int stack(int[] out) { return 0; }

    /** the thread running this instance's code, and how many entries deep (host re-entrance) */
    private Thread owner;
    private int entries;

    // ---- entry ----

    long[] invoke(NativeFunction f, long[] args) {
        Thread me = Thread.currentThread();
        if (entries > 0 && owner != me) {
            throw new IllegalStateException("native: instance is running on thread " + owner.getName()
                    + "; an instance (its store) is used by one thread at a time");
        }
        boolean jfr = entries == 0 && org.tailbench.jfr.WasmJfr.enter(module.engine, this);
        owner = me;
        entries++;
        try {
            return invokeHere(f, args);
        } catch (StackOverflowError e) {
            // the Java stack (host functions re-entering Wasm) ran out: the same trap as deep Wasm recursion
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        } finally {
            if (--entries == 0) owner = null;
            if (jfr) org.tailbench.jfr.WasmJfr.exit(this);
        }
    }

    private long[] invokeHere(NativeFunction f, long[] args) {
        FuncType t = f.type();
        int n = t.params().length;   // args.length: NativeFunction.invoke checked it
        prepare();
        for (int i = 0; i < n; i++) ctx.set(JAVA_LONG, Abi.RESULTS + 8L * i, args[i]);
        long depth = ctx.get(JAVA_LONG, Abi.C_DEPTH);
        long savedSp = ctx.get(JAVA_LONG, Abi.C_SAVED_SP);
        int rc;
        WasmStack stack = WasmStack.current();
        try {
            rc = (int) module.entry.invokeExact(ctx.address(), module.codeAddress(f.index - instance.module.importedFunctions()),
                    ctx.address() + Abi.RESULTS, (long) n, stack.entrySp());
            java.lang.ref.Reference.reachabilityFence(stack.mapping());
        } catch (Throwable e) {
            throw new IllegalStateException("native: entry failed", e);
        } finally {
            ctx.set(JAVA_LONG, Abi.C_DEPTH, depth);
            ctx.set(JAVA_LONG, Abi.C_SAVED_SP, savedSp);
        }
        globalsOut();
        if (rc == 0) return results(t);
        if (rc == Abi.PENDING) {
            Throwable p = pending;
            pending = null;
            // nothing recorded: the upcall failed before it reached this context, which only running out of Java
            // stack does (host functions re-entering Wasm too deeply)
            if (p == null) throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
            if (p instanceof StackOverflowError) p = new Trap(TrapKind.CALL_STACK_EXHAUSTED);
            if (p instanceof Trap trap) backtrace(trap);
            else trapFrames = java.util.List.of();
            throw sneaky(p);
        }
        Trap trap = new Trap(TrapKind.values()[rc - 1]);
        backtrace(trap);
        throw trap;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E { throw (E) t; }

    private long[] results(FuncType t) {
        ValType[] rt = t.results();
        long[] out = new long[rt.length];
        for (int i = 0; i < rt.length; i++) out[i] = normalize(rt[i], ctx.get(JAVA_LONG, Abi.RESULTS + 8L * i));
        return out;
    }

    static long normalize(ValType t, long v) { return t == ValType.I32 || t == ValType.F32 ? (long) (int) v : v; }

    private void prepare() {
        Memory mem = instance.memory();
        if (mem != null) {
            if (mem.backing() != Memory.Backing.MAPPED) {
                throw new Trap(TrapKind.HOST, "the native engine needs an off-heap (mapped) memory; this one is heap-backed", null);
            }
            ctx.set(JAVA_LONG, Abi.C_MEM_BASE, mem.baseAddress());
        }
        memorySize();
        ctx.set(JAVA_LONG, Abi.C_STACK_LIMIT, WasmStack.current().limit());
        ctx.set(JAVA_LONG, Abi.C_THREAD_LIMIT, ThreadStack.limit());
        ctx.set(JAVA_LONG, Abi.C_MAX_DEPTH, instance.store.maxCallDepth());
        if (!funcrefsReady) {
            for (int i = 0; i < instance.functions.length; i++) funcrefs.set(JAVA_LONG, 8L * i, instance.store.register(instance.functions[i]));
            funcrefsReady = true;
        }
        globalsIn();
        for (int k = 0; k < mirrors.length; k++) syncTable(k);
    }

    private void memorySize() {
        Memory mem = instance.memory();
        ctx.set(JAVA_LONG, Abi.C_MEM_SIZE, mem == null ? 0 : mem.byteSize());
    }

    private void globalsIn() {
        for (int g = 0; g < instance.globals.length; g++) ctx.set(JAVA_LONG, globalsOffset + 8L * g, instance.globals[g].value);
    }

    private void globalsOut() {
        for (int g = 0; g < instance.globals.length; g++) {
            var gl = instance.globals[g];
            if (gl.type().mutable()) gl.value = normalize(gl.type().type(), ctx.get(JAVA_LONG, globalsOffset + 8L * g));
        }
    }

    /** Re-mirrors table {@code k}: entries whose reference changed since the last sync. */
    private void syncTable(int k) {
        Table t = instance.tables[k];
        long[] el = t.elements();
        if (mirrors[k] == null || mirrors[k].byteSize() < 16L * el.length) {
            mirrors[k] = Arena.ofAuto().allocate(16L * Math.max(el.length * 2L, 4), 16);
            seen[k] = null;
            tablesArea.set(JAVA_LONG, 16L * k, mirrors[k].address());
        }
        long[] s = seen[k];
        if (s == null || s.length != el.length) {
            long[] ns = new long[el.length];
            java.util.Arrays.fill(ns, Long.MIN_VALUE);
            if (s != null) System.arraycopy(s, 0, ns, 0, Math.min(s.length, el.length));
            seen[k] = s = ns;
        }
        MemorySegment mir = mirrors[k];
        boolean funcref = t.elemType() == ValType.FUNCREF;
        for (int i = 0; i < el.length; i++) {
            long ref = el[i];
            if (s[i] == ref) continue;
            s[i] = ref;
            long id, addr = 0;
            if (ref == ValType.NULL_REF) id = Abi.NULL_ENTRY;
            else if (funcref && instance.store.function(ref) instanceof NativeFunction nf && nf.ctx == this) {
                id = ModuleCompiler.typeIdOf(nf.type());
                addr = module.codeAddress(nf.index - instance.module.importedFunctions());
            } else id = Abi.FOREIGN_ENTRY;
            mir.set(JAVA_LONG, 16L * i, id);
            mir.set(JAVA_LONG, 16L * i + 8, addr);
        }
        tablesArea.set(JAVA_LONG, 16L * k + 8, el.length);
    }

    /** frames recorded by the trap stub ({@link Abi#UP_BACKTRACE}) for the trap being unwound */
    private java.util.List<Trap.Frame> trapFrames = java.util.List.of();

    private int trapOmitted;

    private void backtrace(Trap trap) {
        for (Trap.Frame f : trapFrames) trap.addFrame(f);
        Trap.Frame last = trapFrames.isEmpty() ? null : trapFrames.get(trapFrames.size() - 1);
        for (int k = 0; k < trapOmitted; k++) trap.addFrame(last);   // beyond MAX_BACKTRACE_FRAMES: only counted
        trapFrames = java.util.List.of();
        trapOmitted = 0;
    }

    /** Walks the frame-pointer chain from the trap site (called from the trap stub, frames still intact). */
    private void recordBacktrace() {
        java.util.ArrayList<Trap.Frame> frames = new java.util.ArrayList<>();
        int omitted = 0;
        long pc = ctx.get(JAVA_LONG, Abi.C_TRAP_PC), fp = ctx.get(JAVA_LONG, Abi.C_TRAP_FP);
        for (int n = 0; n < 1_000_000 && fp != 0; n++) {
            int fi = module.functionAt(pc);
            if (fi < 0) break;
            if (frames.size() < Trap.MAX_BACKTRACE_FRAMES) {
                frames.add(new Trap.Frame(fi, instance.module.functionName(fi), module.compiled.wasmOffset(pc - module.code.address())));
            } else omitted++;
            MemorySegment frame = MemorySegment.ofAddress(fp).reinterpret(16);
            pc = frame.get(JAVA_LONG, 8);
            fp = frame.get(JAVA_LONG, 0);
        }
        trapFrames = frames;
        trapOmitted = omitted;
    }

    // ---- upcalls ----

    /** The upcall target: never throws (an exception through the upcall stub would crash the JVM). */
    private static int upcall(long ctxAddress, int kind, int imm, long args) {
        NativeContext c = null;
        try {
            WeakReference<NativeContext> ref = REGISTRY.get(ctxAddress);
            c = ref == null ? null : ref.get();
            if (c == null) return Abi.PENDING;
            WasmStack stack = WasmStack.current();
            long saved = stack.upcallAt(c.ctx.get(JAVA_LONG, Abi.C_WASM_SP));
            try {
                c.dispatch(kind, imm, args);
            } finally {
                stack.restore(saved);
            }
            return 0;
        } catch (Throwable t) {
            // no allocation or call here: this may run with the Java stack nearly exhausted
            if (c != null) c.pending = t;
            return Abi.PENDING;
        }
    }

    private static long arg(long args, int k, int n) {
        return MemorySegment.ofAddress(args + 8L * (n - 1 - k)).reinterpret(8).get(JAVA_LONG, 0);
    }

    private void result(int k, long v) { ctx.set(JAVA_LONG, Abi.RESULTS + 8L * k, v); }

    private static long u32(long v) { return v & 0xFFFFFFFFL; }

    private void dispatch(int kind, int imm, long args) {
        switch (kind) {
            case Abi.UP_CALL_IMPORT -> callOut(instance.functions[imm], args, 0);
            case Abi.UP_CALL_INDIRECT -> {
                int typeIndex = imm & 0xFFFFF, table = imm >>> 20;
                FuncType want = FunctionCalls.canonical(instance.module.types.get(typeIndex));
                int n = want.params().length;
                FunctionInstance f = FunctionCalls.resolveIndirect(instance.tables[table], instance.store, want, arg(args, n, n + 1));
                callOut(f, args, 1);
            }
            case Abi.UP_MEMORY_GROW -> { result(0, instance.memory().grow(u32(arg(args, 0, 1)))); memorySize(); }
            case Abi.UP_MEMORY_FILL -> instance.memory().fill(u32(arg(args, 0, 3)), (int) arg(args, 1, 3), u32(arg(args, 2, 3)));
            case Abi.UP_MEMORY_COPY -> instance.memory().copy(u32(arg(args, 0, 3)), u32(arg(args, 1, 3)), u32(arg(args, 2, 3)));
            case Abi.UP_MEMORY_INIT -> instance.memory().init(u32(arg(args, 0, 3)), instance.datas[imm], u32(arg(args, 1, 3)), u32(arg(args, 2, 3)));
            case Abi.UP_DATA_DROP -> instance.datas[imm] = new byte[0];
            case Abi.UP_TABLE_GET -> result(0, instance.tables[imm].get(u32(arg(args, 0, 1))));
            case Abi.UP_TABLE_SET -> { instance.tables[imm].set(u32(arg(args, 0, 2)), arg(args, 1, 2)); syncTable(imm); }
            case Abi.UP_TABLE_SIZE -> result(0, instance.tables[imm].size());
            case Abi.UP_TABLE_GROW -> { result(0, instance.tables[imm].grow(u32(arg(args, 1, 2)), arg(args, 0, 2))); syncTable(imm); }
            case Abi.UP_TABLE_FILL -> { instance.tables[imm].fill(u32(arg(args, 0, 3)), arg(args, 1, 3), u32(arg(args, 2, 3))); syncTable(imm); }
            case Abi.UP_TABLE_COPY -> {
                int dst = imm >>> 16, src = imm & 0xFFFF;
                instance.tables[dst].copyFrom(instance.tables[src], u32(arg(args, 0, 3)), u32(arg(args, 1, 3)), u32(arg(args, 2, 3)));
                syncTable(dst);
            }
            case Abi.UP_TABLE_INIT -> {
                int elem = imm >>> 16, table = imm & 0xFFFF;
                instance.tables[table].init(u32(arg(args, 0, 3)), instance.elements[elem], u32(arg(args, 1, 3)), u32(arg(args, 2, 3)));
                syncTable(table);
            }
            case Abi.UP_ELEM_DROP -> instance.elements[imm] = new long[0];
            case Abi.UP_BACKTRACE -> recordBacktrace();
            default -> throw new IllegalStateException("native: unknown upcall kind " + kind);
        }
    }

    /** Calls {@code f} with the arguments below {@code extra} trailing values at {@code args}; results to the context. */
    private void callOut(FunctionInstance f, long args, int extra) {
        ValType[] pt = f.type().params();
        int n = pt.length;
        long[] a = new long[n];
        for (int k = 0; k < n; k++) a[k] = normalize(pt[k], arg(args, k, n + extra));
        globalsOut();
        long[] r = f instanceof NativeFunction nf && nf.ctx == this ? f.invoke(a) : FunctionCalls.callForeign(f, instance, a);
        globalsIn();
        memorySize();
        // anything the callee ran (a host function may call other instances) may have changed shared tables
        for (int k = 0; k < mirrors.length; k++) syncTable(k);
        for (int k = 0; k < r.length; k++) result(k, r[k]);
    }
}
