package org.tailbench.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembler of small binary modules (spec 2.0 §5.5) for tests and micro-benchmarks: function types,
 * imported functions, defined functions with declared locals, one funcref table filled by an active
 * element segment at offset 0, one memory with active data segments, and function exports. Bodies are
 * raw instruction bytes built with {@link Body}; the builder adds the function's final {@code end}.
 *
 * <p>Nothing is checked here beyond the order of imports: the result is meant to be passed to
 * {@link Decoder} / {@code ValidatedModule.of}, which report malformed or invalid modules.
 *
 * <pre>{@code
 * ModuleBuilder mb = new ModuleBuilder();
 * int t = mb.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32);
 * int f = mb.func(t, 0, new ModuleBuilder.Body().localGet(0).i32Const(1).op(Op.I32_ADD));
 * byte[] wasm = mb.export("inc", f).build();
 * }</pre>
 */
public final class ModuleBuilder {
    /** Binary value type codes (spec §5.3.1). */
    public static final int I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C;

    private final List<byte[]> types = new ArrayList<>();
    private final List<Integer> funcs = new ArrayList<>();     // type index of each defined function
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<byte[]> exports = new ArrayList<>();
    private final List<byte[]> imports = new ArrayList<>();
    private final List<byte[]> datas = new ArrayList<>();
    private int[] elements;
    private long tableMin = -1, tableMax = -1;
    private int memoryPages = -1;

    /**
     * Adds a function type.
     * @param params value type codes of the parameters ({@link #I32} ...)
     * @param results value type codes of the results
     * @return its type index
     */
    public int type(int[] params, int... results) {
        Body b = new Body().u8(0x60).u32(params.length);
        for (int p : params) b.u8(p);
        b.u32(results.length);
        for (int r : results) b.u8(r);
        types.add(b.bytes());
        return types.size() - 1;
    }

    /**
     * Imports a function; imports take the first function indices, so call this before any {@link #func}.
     * @return its function index
     * @throws IllegalStateException after a function was defined
     */
    public int importFunc(String module, String name, int typeIndex) {
        if (!funcs.isEmpty()) throw new IllegalStateException("imports come before defined functions");
        imports.add(new Body().name(module).name(name).u8(0).u32(typeIndex).bytes());
        return imports.size() - 1;
    }

    /**
     * Adds a function whose declared locals (after the parameters) are {@code i32Locals} i32s.
     * @param body the instructions without the final {@code end}
     * @return its function index
     */
    public int func(int typeIndex, int i32Locals, Body body) {
        return i32Locals > 0 ? func(typeIndex, new int[] {i32Locals, I32}, body) : func(typeIndex, new int[0], body);
    }

    /**
     * Adds a function with declared locals given as run-length pairs, as in the binary format:
     * {@code {count1, type1, count2, type2, ...}} (e.g. {@code {3, I32, 1, F64}}).
     * @param body the instructions without the final {@code end}
     * @return its function index
     * @throws IllegalArgumentException when {@code localRuns} has odd length
     */
    public int func(int typeIndex, int[] localRuns, Body body) {
        if (localRuns.length % 2 != 0) {
            throw new IllegalArgumentException("localRuns must be {count, type} pairs, got " + localRuns.length + " ints");
        }
        Body code = new Body().u32(localRuns.length / 2);
        for (int i = 0; i < localRuns.length; i += 2) code.u32(localRuns[i]).u8(localRuns[i + 1]);
        code.raw(body.bytes()).u8(0x0B);
        funcs.add(typeIndex);
        bodies.add(code.bytes());
        return imports.size() + funcs.size() - 1;
    }

    /** Exports function {@code funcIndex} as {@code name}. */
    public ModuleBuilder export(String name, int funcIndex) {
        exports.add(new Body().name(name).u8(0).u32(funcIndex).bytes());
        return this;
    }

    /** A funcref table of exactly these functions (its minimum size), filled by an active segment at 0. */
    public ModuleBuilder table(int... funcIndices) { elements = funcIndices.clone(); tableMin = -1; return this; }

    /**
     * An empty funcref table of {@code min} elements (null) and maximum {@code max} ({@code max < 0}: none),
     * without an element segment; replaces {@link #table(int...)}.
     */
    public ModuleBuilder emptyTable(long min, long max) { elements = null; tableMin = min; tableMax = max; return this; }

    /** Exports memory 0 as {@code name} (WASI hosts such as Wasmtime's read the guest's memory through the export "memory"). */
    public ModuleBuilder exportMemory(String name) {
        exports.add(new Body().name(name).u8(2).u32(0).bytes());
        return this;
    }

    /** One memory of {@code pages} 64 KiB pages minimum, no maximum. */
    public ModuleBuilder memory(int pages) { memoryPages = pages; return this; }

