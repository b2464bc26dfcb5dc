package org.tailbench.wasm;

/**
 * Strict UTF-8 decoding for names (spec 2.0 §5.2.4, Unicode 3.9): rejects overlong forms, UTF-16
 * surrogates (U+D800..U+DFFF), code points above U+10FFFF, stray continuation bytes and truncated
 * sequences.
 */
final class Utf8 {
    private Utf8() {}

    /** @return the decoded string, or null when {@code buf[off .. off+len)} is not well-formed UTF-8 */
    static String decode(byte[] buf, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        int i = off, end = off + len;
        while (i < end) {
            int b0 = buf[i] & 0xFF;
            int cp, n;
            if (b0 < 0x80) { sb.append((char) b0); i++; continue; }
            else if (b0 >= 0xC2 && b0 <= 0xDF) { cp = b0 & 0x1F; n = 1; }
            else if (b0 >= 0xE0 && b0 <= 0xEF) { cp = b0 & 0x0F; n = 2; }
            else if (b0 >= 0xF0 && b0 <= 0xF4) { cp = b0 & 0x07; n = 3; }
            else return null; // continuation byte, overlong 2-byte lead (C0/C1) or lead > F4
            if (end - i <= n) return null;
            for (int k = 1; k <= n; k++) {
                int b = buf[i + k] & 0xFF;
                if ((b & 0xC0) != 0x80) return null;
                cp = cp << 6 | (b & 0x3F);
            }
            if (n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return null;
            if (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return null;
            sb.appendCodePoint(cp);
            i += n + 1;
        }
        return sb.toString();
    }
}
