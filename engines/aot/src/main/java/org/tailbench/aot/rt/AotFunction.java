package org.tailbench.aot.rt;

import org.tailbench.runtime.CompiledFunction;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function of an aot-compiled instance, as the store sees it: host calls ({@link #invoke}) enter
 * generated code through {@link Boundary#enter}; generated code of the same instance calls the generated
 * method directly and only looks at {@link #ctx} / {@link #index} (to recognise its own functions in tables).
 */
public final class AotFunction extends CompiledFunction<AotContext> {
    /** the function index in the module (imports first) */
    public final int index;

    public AotFunction(FuncType canonicalType, AotContext ctx, int index) {
        super(canonicalType, ctx);
        this.index = index;
    }

    @Override protected long[] enter(long[] args) { return Boundary.enter(this, args); }

    @Override public String name() { return ctx.linkage.names[ctx.linkage.originalFunction[index]]; }
}
