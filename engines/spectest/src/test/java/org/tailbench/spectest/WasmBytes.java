package org.tailbench.spectest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-assembles small binary modules (spec 2.0 §5.5) for the runner's tests. */
final class WasmBytes {
    static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
    static final int TYPE = 1, IMPORT = 2, FUNCTION = 3, GLOBAL = 6, EXPORT = 7, START = 8, CODE = 10;
    static final int I32 = 0x7F;

    private WasmBytes() {}

    /** @return the header followed by the given (already framed) sections */
    static byte[] module(byte[]... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER);
        for (byte[] s : sections) out.writeBytes(s);
        return out.toByteArray();
    }

    /** A section: id, u32 size, then a vector of {@code items} (each already encoded). */
    static byte[] section(int id, byte[]... items) {
        byte[] content = vec(items);
        return cat(new byte[] {(byte) id}, u32(content.length), content);
    }

    static byte[] vec(byte[]... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u32(items.length));
        for (byte[] i : items) out.writeBytes(i);
        return out.toByteArray();
    }

    static byte[] u32(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    static byte[] name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return cat(u32(b.length), b);
    }

    /** {@code (func (param*) (result*))} with single-byte value type codes. */
    static byte[] funcType(int[] params, int... results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x60);
        out.writeBytes(u32(params.length));
        for (int p : params) out.write(p);
        out.writeBytes(u32(results.length));
        for (int r : results) out.write(r);
        return out.toByteArray();
    }

    static byte[] export(String name, int kind, int index) { return cat(name(name), new byte[] {(byte) kind}, u32(index)); }

    static byte[] importFunc(String module, String name, int typeIndex) {
        return cat(name(module), name(name), new byte[] {0x00}, u32(typeIndex));
    }

    /** A code entry without locals: size, 0 local groups, the instructions (which must end with 0x0B). */
    static byte[] body(int... instructions) {
        byte[] code = new byte[instructions.length + 1];
        for (int i = 0; i < instructions.length; i++) code[i + 1] = (byte) instructions[i];
        return cat(u32(code.length), code);
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
