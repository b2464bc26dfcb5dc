package org.tailbench.wasm;

/**
 * The module is well-formed but not valid (spec §3). {@link #specMessage()} is the testsuite's
 * wording ("type mismatch", "unknown local", ...); the full message adds the function index and
 * the byte offset of the offending instruction when the error is inside code.
 */
public class InvalidModuleException extends RuntimeException {
    private final String specMessage;
    private final int functionIndex;
    private final long offset;

    /** An error inside function {@code functionIndex} (module-wide index, imports included) at byte {@code offset}. */
    public InvalidModuleException(String specMessage, int functionIndex, long offset) {
        super(specMessage + " (in function " + functionIndex + " at byte offset " + offset + ", 0x" + Long.toHexString(offset) + ")");
        this.specMessage = specMessage;
        this.functionIndex = functionIndex;
        this.offset = offset;
    }

    /** An error outside function bodies (imports, exports, segments, ...). */
    public InvalidModuleException(String specMessage, String where) {
        super(specMessage + " (" + where + ")");
        this.specMessage = specMessage;
        this.functionIndex = -1;
        this.offset = -1;
    }

    public String specMessage() { return specMessage; }
    /** @return the function index, or -1 when the error is not inside a function body */
    public int functionIndex() { return functionIndex; }
    /** @return the byte offset in the module, or -1 */
    public long offset() { return offset; }
}
