package org.tailbench.interp.rt;

import org.tailbench.runtime.CompiledFunction;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of one of the interpreter engines: its instance's context, its parameter count, and
 * the host entry ({@link #invoke}: checks the argument count, then {@link #enter}s the engine's dispatch).
 * Each engine subclasses it once; that class is how its dispatch tells its own functions (called inside the
 * loop, trampoline or tree) from host functions and other engines' functions (called through {@link Calls#callForeign}).
 * @param <C> the engine's per-instance context
 */
public abstract class InterpFunction<C extends InstanceContext<?>> extends CompiledFunction<C> {
    /** the number of parameters of its type */
    public final int paramCount;

    protected InterpFunction(C ctx, FuncType canonicalType, int paramCount) {
        super(canonicalType, ctx);
        this.paramCount = paramCount;
    }
}
