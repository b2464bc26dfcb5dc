package org.tailbench.cli;

import org.tailbench.wasm.ValType;

/**
 * Converts {@code --invoke} arguments and results between text and the value encoding of
 * {@link ValType} (one {@code long} per value).
 */
final class Values {
    private Values() {}

    /**
     * Parses {@code text} as a value of {@code type}: integers in decimal or {@code 0x} hex, signed or
     * unsigned (i32 accepts -2^31..2^32-1); floats as Java/C decimal or hex literals, {@code nan}, {@code inf};
     * references as {@code null} or a non-negative number.
     * @throws IllegalArgumentException naming the type when the text does not fit
     */
    static long parse(ValType type, String text) {
        String t = text.trim().replace("_", "");
        try {
            return switch (type) {
                case I32 -> {
                    long v = parseInteger(t);
                    if (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) throw new NumberFormatException();
                    yield (int) v;
                }
                case I64 -> parseLong64(t);
                case F32 -> Float.floatToRawIntBits(parseFloat(t)) & 0xFFFFFFFFL;
                case F64 -> Double.doubleToRawLongBits(parseDouble(t));
                case FUNCREF, EXTERNREF -> {
                    if (t.equals("null")) yield ValType.NULL_REF;
                    long v = Long.parseLong(t);
                    if (v < 0) throw new NumberFormatException();
                    yield v;
                }
                case V128 -> throw new IllegalArgumentException("v128 arguments are not supported");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid " + type + " value");
        }
    }

    private static long parseInteger(String t) {
        boolean neg = t.startsWith("-");
        String body = neg || t.startsWith("+") ? t.substring(1) : t;
        long v = body.startsWith("0x") || body.startsWith("0X") ? Long.parseLong(body.substring(2), 16) : Long.parseLong(body);
        return neg ? -v : v;
    }

    private static long parseLong64(String t) {
        boolean neg = t.startsWith("-");
        String body = neg || t.startsWith("+") ? t.substring(1) : t;
        boolean hex = body.startsWith("0x") || body.startsWith("0X");
        if (hex) body = body.substring(2);
        long v = Long.parseUnsignedLong(body, hex ? 16 : 10);
        if (!hex && !neg && v < 0) return v; // unsigned above 2^63-1
        return neg ? -v : v;
    }

    private static float parseFloat(String t) {
        return switch (t.toLowerCase()) {
            case "nan", "+nan" -> Float.NaN;
            case "-nan" -> -Float.NaN;
            case "inf", "+inf", "infinity" -> Float.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Float.NEGATIVE_INFINITY;
            default -> Float.parseFloat(t.startsWith("0x") || t.startsWith("-0x") ? hexFloat(t) : t);
        };
    }

    private static double parseDouble(String t) {
        return switch (t.toLowerCase()) {
            case "nan", "+nan" -> Double.NaN;
            case "-nan" -> -Double.NaN;
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t.startsWith("0x") || t.startsWith("-0x") ? hexFloat(t) : t);
        };
    }

    /** Java needs the binary exponent of a hex float: {@code 0x1.8} → {@code 0x1.8p0}. */
    private static String hexFloat(String t) { return t.toLowerCase().contains("p") ? t : t + "p0"; }

    /** @return {@code v} as text: i32/i64 signed decimal, floats as Java prints them, refs as number or {@code null} */
    static String format(ValType type, long v) {
        return switch (type) {
            case I32 -> Integer.toString((int) v);
            case I64 -> Long.toString(v);
            case F32 -> Float.toString(Float.intBitsToFloat((int) v));
            case F64 -> Double.toString(Double.longBitsToDouble(v));
            case FUNCREF, EXTERNREF -> v == ValType.NULL_REF ? "null" : Long.toString(v);
            case V128 -> "v128";
        };
    }
}
