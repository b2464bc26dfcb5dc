package org.tailbench.runtime;

import org.tailbench.wasm.FuncType;

/**
 * A function instance in a {@link Store} (spec §4.2.6): a host function or an engine's compiled
 * Wasm function. Its {@link #address()} is the funcref value that tables and {@code ref.func} hold.
 * Values cross this interface as {@code long}s, encoded as {@link org.tailbench.wasm.ValType} says.
 */
public abstract non-sealed class FunctionInstance implements Extern {
    private final FuncType type;
    int address = -1;

    protected FunctionInstance(FuncType type) { this.type = type; }

    public final FuncType type() { return type; }

    /** @return the store address (the funcref value), assigned by {@link Store#register} */
    public final int address() { return address; }

    /**
     * Calls the function from the host.
     * @param args one value per parameter
     * @return one value per result (a fresh array)
     * @throws Trap on a Wasm trap
     */
    public abstract long[] invoke(long... args);

    /**
     * The check an engine's {@link #invoke} makes first: one argument per parameter of {@link #type()}.
     * @throws IllegalArgumentException "NAME takes N arguments, got M" otherwise
     */
    protected final void checkArity(long[] args) {
        int n = type.params().length;
        if (args.length != n) throw new IllegalArgumentException(name() + " takes " + n + " arguments, got " + args.length);
    }

    /** @return a printable name for backtraces and errors */
    public String name() { return "func@" + address; }
}
