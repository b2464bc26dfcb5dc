package org.tailbench.runtime;

import org.tailbench.wasm.validate.ValidatedModule;

/** A module as one engine prepared it; instantiate it as often as needed. */
public interface CompiledModule {
    ValidatedModule module();

    /**
     * Instantiates (spec §4.5.4): links imports, allocates memories/tables/globals, initialises
     * segments and runs the start function. Engines implement this with {@link Instantiator}.
     * @throws LinkException when an import is missing or has an incompatible type
     * @throws Trap when segment initialisation or the start function traps
     */
    Instance instantiate(Store store, Imports imports);
}
