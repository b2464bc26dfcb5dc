package org.tailbench.runtime;

import org.tailbench.wasm.FuncType;

/**
 * A Wasm function instance of one of our engines (the interpreters, aot, native): the per-instance context its
 * engine runs it with, and the host entry, which checks the argument count ({@link #checkArity}) before
 * {@link #enter}ing the engine. An engine's own calls between its functions do not come through here.
 * @param <C> the engine's per-instance context
 */
public abstract class CompiledFunction<C> extends FunctionInstance {
    /** the context of the instance this function belongs to */
    public final C ctx;

    /**
     * @param type its (canonical) function type
     * @param ctx  the context of its instance
     */
    protected CompiledFunction(FuncType type, C ctx) {
        super(type);
        this.ctx = ctx;
    }

    /**
     * Calls the function from the host.
     * @param args one value per parameter
     * @return one value per result (a fresh array)
     * @throws IllegalArgumentException "NAME takes N arguments, got M" when {@code args.length} differs from the parameter count
     * @throws Trap on a trap (with the Wasm backtrace)
     */
    @Override public final long[] invoke(long... args) {
        checkArity(args);
        return enter(args);
    }

    /**
     * Runs this function from the host on the engine, after {@link #invoke} checked the arguments.
     * @param args one value per parameter (the caller's array; copy it before keeping or changing it)
     * @return one value per result (a fresh array)
     * @throws Trap on a trap (with the Wasm backtrace)
     */
    protected abstract long[] enter(long[] args);
}
