package org.tailbench.wasm;

/** Binary format decoder (spec 2.0 §5), plus the tail-call proposal's opcodes. */
public final class Decoder {
    private Decoder() {}

    /** @throws MalformedModuleException with the byte offset and the spec's message */
    public static Module decode(byte[] bytes) {
        throw new UnsupportedOperationException("TODO: decoder");
    }
}
