package org.tailbench.aot.rt;

import java.util.Arrays;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.FunctionCalls;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Trap;

/**
 * Runtime helpers called by generated code for the instructions that touch instance state: globals,
 * tables, bulk memory, {@code memory.grow}, indirect-call resolution and the tail-call trampoline.
 * Operand order follows the Wasm operands (then immediates, then the context last), so generated code
 * calls them without shuffling the JVM operand stack. Traps thrown by core code get the Wasm frames here.
 */
public final class Rt {
    private static final long MASK = 0xFFFFFFFFL;
    private static final long[] NO_REFS = new long[0];
    private static final byte[] NO_BYTES = new byte[0];

    private Rt() {}

    public static void setGlobal(long v, int g, AotContext ctx) { ctx.globals[g].value = v; }

    /** {@code global.get} by JVM type (I, J, F, D): small call sites, inlined by C2. */
    public static int globalI(int g, AotContext ctx) { return (int) ctx.globals[g].value; }
    public static long globalJ(int g, AotContext ctx) { return ctx.globals[g].value; }
    public static float globalF(int g, AotContext ctx) { return Float.intBitsToFloat((int) ctx.globals[g].value); }
    public static double globalD(int g, AotContext ctx) { return Double.longBitsToDouble(ctx.globals[g].value); }

    /**
     * A {@code return_call*} executed by function {@code f}, in profiling-compiled code only (default code
     * has no call here): counts it in {@link AotContext#tailCalls} and, while a recording enables
     * {@code tailbench.TailCalls}, in the module's {@link Linkage#tailCounter} (by original function index).
     */
    public static void countTailCall(int f, AotContext ctx) {
        ctx.tailCalls[f]++;
        if (WasmJfr.countTailCalls()) ctx.linkage.tailCounter.count(ctx.linkage.originalFunction[f]);
    }

    /** A frame ends: one Wasm call depth less. */
    public static void leave(AotContext ctx) { ctx.depth--; }

    public static int memoryGrow(int delta, AotContext ctx) { return ctx.memory.grow(delta & MASK); }

    public static void memoryFill(int dst, int v, int n, AotContext ctx) {
        try { ctx.memory.fill(dst & MASK, v, n & MASK); } catch (Trap t) { throw Traps.framed(t); }
    }

    public static void memoryCopy(int dst, int src, int n, AotContext ctx) {
        try { ctx.memory.copy(dst & MASK, src & MASK, n & MASK); } catch (Trap t) { throw Traps.framed(t); }
    }

    public static void memoryInit(int dst, int src, int n, int seg, AotContext ctx) {
        try { ctx.memory.init(dst & MASK, ctx.inst.datas[seg], src & MASK, n & MASK); } catch (Trap t) { throw Traps.framed(t); }
    }

    public static void dataDrop(int seg, AotContext ctx) { ctx.inst.datas[seg] = NO_BYTES; }

    public static long tableGet(int i, int t, AotContext ctx) {
        try { return ctx.tables[t].get(i & MASK); } catch (Trap e) { throw Traps.framed(e); }
    }

    public static void tableSet(int i, long v, int t, AotContext ctx) {
        try { ctx.tables[t].set(i & MASK, v); } catch (Trap e) { throw Traps.framed(e); }
    }

    public static int tableSize(int t, AotContext ctx) { return ctx.tables[t].size(); }

    public static int tableGrow(long init, int n, int t, AotContext ctx) { return ctx.tables[t].grow(n & MASK, init); }

    public static void tableFill(int dst, long v, int n, int t, AotContext ctx) {
        try { ctx.tables[t].fill(dst & MASK, v, n & MASK); } catch (Trap e) { throw Traps.framed(e); }
    }

    public static void tableCopy(int dst, int src, int n, int dstTable, int srcTable, AotContext ctx) {
        try { ctx.tables[dstTable].copyFrom(ctx.tables[srcTable], dst & MASK, src & MASK, n & MASK); }
        catch (Trap e) { throw Traps.framed(e); }
    }

    public static void tableInit(int dst, int src, int n, int seg, int t, AotContext ctx) {
        try { ctx.tables[t].init(dst & MASK, ctx.inst.elements[seg], src & MASK, n & MASK); }
        catch (Trap e) { throw Traps.framed(e); }
    }

    public static void elemDrop(int seg, AotContext ctx) { ctx.inst.elements[seg] = NO_REFS; }

    public static long refFunc(int f, AotContext ctx) { return ctx.store.register(ctx.functions[f]); }

