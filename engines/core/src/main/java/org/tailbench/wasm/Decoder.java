package org.tailbench.wasm;

import java.util.ArrayList;
import java.util.List;

import static org.tailbench.wasm.CodeDecoder.clampIndex;

/**
 * Binary format decoder (spec 2.0 §5, without SIMD execution), plus the tail-call proposal's opcodes
 * {@code return_call} (0x12) and {@code return_call_indirect} (0x13).
 *
 * <p>Covers the MVP, sign extension, non-trapping float-to-int, multi-value block types, bulk memory,
 * reference types (several tables, element segment kinds 0–7) and the data count section. Only the
 * binary format is checked: section order (custom sections anywhere, the others at most once in the
 * order 1 2 3 4 5 6 7 8 9 12 10 11), sizes, LEB128 encodings, UTF-8 names, function/code and data
 * count consistency, and the implementation limit on locals. Types and indices are checked by
 * {@link org.tailbench.wasm.validate.Validator}.
 *
 * <p>Errors carry the testsuite's wording (see {@link MalformedModuleException#specMessage()}) and the
 * byte offset where the problem was found. Like the reference interpreter, sections are read from the
 * whole byte stream and their declared size is checked afterwards ("section size mismatch").
 */
public final class Decoder {
    /** Implementation limit on a function's declared locals (the JVM allows at most 65535 slots). */
    public static final int MAX_LOCALS = 50_000;

