package org.tailbench.aot.rt;

import org.tailbench.runtime.FunctionInstance;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function of an aot-compiled instance, as the store sees it: host calls ({@link #invoke}) enter
 * generated code through {@link Boundary#enter}; generated code of the same instance calls the generated
 * method directly and only looks at {@link #ctx} / {@link #index} (to recognise its own functions in tables).
 */
public final class AotFunction extends FunctionInstance {
    public final AotContext ctx;
    /** the function index in the module (imports first) */
    public final int index;

    public AotFunction(FuncType canonicalType, AotContext ctx, int index) {
        super(canonicalType);
        this.ctx = ctx;
        this.index = index;
    }

    /**
     * @throws IllegalArgumentException when {@code args} has not one value per parameter
     * @throws org.tailbench.runtime.Trap on a Wasm trap
     */
    @Override public long[] invoke(long... args) {
        checkArity(args);
        return Boundary.enter(this, args);
    }

    @Override public String name() { return ctx.linkage.names[ctx.linkage.originalFunction[index]]; }
}