    /**
     * An active data segment writing {@code bytes} at {@code offset} of memory 0 on instantiation
     * (declare the memory with {@link #memory}).
     */
    public ModuleBuilder data(int offset, byte[] bytes) {
        datas.add(new Body().u8(0).i32Const(offset).u8(0x0B).u32(bytes.length).raw(bytes).bytes());
        return this;
    }

    /** @return the module's bytes (sections type, import, function, table, memory, export, element, code, data) */
    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(out, 1, vec(types));
        if (!imports.isEmpty()) section(out, 2, vec(imports));
        Body fs = new Body().u32(funcs.size());
        for (int f : funcs) fs.u32(f);
        section(out, 3, fs.bytes());
        if (elements != null) section(out, 4, new Body().u32(1).u8(0x70).u8(0).u32(elements.length).bytes());
        else if (tableMin >= 0) {
            Body tb = new Body().u32(1).u8(0x70);
            if (tableMax < 0) tb.u8(0).u32(tableMin);
            else tb.u8(1).u32(tableMin).u32(tableMax);
            section(out, 4, tb.bytes());
        }
        if (memoryPages >= 0) section(out, 5, new Body().u32(1).u8(0).u32(memoryPages).bytes());
        section(out, 7, vec(exports));
        if (elements != null) {
            Body el = new Body().u32(1).u8(0).i32Const(0).u8(0x0B).u32(elements.length);
            for (int f : elements) el.u32(f);
            section(out, 9, el.bytes());
        }
        List<byte[]> sized = new ArrayList<>();
        for (byte[] b : bodies) sized.add(new Body().u32(b.length).raw(b).bytes());
        section(out, 10, vec(sized));
        if (!datas.isEmpty()) section(out, 11, vec(datas));
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

    /** Instruction bytes, with LEB128 encoders (spec §5.2.2) and shorthands for common instructions. */
    public static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Body u8(int b) { out.write(b); return this; }
        public Body raw(byte[] b) { out.writeBytes(b); return this; }
        /** Appends another body's bytes. */
        public Body append(Body other) { out.writeBytes(other.bytes()); return this; }
        /** Unsigned LEB128 of {@code v} (treated as unsigned). */
        public Body u32(long v) {
            do {
                int b = (int) (v & 0x7F);
                v >>>= 7;
                out.write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }
        /** Signed LEB128 (used for i32.const and i64.const immediates). */
        public Body s64(long v) {
            while (true) {
                int b = (int) (v & 0x7F);
                v >>= 7;
                boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
                out.write(done ? b : b | 0x80);
                if (done) return this;
            }
        }
        /** A UTF-8 name with its length. */
        public Body name(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u32(b.length).raw(b);
        }
        /** Raw single-byte opcodes (and immediates given as single bytes). */
        public Body op(int... opcodes) { for (int o : opcodes) out.write(o); return this; }
        /** The opcode of {@code o} (with its 0xFC prefix and LEB sub-code when it has one); immediates follow separately. */
        public Body op(Op o) { return o.prefix == 0 ? u8(o.code) : u8(o.prefix).u32(o.code); }
        public Body i32Const(int v) { return u8(0x41).s64(v); }
        public Body i64Const(long v) { return u8(0x42).s64(v); }
        public Body localGet(int i) { return u8(0x20).u32(i); }
        public Body localSet(int i) { return u8(0x21).u32(i); }
        public Body localTee(int i) { return u8(0x22).u32(i); }
        public Body br(int depth) { return u8(0x0C).u32(depth); }
        public Body brIf(int depth) { return u8(0x0D).u32(depth); }
        /** {@code br_table labels... default} */
        public Body brTable(int[] labels, int defaultLabel) {
            u8(0x0E).u32(labels.length);
            for (int l : labels) u32(l);
            return u32(defaultLabel);
        }
        public Body call(int f) { return u8(0x10).u32(f); }
        public Body callIndirect(int type) { return u8(0x11).u32(type).u8(0); }
        public Body returnCall(int f) { return u8(0x12).u32(f); }
        public Body returnCallIndirect(int type) { return u8(0x13).u32(type).u8(0); }
        /** {@code block} with an empty block type. */
        public Body block() { return u8(0x02).u8(0x40); }
        /** {@code loop} with an empty block type. */
        public Body loop() { return u8(0x03).u8(0x40); }
        public Body ifResult(int valType) { return u8(0x04).u8(valType); }
        public Body end() { return u8(0x0B); }
        /** A load or store {@code o} with its memarg: alignment exponent {@code align}, byte {@code offset}. */
        public Body mem(Op o, int align, int offset) { return op(o).u32(align).u32(offset); }
        public byte[] bytes() { return out.toByteArray(); }
    }
}
