package org.tailbench.runtime;

import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The engine-independent part of instantiation (spec §4.5.4 "Instantiation"): import matching,
 * allocation, constant-expression evaluation, element/data initialisation, start function.
 * Engines supply only their function instances.
 */
public final class Instantiator {
    private Instantiator() {}

    /** Makes the engine's function instance for defined function {@code definedIndex} (0-based among defined functions). */
    @FunctionalInterface
    public interface FunctionFactory {
        FunctionInstance create(Instance instance, int definedIndex);
    }

    /**
     * @throws LinkException "unknown import" / "incompatible import type"
     * @throws Trap when an active segment is out of bounds or the start function traps
     */
    public static Instance instantiate(Store store, ValidatedModule module, Imports imports, FunctionFactory factory) {
        throw new UnsupportedOperationException("TODO: instantiator");
    }
}
