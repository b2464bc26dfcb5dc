package org.tailbench.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The section structure of a binary module (spec §5.5.2), loose enough to hold mutated modules:
 * the 8-byte preamble, then sections as (id, payload) pairs. {@link #encode()} writes every section
 * size anew as an unsigned LEB128, so mutations of a payload keep the module's framing consistent
 * and reach the decoder's later checks, the validator and the engines. Also LEB128 helpers
 * (spec §5.2.2) and the code section's bodies ({@link #codeBodies}).
 */
public final class WasmBinary {
    /** Section ids (spec §5.5.2): custom 0 … data count 12. */
    public static final int CUSTOM = 0, TYPE = 1, IMPORT = 2, FUNCTION = 3, TABLE = 4, MEMORY = 5, GLOBAL = 6,
            EXPORT = 7, START = 8, ELEMENT = 9, CODE = 10, DATA = 11, DATA_COUNT = 12;

    /** One section: its id byte and payload (without the size field). */
    public record Section(int id, byte[] payload) {}

    public final byte[] preamble;
    public final List<Section> sections;

    public WasmBinary(byte[] preamble, List<Section> sections) {
        this.preamble = preamble;
        this.sections = sections;
    }

    /**
     * @return the sections of {@code bytes}, or null when the framing does not parse (short preamble,
     *         a size that runs past the end, an over-long size LEB)
     */
    public static WasmBinary parse(byte[] bytes) {
        if (bytes.length < 8) return null;
        List<Section> list = new ArrayList<>();
        int[] pos = {8};
        while (pos[0] < bytes.length) {
            int id = bytes[pos[0]++] & 0xFF;
            long size = readU32(bytes, pos);
            if (size < 0 || pos[0] + size > bytes.length) return null;
            list.add(new Section(id, Arrays.copyOfRange(bytes, pos[0], pos[0] + (int) size)));
            pos[0] += (int) size;
        }
        return new WasmBinary(Arrays.copyOf(bytes, 8), list);
    }

    /** @return the module bytes with every section size re-encoded */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble);
        for (Section s : sections) {
            out.write(s.id);
            writeU32(out, s.payload.length);
            out.writeBytes(s.payload);
        }
        return out.toByteArray();
    }

    /** @return the index in {@link #sections} of the first section with {@code id}, or -1 */
    public int indexOf(int id) {
        for (int i = 0; i < sections.size(); i++) if (sections.get(i).id == id) return i;
        return -1;
    }

    // ---- vectors of entries ---------------------------------------------------------------------

    /**
     * The code section payload split into function bodies (each without its size field), or null when
     * it does not parse.
     */
    public static List<byte[]> codeBodies(byte[] payload) {
        int[] pos = {0};
        long n = readU32(payload, pos);
        if (n < 0 || n > payload.length) return null;
        List<byte[]> bodies = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            long size = readU32(payload, pos);
            if (size < 0 || pos[0] + size > payload.length) return null;
            bodies.add(Arrays.copyOfRange(payload, pos[0], pos[0] + (int) size));
            pos[0] += (int) size;
        }
        return bodies;
    }

    /** @return a code section payload holding {@code bodies}, sizes written anew */
    public static byte[] codePayload(List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU32(out, bodies.size());
        for (byte[] b : bodies) {
            writeU32(out, b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    /**
     * Entry extents of a vector section whose entries this class can delimit (type, import, function, table,
     * memory, global, export, and code), as {@code [start, end)} pairs into {@code payload}; null for other sections or
     * when parsing fails. Used by the shrinker to drop entries.
     */
    public static List<int[]> entries(int id, byte[] payload) {
        int[] pos = {0};
        long n = readU32(payload, pos);
        if (n < 0 || n > payload.length) return null;
        List<int[]> list = new ArrayList<>();
        try {
            for (long i = 0; i < n; i++) {
                int start = pos[0];
                switch (id) {
                    case TYPE -> {
                        pos[0]++; // 0x60
                        for (int k = 0; k < 2; k++) { long c = readU32(payload, pos); if (c < 0) return null; pos[0] += (int) c; }
                    }
                    case FUNCTION -> { if (readU32(payload, pos) < 0) return null; }
                    case MEMORY -> limits(payload, pos);
                    case TABLE -> { pos[0]++; limits(payload, pos); }
                    case GLOBAL -> { pos[0] += 2; if (!constExpr(payload, pos)) return null; }
                    case IMPORT -> {
                        for (int k = 0; k < 2; k++) { long c = readU32(payload, pos); if (c < 0) return null; pos[0] += (int) c; }
                        int kind = payload[pos[0]++];
                        switch (kind) {
                            case 0 -> readU32(payload, pos);
                            case 1 -> { pos[0]++; limits(payload, pos); }
                            case 2 -> limits(payload, pos);
                            case 3 -> pos[0] += 2;
                            default -> { return null; }
                        }
                    }
                    case EXPORT -> {
                        long c = readU32(payload, pos); if (c < 0) return null; pos[0] += (int) c;
                        pos[0]++; if (readU32(payload, pos) < 0) return null;
                    }
                    case CODE -> { long c = readU32(payload, pos); if (c < 0) return null; pos[0] += (int) c; }
                    default -> { return null; }
                }
                if (pos[0] > payload.length) return null;
                list.add(new int[] {start, pos[0]});
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
        return list;
    }

    private static void limits(byte[] b, int[] pos) {
        int flag = b[pos[0]++];
        readU32(b, pos);
        if ((flag & 1) != 0) readU32(b, pos);
    }

    /** Skips a constant expression (instructions up to {@code end}); @return false when it cannot be delimited */
    private static boolean constExpr(byte[] b, int[] pos) {
        while (pos[0] < b.length) {
            org.tailbench.wasm.Op op = org.tailbench.wasm.Op.single(b[pos[0]++]);
            if (op == null || op.prefix != 0) return false;
            if (op == org.tailbench.wasm.Op.END) return true;
            int end = Instructions.skipImmediates(b, pos[0], op);
            if (end < 0) return false;
            pos[0] = end;
        }
        return false;
    }

    /** @return a vector payload with the entries of {@code payload} at {@code keep} (extents from {@link #entries}) */
    public static byte[] vectorOf(byte[] payload, List<int[]> keep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU32(out, keep.size());
        for (int[] e : keep) out.write(payload, e[0], e[1] - e[0]);
        return out.toByteArray();
    }

    // ---- LEB128 -------------------------------------------------------------------------------

    /** Reads an unsigned LEB128 of at most 5 bytes at {@code pos[0]}, advancing it; -1 when malformed or cut off. */
    public static long readU32(byte[] b, int[] pos) {
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos[0] >= b.length) return -1;
            int x = b[pos[0]++] & 0xFF;
            result |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return result <= 0xFFFF_FFFFL ? result : -1;
        }
        return -1;
    }

    /** @return the length in bytes of the LEB128 (signed or unsigned, any width) at {@code pos}, or -1 when cut off */
    public static int lebLength(byte[] b, int pos) {
        for (int i = pos; i < b.length && i - pos < 10; i++) if ((b[i] & 0x80) == 0) return i - pos + 1;
        return -1;
    }

    public static void writeU32(ByteArrayOutputStream out, long v) {
        do {
            int x = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? x | 0x80 : x);
        } while (v != 0);
    }

    public static void writeS64(ByteArrayOutputStream out, long v) {
        while (true) {
            int x = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (x & 0x40) == 0) || (v == -1 && (x & 0x40) != 0);
            out.write(done ? x : x | 0x80);
            if (done) return;
        }
    }

    /**
     * The LEB128 at {@code [pos, pos+len)} written {@code extra} bytes longer with redundant continuation
     * groups (0x80 … then the sign/zero extension group), the same value; spec §5.2.2 allows padding up to
     * the type's maximum width (5 bytes for 32-bit values), beyond that it is malformed.
     */
    public static byte[] lengthened(byte[] leb, boolean signed, int extra) {
        int len = leb.length;
        boolean negative = signed && (leb[len - 1] & 0x40) != 0;
        byte[] out = Arrays.copyOf(leb, len + extra);
        out[len - 1] |= (byte) 0x80;
        for (int i = len; i < len + extra; i++) out[i] = (byte) (negative ? 0xFF : 0x80);
        out[len + extra - 1] &= 0x7F;
        return out;
    }
}