    /**
     * {@code call_indirect}'s checks (spec 2.0 §4.4.8): the element exists, is not null, and has type
     * {@code typeIndex} (structural equality; an identity hit for canonical types).
     * @throws Trap UNDEFINED_ELEMENT, UNINITIALIZED_ELEMENT or INDIRECT_CALL_TYPE_MISMATCH, with frames
     */
    public static FunctionInstance resolve(int index, int table, int typeIndex, AotContext ctx) {
        try {
            return FunctionCalls.resolveIndirect(ctx.tables[table], ctx.store, ctx.types[typeIndex], index);
        } catch (Trap t) {
            throw Traps.framed(t);
        }
    }

    /** @return the function index of {@code f} when it is a function of this very instance, else -1 */
    public static int localIndex(FunctionInstance f, AotContext ctx) {
        return f instanceof AotFunction a && a.ctx == ctx ? a.index : -1;
    }

    /**
     * Calls function {@code fi} of this instance held by another generated class (through its
     * {@code $invoke}), running any tail calls it leaves pending.
     * @return the single result encoded, or 0 (several results are in {@link AotContext#results})
     */
    public static long invokeLocal(int fi, long[] args, AotContext ctx) {
        long r = invokeOne(fi, args, ctx);
        if (ctx.tcTarget < 0) return r;
        try {   // the generated trampoline loop: direct calls inside, one handle call here
            return (long) ctx.linkage.drainer(fi).invokeExact(ctx);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Calls function {@code fi} of this instance through its class's {@code $invoke} (no trampoline). */
    public static long invokeOne(int fi, long[] args, AotContext ctx) {
        try {
            return (long) ctx.linkage.invoker(fi).invokeExact(fi, args, ctx);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * A call of {@code f} with boxed arguments from an indirect call site: of this instance (another
     * class) or foreign. Results come back boxed; several results are also left in {@link AotContext#results}.
     */
    public static long[] callBoxed(FunctionInstance f, long[] args, AotContext ctx) {
        int fi = localIndex(f, ctx);
        if (fi < 0) return Boundary.callForeign(f, args, ctx);
        long r = invokeLocal(fi, args, ctx);
        int n = f.type().results().length;
        return n == 1 ? new long[] {r} : Arrays.copyOf(ctx.results, n);
    }

    /**
     * The guard of a devirtualized indirect call site (tuning, README "Tuning"): whether element {@code index} of
     * table {@code t} is this instance's function {@code f}. Its type is then the site's (checked when the tuning was
     * applied), so no other check of {@code call_indirect} is needed; any other element (another function, null, out
     * of range) takes the generic path, which traps as before.
     */
    public static boolean isTarget(int index, int t, int f, AotContext ctx) {
        long[] e = ctx.tables[t].elements();
        long i = index & MASK;
        if (i >= e.length) return false;
        long ref = e[(int) i];
        return ref >= 0 && ref == ctx.functions[f].address();
    }

    /**
     * The guard of a devirtualized {@code return_call_indirect}: {@link #isTarget}, and fewer than {@code limit}
     * guarded tail calls on the JVM stack; on a hit it counts this one in {@link AotContext#chain} (undone by
     * {@link #unchain} when the callee returns; a trap unwinds to {@link Boundary}, which restores the count).
     */
    public static boolean tailHit(int index, int t, int f, int limit, AotContext ctx) {
        if (ctx.chain >= limit || !isTarget(index, t, f, ctx)) return false;
        ctx.chain++;
        return true;
    }

    /** A guarded direct tail call returned. */
    public static void unchain(AotContext ctx) { ctx.chain--; }

    /**
     * @return the class whose {@code $invoke} runs function {@code fi} of this instance ({@link Linkage#classOf}): a
     *         generated {@code $ci<T>} or {@code $invoke} calls the {@code $cx<T>} / {@code $invoke} of that class directly
     */
    public static int dispatchClass(int fi, AotContext ctx) { return ctx.linkage.classOf[fi]; }

    /** @return the error of a generated {@code $cx<T>} asked for a function its group does not hold (a compiler bug, not a trap) */
    public static IllegalStateException notDispatched(int fi) {
        return new IllegalStateException("aot: function " + fi + " is not dispatched by the class it was sent to");
    }

    /** Leaves a pending tail call to {@code fi} whose arguments are already in {@link AotContext#tcArgs}. */
    public static void tailCall(int fi, AotContext ctx) { ctx.tcTarget = fi; }

    /** Stores foreign results into {@link AotContext#results} (a multi-value return through a boxed call). */
    public static void spillResults(long[] r, AotContext ctx) { System.arraycopy(r, 0, ctx.results, 0, r.length); }
}
