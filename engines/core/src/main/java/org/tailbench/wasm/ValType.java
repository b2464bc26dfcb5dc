package org.tailbench.wasm;

/**
 * Wasm value types (spec 2.0 §2.3, binary §5.3.1). {@code V128} is decoded so that SIMD modules fail
 * validation with a clear message, but no engine executes it.
 *
 * <p>Runtime representation used by every engine and host interface: one {@code long} per value —
 * i32 as the int sign-extended, i64 as is, f32 as {@link Float#floatToRawIntBits} (low 32 bits),
 * f64 as {@link Double#doubleToRawLongBits}, funcref as a store function address (≥ 0),
 * externref as a host handle (≥ 0), and a null reference as {@link #NULL_REF}.
 */
public enum ValType {
    I32(0x7F, "i32"), I64(0x7E, "i64"), F32(0x7D, "f32"), F64(0x7C, "f64"), V128(0x7B, "v128"),
    FUNCREF(0x70, "funcref"), EXTERNREF(0x6F, "externref");

    /** The runtime encoding of {@code ref.null} of either reference type. */
    public static final long NULL_REF = -1L;

    public final int code;
    public final String text;

    ValType(int code, String text) { this.code = code; this.text = text; }

    public boolean isRef() { return this == FUNCREF || this == EXTERNREF; }
    public boolean isNum() { return this == I32 || this == I64 || this == F32 || this == F64; }

    /** @return the type with binary code {@code b}, or null when {@code b} is no value type */
    public static ValType fromCode(int b) {
        return switch (b) {
            case 0x7F -> I32; case 0x7E -> I64; case 0x7D -> F32; case 0x7C -> F64; case 0x7B -> V128;
            case 0x70 -> FUNCREF; case 0x6F -> EXTERNREF;
            default -> null;
        };
    }

    @Override public String toString() { return text; }
}
