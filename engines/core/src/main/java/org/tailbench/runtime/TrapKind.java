package org.tailbench.runtime;

/** The trap kinds of the spec, with the testsuite's messages. */
public enum TrapKind {
    UNREACHABLE("unreachable"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
    OUT_OF_BOUNDS_TABLE_ACCESS("out of bounds table access"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    /** a host function failed; the message says how */
    HOST("host function failed");

    public final String message;

    TrapKind(String message) { this.message = message; }

    /**
     * Recognises a trap kind in another runtime's trap message (peer engines: Chicory, Wasmtime, ...):
     * the first kind whose spec message occurs in {@code text} (case-insensitive), checked most specific
     * first ("uninitialized element" before "undefined element", "out of bounds table access" before
     * "out of bounds memory access"); {@link #HOST} when none does or {@code text} is null.
     */
    public static TrapKind fromMessage(String text) {
        if (text == null) return HOST;
        String t = text.toLowerCase(java.util.Locale.ROOT);
        for (TrapKind k : MATCH_ORDER) if (t.contains(k.message)) return k;
        return HOST;
    }

    private static final TrapKind[] MATCH_ORDER = {
        UNINITIALIZED_ELEMENT, UNDEFINED_ELEMENT, OUT_OF_BOUNDS_TABLE_ACCESS, OUT_OF_BOUNDS_MEMORY_ACCESS,
        INDIRECT_CALL_TYPE_MISMATCH, INTEGER_DIVIDE_BY_ZERO, INTEGER_OVERFLOW, INVALID_CONVERSION_TO_INTEGER,
        CALL_STACK_EXHAUSTED, UNREACHABLE,
    };
}
