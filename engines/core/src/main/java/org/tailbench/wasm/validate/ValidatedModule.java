package org.tailbench.wasm.validate;

import org.tailbench.wasm.Decoder;
import org.tailbench.wasm.Module;

/**
 * A module that passed validation, with per defined function the {@link FunctionInfo} engines use.
 * {@code functions[i]} belongs to {@code module.functions.get(i)} (function index {@code importedFunctions() + i}).
 */
public record ValidatedModule(Module module, FunctionInfo[] functions) {
    /**
     * Decodes and validates {@code bytes}.
     * @throws org.tailbench.wasm.MalformedModuleException if the bytes are not a well-formed binary module
     * @throws org.tailbench.wasm.InvalidModuleException if the module is not valid
     */
    public static ValidatedModule of(byte[] bytes) {
        return Validator.validate(Decoder.decode(bytes));
    }
}
