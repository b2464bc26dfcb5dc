package org.tailbench.wasm.validate;

import org.tailbench.wasm.Module;

/**
 * Validation (spec 2.0 §3, following the appendix "Validation Algorithm" for code), with the
 * tail-call proposal's rules for {@code return_call} / {@code return_call_indirect}.
 */
public final class Validator {
    private Validator() {}

    /** @throws org.tailbench.wasm.InvalidModuleException naming function index, byte offset and the spec's reason */
    public static ValidatedModule validate(Module module) {
        throw new UnsupportedOperationException("TODO: validator");
    }
}
