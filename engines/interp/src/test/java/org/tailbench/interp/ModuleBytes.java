package org.tailbench.interp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only assembler of tiny binary modules (spec 2.0 §5.5): types, functions, one funcref table
 * with an active element segment at offset 0, one memory, exports of functions. Bodies are given as
 * raw instruction bytes built with {@link Body}.
 */
final class ModuleBytes {
    static final int I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C;

    private final List<byte[]> types = new ArrayList<>();
    private final List<int[]> funcs = new ArrayList<>();       // {typeIndex}
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<Object[]> exports = new ArrayList<>();  // {name, funcIndex}
    private final List<byte[]> imports = new ArrayList<>();
    private int[] elements;
    private int memoryPages = -1;

    /** Adds a function type and returns its index. */
    int type(int[] params, int... results) {
        Body b = new Body().u8(0x60).u32(params.length);
        for (int p : params) b.u8(p);
        b.u32(results.length);
        for (int r : results) b.u8(r);
        types.add(b.bytes());
        return types.size() - 1;
    }

    /** Imports a function (call before any {@link #func}); imports take the first function indices. */
    int importFunc(String module, String name, int typeIndex) {
        if (!funcs.isEmpty()) throw new IllegalStateException("imports come before defined functions");
        imports.add(new Body().name(module).name(name).u8(0).u32(typeIndex).bytes());
        return imports.size() - 1;
    }

    /** Adds a function (no declared locals beyond {@code i32Locals} i32s) and returns its index. */
    int func(int typeIndex, int i32Locals, Body body) {
        Body code = new Body();
        if (i32Locals > 0) code.u32(1).u32(i32Locals).u8(I32); else code.u32(0);
        code.raw(body.bytes()).u8(0x0B);
        funcs.add(new int[] {typeIndex});
        bodies.add(code.bytes());
        return imports.size() + funcs.size() - 1;
    }

    ModuleBytes export(String name, int funcIndex) { exports.add(new Object[] {name, funcIndex}); return this; }

    /** A funcref table of exactly these functions, filled by an active segment at 0. */
    ModuleBytes table(int... funcIndices) { elements = funcIndices; return this; }

    ModuleBytes memory(int pages) { memoryPages = pages; return this; }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(out, 1, vec(types));
        if (!imports.isEmpty()) section(out, 2, vec(imports));
        Body fs = new Body().u32(funcs.size());
        for (int[] f : funcs) fs.u32(f[0]);
        section(out, 3, fs.bytes());
        if (elements != null) section(out, 4, new Body().u32(1).u8(0x70).u8(0).u32(elements.length).bytes());
        if (memoryPages >= 0) section(out, 5, new Body().u32(1).u8(0).u32(memoryPages).bytes());
        Body ex = new Body().u32(exports.size());
        for (Object[] e : exports) ex.name((String) e[0]).u8(0).u32((Integer) e[1]);
        section(out, 7, ex.bytes());
        if (elements != null) {
            Body el = new Body().u32(1).u8(0).i32Const(0).u8(0x0B).u32(elements.length);
            for (int f : elements) el.u32(f);
            section(out, 9, el.bytes());
        }
        List<byte[]> sized = new ArrayList<>();
        for (byte[] b : bodies) sized.add(new Body().u32(b.length).raw(b).bytes());
        section(out, 10, vec(sized));
        return out.toByteArray();
    }

    private static byte[] vec(List<byte[]> items) {
        Body b = new Body().u32(items.size());
        for (byte[] i : items) b.raw(i);
        return b.bytes();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        out.writeBytes(new Body().u32(content.length).bytes());
        out.writeBytes(content);
    }

    /** Instruction bytes with LEB128 helpers. */
    static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body u8(int b) { out.write(b); return this; }
        Body raw(byte[] b) { out.writeBytes(b); return this; }
        Body u32(long v) {
            do {
                int b = (int) (v & 0x7F);
                v >>>= 7;
                out.write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }
        Body s64(long v) {
            while (true) {
                int b = (int) (v & 0x7F);
                v >>= 7;
                boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
                out.write(done ? b : b | 0x80);
                if (done) return this;
            }
        }
        Body name(String s) {
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return u32(b.length).raw(b);
        }
        Body op(int... opcodes) { for (int o : opcodes) out.write(o); return this; }
        Body i32Const(int v) { return u8(0x41).s64(v); }
        Body localGet(int i) { return u8(0x20).u32(i); }
        Body call(int f) { return u8(0x10).u32(f); }
        Body returnCall(int f) { return u8(0x12).u32(f); }
        Body returnCallIndirect(int type) { return u8(0x13).u32(type).u8(0); }
        Body ifResult(int valType) { return u8(0x04).u8(valType); }
        byte[] bytes() { return out.toByteArray(); }
    }
}