    /** Position of each non-custom section id in the required order (ids 1..12; data count 12 sits before code 10). */
    private static final int[] ORDER = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};

    private final Module m = new Module();
    private final ByteReader r;
    private final List<Integer> funcTypes = new ArrayList<>();
    private final boolean skipBodies;
    private int codeCount;

    private Decoder(byte[] bytes, boolean skipBodies) {
        m.bytes = bytes;
        r = new ByteReader(bytes, 0, bytes.length, ByteReader.EOF_IN_SECTION);
        this.skipBodies = skipBodies;
    }

    /**
     * Decodes a module.
     * @param bytes the module's binary encoding; kept (not copied) as {@link Module#bytes}
     * @return the decoded, not yet validated module
     * @throws MalformedModuleException with the spec's message and the byte offset when the bytes are not a module
     */
    public static Module decode(byte[] bytes) {
        java.util.Objects.requireNonNull(bytes, "bytes");
        return new Decoder(bytes, false).module();
    }

    /**
     * Decodes a module without its function bodies: every {@link Module.Function#body()} is null (type index,
     * locals and {@code bodyOffset} are decoded). For code that runs a module compiled earlier from the same
     * bytes (aot's jar, checked by SHA-256), which needs the module's structure but not its code: the bodies
     * are most of the decoding time of a large module (issue 14, start-up). Every other section is decoded
     * and checked as by {@link #decode}; the bodies' instructions are not checked.
     * @throws MalformedModuleException as {@link #decode}, for everything outside the function bodies
     */
    public static Module decodeWithoutBodies(byte[] bytes) {
        java.util.Objects.requireNonNull(bytes, "bytes");
        return new Decoder(bytes, true).module();
    }

    private Module module() {
        header();
        int lastOrder = 0;
        while (!r.atEnd()) {
            int idAt = r.pos();
            int id = r.u8();
            if (id > 12) throw ByteReader.error("malformed section id", idAt);
            int size = r.len();
            int start = r.pos();
            int end = start + size;
            if (id == 0) {
                customSection(start, end);
                r.seek(end);
                continue;
            }
            if (ORDER[id] <= lastOrder) throw ByteReader.error("unexpected content after last section", idAt);
            lastOrder = ORDER[id];
            switch (id) {
                case 1 -> typeSection();
                case 2 -> importSection();
                case 3 -> functionSection();
                case 4 -> tableSection();
                case 5 -> memorySection();
                case 6 -> globalSection();
                case 7 -> exportSection();
                case 8 -> m.start = clampIndex(r.u32());
                case 9 -> elementSection();
                case 10 -> codeSection();
                case 11 -> dataSection();
                case 12 -> m.dataCount = clampIndex(r.u32());
                default -> throw new AssertionError(id);
            }
            if (r.pos() != end) throw ByteReader.error("section size mismatch", start);
        }
        int len = m.bytes.length;
        if (funcTypes.size() != codeCount) {
            throw ByteReader.error("function and code section have inconsistent lengths", len);
        }
        if (m.dataCount >= 0 && m.dataCount != m.datas.size()) {
            throw ByteReader.error("data count and data section have inconsistent lengths", len);
        }
        // Without any data segment the validator reports "unknown data segment" for such code, which is
        // what the testsuite expects of text-format modules converted without a data count section.
        if (m.dataCount < 0 && !m.datas.isEmpty() && !skipBodies) requireNoDataIndices(len);
        return m;
    }

    private void header() {
        ByteReader h = new ByteReader(m.bytes, 0, m.bytes.length, "unexpected end");
        if (h.fixed32() != 0x6D736100) throw ByteReader.error("magic header not detected", 0);
        if (h.fixed32() != 1) throw ByteReader.error("unknown binary version", 4);
        r.seek(8);
    }

    /** memory.init and data.drop need the data count section (§5.5.13). */
    private void requireNoDataIndices(int len) {
        int init = Op.MEMORY_INIT.ordinal(), drop = Op.DATA_DROP.ordinal();
        for (Module.Function f : m.functions) {
            Code c = f.body();
            for (int i = 0; i < c.length; i++) {
                if (c.op[i] == init || c.op[i] == drop) throw ByteReader.error("data count section required", len);
            }
        }
    }

    private void typeSection() {
        int n = r.len();
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            if (r.typeCode() != 0x60) throw ByteReader.error("malformed function type", at);
            ValType[] params = valTypes();
            ValType[] results = valTypes();
            m.types.add(new FuncType(params, results));
        }
    }

    private ValType[] valTypes() {
        ValType[] ts = new ValType[r.len()];
        for (int i = 0; i < ts.length; i++) ts[i] = CodeDecoder.valType(r);
        return ts;
    }

    private void importSection() {
        int n = r.len();
        for (int i = 0; i < n; i++) {
            String module = r.name();
            String name = r.name();
            int at = r.pos();
            int kind = r.u8();
            m.addImport(switch (kind) {
                case 0 -> new Module.Import(module, name, Module.ExternKind.FUNC, clampIndex(r.u32()), null, null, null);
                case 1 -> new Module.Import(module, name, Module.ExternKind.TABLE, -1, tableType(), null, null);
                case 2 -> new Module.Import(module, name, Module.ExternKind.MEMORY, -1, null, new Module.MemoryType(limits()), null);
                case 3 -> new Module.Import(module, name, Module.ExternKind.GLOBAL, -1, null, null, globalType());
                default -> throw ByteReader.error("malformed import kind", at);
            });
        }
    }

    private void functionSection() {
        int n = r.len();
        for (int i = 0; i < n; i++) funcTypes.add(clampIndex(r.u32()));
    }

    private void tableSection() {
        int n = r.len();
        for (int i = 0; i < n; i++) m.tables.add(tableType());
    }

    private void memorySection() {
        int n = r.len();
        for (int i = 0; i < n; i++) m.memories.add(new Module.MemoryType(limits()));
    }

    private void globalSection() {
        int n = r.len();
        for (int i = 0; i < n; i++) {
            Module.GlobalType t = globalType();
            m.globals.add(new Module.Global(t, CodeDecoder.decode(r)));
        }
    }

    private void exportSection() {
        int n = r.len();
        for (int i = 0; i < n; i++) {
            String name = r.name();
            int at = r.pos();
            Module.ExternKind kind = switch (r.u8()) {
                case 0 -> Module.ExternKind.FUNC;
                case 1 -> Module.ExternKind.TABLE;
                case 2 -> Module.ExternKind.MEMORY;
                case 3 -> Module.ExternKind.GLOBAL;
                default -> throw ByteReader.error("malformed export kind", at);
            };
            m.exports.add(new Module.Export(name, kind, clampIndex(r.u32())));
        }
    }

    private Module.TableType tableType() {
        ValType t = CodeDecoder.refType(r);
        return new Module.TableType(t, limits());
    }

    private Limits limits() {
        int flags = r.limitsFlag();
        long min = r.u32();
        long max = (flags & 1) != 0 ? r.u32() : -1;
        return new Limits(min, max);
    }

    private Module.GlobalType globalType() {
        ValType t = CodeDecoder.valType(r);
        int at = r.pos();
        int mut = r.u8();
        if (mut > 1) throw ByteReader.error("malformed mutability", at);
        return new Module.GlobalType(t, mut == 1);
    }

    /** Element segments (§5.5.12), flags 0..7. */
    private void elementSection() {
        int n = r.len();
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            long flags = r.u32();
            if (flags > 7) throw ByteReader.error("malformed elements segment kind", at);
            int f = (int) flags;
            Module.SegmentMode mode = (f & 1) == 0 ? Module.SegmentMode.ACTIVE
                    : (f & 2) == 0 ? Module.SegmentMode.PASSIVE : Module.SegmentMode.DECLARATIVE;
            boolean exprs = (f & 4) != 0;
            int table = 0;
            Code offset = null;
            if (mode == Module.SegmentMode.ACTIVE) {
                if ((f & 2) != 0) table = clampIndex(r.u32());
                offset = CodeDecoder.decode(r);
            }
            ValType type = ValType.FUNCREF;
            if ((f & 3) != 0) {
                if (exprs) {
                    type = CodeDecoder.refType(r);
                } else {
                    int kindAt = r.pos();
                    if (r.u8() != 0x00) throw ByteReader.error("malformed elements segment kind", kindAt);
                }
            }
            Code[] items = new Code[r.len()];
            for (int k = 0; k < items.length; k++) items[k] = exprs ? CodeDecoder.decode(r) : refFunc();
            m.elements.add(new Module.ElementSegment(mode, type, table, offset, items));
        }
    }

    /** A funcidx of an element segment, as the constant expression {@code ref.func x end}. */
    private Code refFunc() {
        int at = r.pos();
        long x = r.u32();
        Code.Builder b = new Code.Builder();
        b.add(Op.REF_FUNC, at, x, 0);
        b.add(Op.END, at, 0, 0);
        return b.build();
    }

    private void codeSection() {
        int n = r.len();
        for (int i = 0; i < n; i++) {
            int size = r.len();
            int start = r.pos();
            ValType[] locals = locals(start);
            Code body = null;
            if (skipBodies) r.seek(start + size);
            else body = CodeDecoder.decode(r);
            if (r.pos() != start + size) throw ByteReader.error("section size mismatch", start);
            int typeIndex = i < funcTypes.size() ? funcTypes.get(i) : -1;
            if (typeIndex >= 0) m.functions.add(new Module.Function(typeIndex, locals, body, start));
            codeCount++;
        }
    }

    private ValType[] locals(int start) {
        int groups = r.len();
        long[] counts = new long[groups];
        ValType[] types = new ValType[groups];
        long total = 0;
        for (int g = 0; g < groups; g++) {
            counts[g] = r.u32();
            types[g] = CodeDecoder.valType(r);
            total += counts[g];
        }
        if (total > 0xFFFFFFFFL) throw ByteReader.error("too many locals", start);
        if (total > MAX_LOCALS) {
            throw ByteReader.error("too many locals (" + total + " > implementation limit " + MAX_LOCALS + ")", start);
        }
        ValType[] locals = new ValType[(int) total];
        int k = 0;
        for (int g = 0; g < groups; g++) {
            for (long c = 0; c < counts[g]; c++) locals[k++] = types[g];
        }
        return locals;
    }

    /** Data segments (§5.5.14), flags 0..2. */
    private void dataSection() {
        int n = r.len();
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            long flags = r.u32();
            Module.DataSegment seg = switch ((int) Math.min(flags, 3)) {
                case 0 -> new Module.DataSegment(Module.SegmentMode.ACTIVE, 0, CodeDecoder.decode(r), bytes());
                case 1 -> new Module.DataSegment(Module.SegmentMode.PASSIVE, 0, null, bytes());
                case 2 -> {
                    int mem = clampIndex(r.u32());
                    Code offset = CodeDecoder.decode(r);
                    yield new Module.DataSegment(Module.SegmentMode.ACTIVE, mem, offset, bytes());
                }
                default -> throw ByteReader.error("malformed data segment kind", at);
            };
            m.datas.add(seg);
        }
    }

    private byte[] bytes() { return r.take(r.len()); }

    /** A custom section (§5.5.3): its name must be UTF-8; the "name" section's function names are kept. */
    private void customSection(int start, int end) {
        ByteReader c = new ByteReader(m.bytes, start, end, ByteReader.EOF_IN_SECTION);
        String name = c.name();
        if (name.equals("name")) NameSection.read(c, m.functionNames);
    }
}
