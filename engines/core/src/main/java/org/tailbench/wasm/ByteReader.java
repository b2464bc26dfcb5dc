package org.tailbench.wasm;

/**
 * A cursor over a module's bytes for the binary decoder (spec 2.0 §5.1–§5.2): fixed-size bytes,
 * LEB128 integers, length-prefixed vectors and UTF-8 names. Every read past {@link #limit()} throws
 * {@link MalformedModuleException} ("unexpected end of section or function", or the message given at
 * construction); nothing here throws an unchecked JDK exception on bad input.
 *
 * <p>Error wording and the checks' order follow the reference interpreter, so that each of the
 * testsuite's {@code assert_malformed} texts comes out as expected: an LEB128 whose last allowed byte
 * has bits beyond the type's width is "integer too large", one with more bytes than
 * {@code ceil(N/7)} is "integer representation too long", and a length that exceeds the bytes left
 * is "length out of bounds".
 */
final class ByteReader {
    /** The spec's wording for running out of bytes inside a module's sections. */
    static final String EOF_IN_SECTION = "unexpected end of section or function";

    private final byte[] buf;
    private final int limit;
    private final String eofMessage;
    private int pos;

    /**
     * @param buf        the module bytes (not copied)
     * @param pos        first byte to read
     * @param limit      one past the last readable byte; clamped to {@code buf.length} (a declared size
     *                   may run past the module's end, which then reads as "unexpected end")
     * @param eofMessage the error for reading past {@code limit}
     */
    ByteReader(byte[] buf, int pos, int limit, String eofMessage) {
        this.buf = buf; this.pos = pos; this.limit = Math.min(limit, buf.length); this.eofMessage = eofMessage;
    }

    int pos() { return pos; }
    int limit() { return limit; }
    int remaining() { return limit - pos; }
    boolean atEnd() { return pos >= limit; }
    byte[] bytes() { return buf; }

    /** Moves the cursor to {@code p} ({@code <= limit}). */
    void seek(int p) {
        if (p > limit) throw eof();
        pos = p;
    }

    /** @return the next byte without consuming it, or -1 at the end */
    int peek() { return pos < limit ? buf[pos] & 0xFF : -1; }

    /** @return the next byte, 0..255 */
    int u8() {
        if (pos >= limit) throw eof();
        return buf[pos++] & 0xFF;
    }

    /** @return a little-endian 32-bit word (f32 bits, magic, version) */
    int fixed32() {
        if (limit - pos < 4) { pos = limit; throw eof(); }
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** @return a little-endian 64-bit word (f64 bits) */
    long fixed64() {
        long lo = fixed32() & 0xFFFFFFFFL;
        long hi = fixed32() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /** @return an unsigned LEB128 u32, zero-extended into the long (0 .. 2^32-1) */
    long u32() { return unsigned(32); }

    /** @return the limits flag (§5.3.7), an LEB128 of one bit as the reference interpreter reads it */
    int limitsFlag() { return (int) unsigned(1); }

    /** @return a signed LEB128 s32 */
    int s32() { return (int) signed(32); }

    /** @return a signed LEB128 s33 (block types), -2^32 .. 2^32-1 */
    long s33() { return signed(33); }

    /** @return a signed LEB128 s64 */
    long s64() { return signed(64); }

    /**
     * A length (vector count, name or byte-string size, section size): a u32 that must not exceed
     * the bytes left in the module. Every vector element takes at least one byte, so this bounds
     * allocations by the input size.
     */
    int len() {
        int at = pos;
        long n = u32();
        if (n > buf.length - at) throw error("length out of bounds", at);
        return (int) n;
    }

    /** @return a copy of the next {@code n} bytes ({@code n >= 0}) */
    byte[] take(int n) {
        if (n > limit - pos) { pos = limit; throw eof(); }
        byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A name (§5.2.4): a length-prefixed byte string that must be well-formed UTF-8. */
    String name() {
        int n = len();
        int at = pos;
        if (n > limit - pos) { pos = limit; throw eof(); }
        String s = Utf8.decode(buf, pos, n);
        if (s == null) throw error("malformed UTF-8 encoding", at);
        pos += n;
        return s;
    }

    /**
     * A one-byte type code read as the reference interpreter's {@code vs7}: a set continuation bit
     * means a longer LEB128 than the 7-bit type allows.
     */
    int typeCode() {
        int b = u8();
        if ((b & 0x80) != 0) throw error("integer representation too long", pos);
        return b;
    }

    private long unsigned(int bits) {
        long result = 0;
        int shift = 0;
        for (int n = bits; ; n -= 7, shift += 7) {
            if (n <= 0) throw error("integer representation too long", pos);
            int b = u8();
            if (n < 7 && (b & 0x7F) >= (1 << n)) throw error("integer too large", pos - 1);
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    private long signed(int bits) {
        long result = 0;
        int shift = 0;
        for (int n = bits; ; n -= 7) {
            if (n <= 0) throw error("integer representation too long", pos);
            int b = u8();
            if (n < 7) {
                int mask = (-1 << (n - 1)) & 0x7F;
                int m = b & mask;
                if (m != 0 && m != mask) throw error("integer too large", pos - 1);
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
                return result;
            }
        }
    }

    MalformedModuleException eof() { return new MalformedModuleException(eofMessage, limit); }

    static MalformedModuleException error(String message, long at) { return new MalformedModuleException(message, at); }
}
