package org.tailbench.spectest;

import com.fasterxml.jackson.databind.JsonNode;
import org.tailbench.wasm.ValType;

/**
 * Values as wabt's {@code wast2json} writes them ({@code {"type": "i32", "value": "42"}}) and the
 * testsuite's result checks. Numbers are unsigned decimal strings of the value's bits (floats too);
 * {@code "nan:canonical"} / {@code "nan:arithmetic"} are expected-value patterns (spec 2.0 §4.3.3 NaN
 * propagation); references are {@code "null"} or, for externref, a host handle number.
 * Encoded values follow {@link ValType}'s convention.
 */
public final class SpecValues {
    private SpecValues() {}

    /**
     * @return the encoded argument value
     * @throws IllegalArgumentException for a type this runner cannot pass (v128, a non-null funcref) or a bad number
     */
    public static long parseArg(JsonNode v) {
        String type = v.path("type").asText();
        String value = v.path("value").asText(null);
        return parse(type, value);
    }

    /** @return the encoded value of {@code value} (wast2json text) of {@code type} */
    public static long parse(String type, String value) {
        if (value == null) throw new IllegalArgumentException(type + " value without \"value\"");
        try {
            return switch (type) {
                case "i32", "f32" -> (int) Long.parseLong(value);
                case "i64", "f64" -> Long.parseUnsignedLong(value);
                case "externref" -> "null".equals(value) ? ValType.NULL_REF : Long.parseLong(value);
                case "funcref" -> {
                    if ("null".equals(value)) yield ValType.NULL_REF;
                    throw new IllegalArgumentException("a non-null funcref cannot be written as an argument: " + value);
                }
                default -> throw new IllegalArgumentException("unsupported value type " + type);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + type + " value \"" + value + "\"", e);
        }
    }

    /**
     * Checks one result against an expected value node.
     * @return null when {@code actual} matches, else a description such as {@code "expected i32:1, got i32:2"}
     */
    public static String check(JsonNode expected, long actual) {
        String type = expected.path("type").asText();
        String value = expected.path("value").asText(null);
        boolean ok = matches(type, value, actual);
        return ok ? null : "expected " + type + ":" + value + ", got " + format(type, actual);
    }

    /**
     * @param value the expected text; for funcref null means "any non-null reference"
     * @return whether {@code actual} (encoded) matches the expectation
     * @throws IllegalArgumentException for an expected type this runner does not know (e.g. v128)
     */
    public static boolean matches(String type, String value, long actual) {
        return switch (type) {
            case "i32" -> (int) actual == (int) parse(type, value);
            case "i64" -> actual == parse(type, value);
            case "f32" -> switch (value) {
                case "nan:canonical" -> isCanonicalNaN32((int) actual);
                case "nan:arithmetic" -> isArithmeticNaN32((int) actual);
                default -> (int) actual == (int) parse(type, value);
            };
            case "f64" -> switch (value) {
                case "nan:canonical" -> isCanonicalNaN64(actual);
                case "nan:arithmetic" -> isArithmeticNaN64(actual);
                default -> actual == parse(type, value);
            };
            case "externref" -> value == null ? actual != ValType.NULL_REF : actual == parse(type, value);
            case "funcref" -> value == null || !"null".equals(value) ? actual != ValType.NULL_REF : actual == ValType.NULL_REF;
            default -> throw new IllegalArgumentException("unsupported expected value type " + type);
        };
    }

    /** A canonical NaN (spec 2.0 §4.3.3): any sign, exponent all ones, payload exactly 0x400000. */
    public static boolean isCanonicalNaN32(int bits) { return (bits & 0x7FFFFFFF) == 0x7FC00000; }
    /** An arithmetic NaN: any sign, exponent all ones, payload's most significant bit set. */
    public static boolean isArithmeticNaN32(int bits) { return (bits & 0x7FC00000) == 0x7FC00000; }
    public static boolean isCanonicalNaN64(long bits) { return (bits & 0x7FFFFFFFFFFFFFFFL) == 0x7FF8000000000000L; }
    public static boolean isArithmeticNaN64(long bits) { return (bits & 0x7FF8000000000000L) == 0x7FF8000000000000L; }

    /** @return {@code "type:value"} for messages, with the float's decimal value and bits */
    public static String format(String type, long v) {
        return switch (type) {
            case "i32" -> "i32:" + (int) v;
            case "i64" -> "i64:" + v;
            case "f32" -> "f32:" + Float.intBitsToFloat((int) v) + " (0x" + Integer.toHexString((int) v) + ")";
            case "f64" -> "f64:" + Double.longBitsToDouble(v) + " (0x" + Long.toHexString(v) + ")";
            default -> type + ":" + (v == ValType.NULL_REF ? "null" : Long.toString(v));
        };
    }
}
