package org.tailbench.interp.rt;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of an engine that runs {@link LoweredFunction lowered code}. The lowered
 * function's hot fields are copied here into plain final fields, which the engine's loop reads directly,
 * to save an indirection per call. Each engine subclasses it to implement {@link #enter}.
 * @param <C> the engine's per-instance context
 */
public abstract class LoweredFunctionInstance<C extends InstanceContext<?>> extends InterpFunction<C> {
    /** the lowered function */
    public final LoweredFunction fn;
    /** {@link LoweredFunction#code()} */
    public final int[] code;
    /** {@link LoweredFunction#consts()} */
    public final long[] consts;
    /** {@link LoweredFunction#localInit()} */
    public final long[] localInit;
    /** {@link LoweredFunction#resultCount()}, {@link LoweredFunction#frameSize()}, {@link LoweredFunction#returnPc()} (and {@link #paramCount}) */
    public final int resultCount, frameSize, returnPc;

    protected LoweredFunctionInstance(C ctx, LoweredFunction fn, FuncType canonicalType) {
        super(ctx, canonicalType, fn.paramCount());
        this.fn = fn;
        this.code = fn.code();
        this.consts = fn.consts();
        this.localInit = fn.localInit();
        this.resultCount = fn.resultCount();
        this.frameSize = fn.frameSize();
        this.returnPc = fn.returnPc();
    }

    @Override public final String name() { return fn.name(); }

    /**
     * {@link org.tailbench.jfr.CallDepthSource#stack} for an engine that keeps its callers in an array: the
     * innermost function first, then {@code callers[depth-1]} down to {@code callers[0]}, at most
     * {@code out.length} indices. Read racily by the JFR periodic hook; stops at the first empty slot.
     * @param cur the executing function, or null
     * @return the number of function indices written to {@code out}
     */
    public static int wasmStack(LoweredFunctionInstance<?> cur, LoweredFunctionInstance<?>[] callers, int depth, int[] out) {
        if (cur == null || out.length == 0) return 0;
        int n = 0;
        out[n++] = cur.fn.functionIndex();
        for (int d = Math.min(depth, callers.length) - 1; d >= 0 && n < out.length; d--) {
            LoweredFunctionInstance<?> f = callers[d];
            if (f == null) break;
            out[n++] = f.fn.functionIndex();
        }
        return n;
    }

    /** @return {@code f}'s function index, or -1 for null ({@link org.tailbench.jfr.CallDepthSource#innermostFunction}) */
    public static int functionIndexOf(LoweredFunctionInstance<?> f) { return f == null ? -1 : f.fn.functionIndex(); }
}
