package org.tailbench.interp.rt;

import org.tailbench.runtime.FunctionInstance;
import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of one of the interpreter engines: its instance's context and parameter count,
 * and the host entry ({@link #invoke}: checks the argument count, then {@link #enter}s the engine's dispatch).
 * Each engine subclasses it once; that class is how its dispatch tells its own functions (called inside the
 * loop, trampoline or tree) from host functions and other engines' functions (called through {@link Calls#callForeign}).
 * @param <C> the engine's per-instance context
 */
public abstract class InterpFunction<C extends InstanceContext<?>> extends FunctionInstance {
    /** the context of the instance this function belongs to */
    public final C ctx;
    /** the number of parameters of its type */
    public final int paramCount;

    protected InterpFunction(C ctx, FuncType canonicalType, int paramCount) {
        super(canonicalType);
        this.ctx = ctx;
        this.paramCount = paramCount;
    }

    /**
     * Calls the function from the host.
     * @param args one value per parameter
     * @return one value per result (a fresh array)
     * @throws IllegalArgumentException when {@code args.length} differs from the parameter count
     * @throws org.tailbench.runtime.Trap on a trap (with the Wasm backtrace)
     */
    @Override public final long[] invoke(long... args) {
        checkArity(args);
        return enter(args);
    }

    /**
     * Runs this function from the host on the engine's dispatch, after {@link #invoke} checked the arguments.
     * @param args one value per parameter (the caller's array; copy it before keeping or changing it)
     * @return one value per result (a fresh array)
     */
    protected abstract long[] enter(long[] args);
}
