package org.tailbench.wasm;

/**
 * The module's bytes do not follow the binary format (spec §5). The message starts with the spec's
 * wording where the testsuite has one ("unexpected end", "integer too large", ...), followed by the
 * byte offset; {@link #specMessage()} is that wording alone.
 */
public class MalformedModuleException extends RuntimeException {
    private final String specMessage;
    private final long offset;

    public MalformedModuleException(String specMessage, long offset) {
        super(specMessage + " (at byte offset " + offset + ", 0x" + Long.toHexString(offset) + ")");
        this.specMessage = specMessage;
        this.offset = offset;
    }

    public String specMessage() { return specMessage; }
    public long offset() { return offset; }
}
