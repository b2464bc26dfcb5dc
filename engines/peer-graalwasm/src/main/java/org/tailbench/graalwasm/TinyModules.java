package org.tailbench.graalwasm;

import java.io.ByteArrayOutputStream;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.ValType;

/**
 * Binary modules (spec 2.0 §5.5) that define one memory, table or global and export it as {@code "x"}:
 * how the peer gives GraalWasm a memory/table/global of its own that stands for one of ours (e.g. the
 * spectest host module's), since GraalWasm instances can only import GraalWasm objects.
 */
final class TinyModules {
    private TinyModules() {}

    private static final int SEC_TABLE = 4, SEC_MEMORY = 5, SEC_GLOBAL = 6, SEC_EXPORT = 7;
    private static final int KIND_TABLE = 1, KIND_MEMORY = 2, KIND_GLOBAL = 3;

    /** @return a module exporting a memory with {@code limits} (pages) */
    static byte[] memory(Limits limits) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.write(1);
        limits(c, limits);
        return module(SEC_MEMORY, c.toByteArray(), KIND_MEMORY);
    }

    /** @return a module exporting a table of {@code elemType} with {@code limits}, every element null */
    static byte[] table(ValType elemType, Limits limits) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.write(1);
        c.write(elemType.code);
        limits(c, limits);
        return module(SEC_TABLE, c.toByteArray(), KIND_TABLE);
    }

    /**
     * @return a module exporting a global of {@code type}, mutable or not, initialised to {@code value}
     *         (our encoding; a reference global starts as {@code ref.null})
     */
    static byte[] global(ValType type, boolean mutable, long value) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.write(1);
        c.write(type.code);
        c.write(mutable ? 1 : 0);
        switch (type) {
            case I32 -> { c.write(0x41); sleb(c, (int) value); }
            case I64 -> { c.write(0x42); sleb(c, value); }
            case F32 -> { c.write(0x43); le(c, value, 4); }
            case F64 -> { c.write(0x44); le(c, value, 8); }
            case FUNCREF, EXTERNREF -> { c.write(0xD0); c.write(type.code); }
            case V128 -> throw new UnsupportedOperationException("graalwasm peer: v128 globals are not supported");
        }
        c.write(0x0B);
        return module(SEC_GLOBAL, c.toByteArray(), KIND_GLOBAL);
    }

    private static byte[] module(int sectionId, byte[] content, int exportKind) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        section(m, sectionId, content);
        section(m, SEC_EXPORT, new byte[] {1, 1, 'x', (byte) exportKind, 0});
        return m.toByteArray();
    }

    private static void section(ByteArrayOutputStream m, int id, byte[] content) {
        m.write(id);
        uleb(m, content.length);
        m.writeBytes(content);
    }

    private static void limits(ByteArrayOutputStream c, Limits l) {
        c.write(l.hasMax() ? 1 : 0);
        uleb(c, l.min());
        if (l.hasMax()) uleb(c, l.max());
    }

    private static void uleb(ByteArrayOutputStream c, long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            c.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    private static void sleb(ByteArrayOutputStream c, long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            c.write(done ? b : b | 0x80);
            if (done) return;
        }
    }

    private static void le(ByteArrayOutputStream c, long v, int bytes) {
        for (int i = 0; i < bytes; i++) c.write((int) (v >>> (8 * i)) & 0xFF);
    }
}
