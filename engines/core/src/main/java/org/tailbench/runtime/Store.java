package org.tailbench.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The store (spec §4.2.3): every function instance, addressed by the funcref values that tables
 * and {@code ref.func} hold, plus the limits engines enforce. Not thread-safe: one store per thread.
 */
public final class Store {
    /** Default limit on active Wasm frames before "call stack exhausted". */
    public static final int DEFAULT_MAX_CALL_DEPTH = 200_000;

    private final List<FunctionInstance> functions = new ArrayList<>();
    private int maxCallDepth = DEFAULT_MAX_CALL_DEPTH;
    private int maxMemoryPages = Memory.MAX_PAGES;

    /** Adds {@code f} to the store (once) and returns its address. */
    public int register(FunctionInstance f) {
        if (f.address < 0) {
            f.address = functions.size();
            functions.add(f);
        }
        return f.address;
    }

    /** @return the function at {@code address} (a non-null funcref value) */
    public FunctionInstance function(long address) { return functions.get((int) address); }

    /** Maximum number of nested Wasm frames (non-tail calls) before the "call stack exhausted" trap. */
    public int maxCallDepth() { return maxCallDepth; }
    public Store maxCallDepth(int depth) {
        if (depth < 1) throw new IllegalArgumentException("max call depth must be positive: " + depth);
        this.maxCallDepth = depth;
        return this;
    }

    /** Page limit applied to every memory this store allocates (at most {@link Memory#MAX_PAGES}). */
    public int maxMemoryPages() { return maxMemoryPages; }
    public Store maxMemoryPages(int pages) {
        if (pages < 0 || pages > Memory.MAX_PAGES) throw new IllegalArgumentException("memory page limit must be in 0.." + Memory.MAX_PAGES + ": " + pages);
        this.maxMemoryPages = pages;
        return this;
    }
}
