package org.tailbench.wasm;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-assembled modules checking what the decoder fills in (spec 2.0 §5) and a few error cases. */
class DecoderTest {

    /** Little assembler for test modules: bytes, LEB128s, names and sections. */
    static final class Asm {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        static Asm module() { return new Asm().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00); }

        Asm raw(int... bytes) { for (int b : bytes) out.write(b); return this; }
        Asm bytes(byte[] b) { out.writeBytes(b); return this; }
        Asm u32(long v) {
            do {
                int b = (int) (v & 0x7F);
                v >>>= 7;
                out.write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }
        Asm s64(long v) {
            while (true) {
                int b = (int) (v & 0x7F);
                v >>= 7;
                boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
                out.write(done ? b : b | 0x80);
                if (done) return this;
            }
        }
        Asm name(String s) { byte[] b = s.getBytes(StandardCharsets.UTF_8); return u32(b.length).bytes(b); }
        Asm section(int id, Asm content) { byte[] c = content.build(); return raw(id).u32(c.length).bytes(c); }
        byte[] build() { return out.toByteArray(); }
    }

    static Asm asm() { return new Asm(); }

    private static void assertOps(Code c, Op... ops) {
        Op[] got = new Op[c.length];
        for (int i = 0; i < c.length; i++) got[i] = c.opAt(i);
        assertThat(got).containsExactly(ops);
    }

    @Test
    void decodesEverySectionKind() {
        byte[] wasm = Asm.module()
                .section(1, asm().u32(2)
                        .raw(0x60).u32(2).raw(0x7F, 0x7F).u32(1).raw(0x7F)        // (i32 i32) -> i32
                        .raw(0x60).u32(0).u32(2).raw(0x7E, 0x70))                 // () -> (i64 funcref)
                .section(2, asm().u32(4)
                        .name("env").name("f").raw(0x00).u32(1)
                        .name("env").name("t").raw(0x01, 0x6F, 0x01).u32(1).u32(10)
                        .name("env").name("m").raw(0x02, 0x00).u32(2)
                        .name("env").name("g").raw(0x03, 0x7D, 0x01))
                .section(3, asm().u32(1).u32(0))
                .section(4, asm().u32(1).raw(0x70, 0x00).u32(3))
                .section(6, asm().u32(1).raw(0x7E, 0x00, 0x42).s64(-2).raw(0x0B))
                .section(7, asm().u32(2).name("add").raw(0x00).u32(1).name("mem").raw(0x02).u32(0))
                .section(8, asm().u32(1))
                .section(10, asm().u32(1).bytes(sized(asm().u32(0).raw(0x20, 0x00, 0x20, 0x01, 0x6A, 0x0B))))
                .build();
        Module m = Decoder.decode(wasm);

        assertThat(m.types).containsExactly(
                new FuncType(new ValType[] {ValType.I32, ValType.I32}, new ValType[] {ValType.I32}),
                new FuncType(new ValType[0], new ValType[] {ValType.I64, ValType.FUNCREF}));
        assertThat(m.imports).hasSize(4);
        assertThat(m.imports.get(0)).isEqualTo(new Module.Import("env", "f", Module.ExternKind.FUNC, 1, null, null, null));
        assertThat(m.imports.get(1).table()).isEqualTo(new Module.TableType(ValType.EXTERNREF, new Limits(1, 10)));
        assertThat(m.imports.get(2).memory()).isEqualTo(new Module.MemoryType(new Limits(2, -1)));
        assertThat(m.imports.get(3).global()).isEqualTo(new Module.GlobalType(ValType.F32, true));
        assertThat(m.importedFunctions()).isEqualTo(1);
        assertThat(m.tables).containsExactly(new Module.TableType(ValType.FUNCREF, new Limits(3, -1)));
        assertThat(m.tableCount()).isEqualTo(2);
        assertThat(m.globals).hasSize(1);
        Module.Global g = m.globals.get(0);
        assertThat(g.type()).isEqualTo(new Module.GlobalType(ValType.I64, false));
        assertOps(g.init(), Op.I64_CONST, Op.END);
        assertThat(g.init().a[0]).isEqualTo(-2L);
        assertThat(m.exports).containsExactly(new Module.Export("add", Module.ExternKind.FUNC, 1),
                new Module.Export("mem", Module.ExternKind.MEMORY, 0));
        assertThat(m.start).isEqualTo(1);
        assertThat(m.functions).hasSize(1);
        Module.Function f = m.functions.get(0);
        assertThat(f.typeIndex()).isZero();
        assertThat(f.locals()).isEmpty();
        assertOps(f.body(), Op.LOCAL_GET, Op.LOCAL_GET, Op.I32_ADD, Op.END);
        assertThat(f.body().a[1]).isEqualTo(1);
        // body bytes start right after the body size: "07 00 20 00 ..." is at the end of the module
        assertThat(f.bodyOffset()).isEqualTo(wasm.length - 7);
        assertThat(f.body().pos[0]).isEqualTo(wasm.length - 6);
        assertThat(m.dataCount).isEqualTo(-1);
        assertThat(m.bytes).isSameAs(wasm);
    }

    @Test
    void decodeWithoutBodiesKeepsEverythingButTheBodies() {
        byte[] body = asm().u32(1).u32(2).raw(0x7E)                              // locals: 2 x i64
                .raw(0x20, 0x00, 0x1A, 0x0B).build();                            // local.get 0, drop, end
        byte[] wasm = Asm.module()
                .section(1, asm().u32(1).raw(0x60, 0x01, 0x7F, 0x00))           // (i32) -> ()
                .section(3, asm().u32(2).u32(0).u32(0))
                .section(7, asm().u32(1).name("g").raw(0x00).u32(1))
                .section(10, asm().u32(2).u32(body.length).bytes(body).u32(body.length).bytes(body))
                .build();
        Module full = Decoder.decode(wasm), lean = Decoder.decodeWithoutBodies(wasm);
        assertThat(lean.functions).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Module.Function a = full.functions.get(i), b = lean.functions.get(i);
            assertThat(b.body()).isNull();
            assertThat(b.typeIndex()).isEqualTo(a.typeIndex());
            assertThat(b.locals()).containsExactly(ValType.I64, ValType.I64);
            assertThat(b.bodyOffset()).isEqualTo(a.bodyOffset());
        }
        assertThat(lean.functions.get(1).bodyOffset()).isEqualTo(wasm.length - body.length);
        assertThat(lean.exports).isEqualTo(full.exports);
        assertThat(lean.types).isEqualTo(full.types);
        // a body that is not code at all is not looked at, but a code section running past its end still is
        byte[] junk = wasm.clone();
        junk[junk.length - 2] = (byte) 0xFF;
        assertThatThrownBy(() -> Decoder.decode(junk)).isInstanceOf(MalformedModuleException.class);
        assertThat(Decoder.decodeWithoutBodies(junk).functions).hasSize(2);
        byte[] cut = java.util.Arrays.copyOf(wasm, wasm.length - 1);
        assertThatThrownBy(() -> Decoder.decodeWithoutBodies(cut)).isInstanceOf(MalformedModuleException.class);
    }

    @Test
    void decodesImmediatesAsOpImmDocuments() {
        byte[] body = asm().u32(2).u32(2).raw(0x7F).u32(1).raw(0x7C)           // locals: 2 x i32, 1 x f64
                .raw(0x02, 0x7F)                                                  // block (result i32)
                .raw(0x41).s64(-1)                                                // i32.const -1
                .raw(0x0E).u32(2).u32(0).u32(1).u32(0)                            // br_table 0 1 default 0
                .raw(0x0B)
                .raw(0x28).u32(2).u32(0xFFFFFFFFL)                                // i32.load align=2^2 offset=0xFFFFFFFF
                .raw(0x43, 0x00, 0x00, 0xC0, 0x7F)                                // f32.const nan (0x7FC00000)
                .raw(0x44, 1, 2, 3, 4, 5, 6, 7, 8)                                // f64.const bits 0x0807060504030201
                .raw(0x3F, 0x00)                                                  // memory.size
                .raw(0x11).u32(3).u32(1)                                          // call_indirect type 3 table 1
                .raw(0x1C).u32(1).raw(0x6F)                                       // select (result externref)
                .raw(0xD0, 0x6F)                                                  // ref.null extern
                .raw(0xFC).u32(10).raw(0x00, 0x00)                                // memory.copy
                .raw(0xFC).u32(12).u32(4).u32(5)                                  // table.init elem 4 table 5
                .raw(0xFC).u32(14).u32(6).u32(7)                                  // table.copy dst 6 src 7
                .raw(0x03).u32(5)                                                 // loop (type 5)
                .raw(0x04, 0x40, 0x05, 0x0B, 0x0B)                                // if else end end
                .raw(0x12).u32(9)                                                 // return_call 9
                .raw(0xFC).u32(1)                                                 // i32.trunc_sat_f32_u
                .raw(0x0B).build();
        byte[] wasm = Asm.module()
                .section(1, asm().u32(1).raw(0x60, 0x00, 0x00))
                .section(3, asm().u32(1).u32(0))
                .section(10, asm().u32(1).u32(body.length).bytes(body))
                .build();
        Module.Function f = Decoder.decode(wasm).functions.get(0);
        assertThat(f.locals()).containsExactly(ValType.I32, ValType.I32, ValType.F64);
        Code c = f.body();
        assertOps(c, Op.BLOCK, Op.I32_CONST, Op.BR_TABLE, Op.END, Op.I32_LOAD, Op.F32_CONST, Op.F64_CONST,
                Op.MEMORY_SIZE, Op.CALL_INDIRECT, Op.SELECT_T, Op.REF_NULL, Op.MEMORY_COPY, Op.TABLE_INIT,
                Op.TABLE_COPY, Op.LOOP, Op.IF, Op.ELSE, Op.END, Op.END, Op.RETURN_CALL, Op.I32_TRUNC_SAT_F32_U, Op.END);
        assertThat(c.a[0]).isEqualTo(-0x7F);                   // block type: -(i32 code)
        assertThat(c.a[1]).isEqualTo(-1L);
        assertThat(c.brTables[(int) c.a[2]]).containsExactly(0, 1, 0);
        assertThat(c.a[4]).isEqualTo(0xFFFFFFFFL);              // offset zero-extended
        assertThat(c.b[4]).isEqualTo(2);                        // align exponent
        assertThat((int) c.a[5]).isEqualTo(0x7FC00000);
        assertThat(c.a[6]).isEqualTo(0x0807060504030201L);
        assertThat(c.a[8]).isEqualTo(3);
        assertThat(c.b[8]).isEqualTo(1);
        assertThat(c.a[9]).isEqualTo(0x6F);
        assertThat(c.b[9]).isEqualTo(1);
        assertThat(c.a[10]).isEqualTo(0x6F);
        assertThat(c.a[12]).isEqualTo(4);
        assertThat(c.b[12]).isEqualTo(5);
        assertThat(c.a[13]).isEqualTo(6);
        assertThat(c.b[13]).isEqualTo(7);
        assertThat(c.a[14]).isEqualTo(5);                       // type-index block type
        assertThat(c.a[15]).isEqualTo(Code.BLOCK_EMPTY);
        assertThat(c.a[19]).isEqualTo(9);
    }

    @Test
    void decodesElementAndDataSegmentKinds() {
        byte[] i32c0 = {0x41, 0x00, 0x0B};
        byte[] wasm = Asm.module()
                .section(9, asm().u32(4)
                        .u32(0).bytes(i32c0).u32(2).u32(7).u32(8)                           // active, table 0, funcidx
                        .u32(2).u32(1).bytes(i32c0).raw(0x00).u32(1).u32(9)                 // active, table 1, elemkind
                        .u32(5).raw(0x6F).u32(1).raw(0xD0, 0x6F, 0x0B)                      // passive externref exprs
                        .u32(3).raw(0x00).u32(1).u32(4))                                    // declarative funcidx
                .section(12, asm().u32(3))
                .section(11, asm().u32(3)
                        .u32(0).bytes(i32c0).name("ab")
                        .u32(1).name("c")
                        .u32(2).u32(0).bytes(i32c0).u32(0))
                .build();
        Module m = Decoder.decode(wasm);
        assertThat(m.elements).hasSize(4);
        Module.ElementSegment e0 = m.elements.get(0);
        assertThat(e0.mode()).isEqualTo(Module.SegmentMode.ACTIVE);
        assertThat(e0.type()).isEqualTo(ValType.FUNCREF);
        assertThat(e0.tableIndex()).isZero();
        assertOps(e0.offset(), Op.I32_CONST, Op.END);
        assertThat(e0.items()).hasSize(2);
        assertOps(e0.items()[0], Op.REF_FUNC, Op.END);
        assertThat(e0.items()[0].a[0]).isEqualTo(7);
        assertThat(e0.items()[1].a[0]).isEqualTo(8);
        assertThat(m.elements.get(1).tableIndex()).isEqualTo(1);
        assertThat(m.elements.get(1).items()[0].a[0]).isEqualTo(9);
        Module.ElementSegment e2 = m.elements.get(2);
        assertThat(e2.mode()).isEqualTo(Module.SegmentMode.PASSIVE);
        assertThat(e2.type()).isEqualTo(ValType.EXTERNREF);
        assertOps(e2.items()[0], Op.REF_NULL, Op.END);
        assertThat(m.elements.get(3).mode()).isEqualTo(Module.SegmentMode.DECLARATIVE);
        assertThat(m.dataCount).isEqualTo(3);
        assertThat(m.datas.get(0).mode()).isEqualTo(Module.SegmentMode.ACTIVE);
        assertThat(m.datas.get(0).init()).containsExactly('a', 'b');
        assertThat(m.datas.get(1).mode()).isEqualTo(Module.SegmentMode.PASSIVE);
        assertThat(m.datas.get(1).init()).containsExactly('c');
        assertThat(m.datas.get(2).memoryIndex()).isZero();
        assertThat(m.datas.get(2).init()).isEmpty();
    }

    @Test
    void readsFunctionNamesAndIgnoresBrokenNameSections() {
        Asm names = asm().name("name").raw(0x01).bytes(sized(asm().u32(2).u32(0).name("first").u32(3).name("other")));
        Module m = Decoder.decode(Asm.module().section(0, names).build());
        assertThat(m.functionNames).containsEntry(0, "first").containsEntry(3, "other").hasSize(2);

        Asm broken = asm().name("name").raw(0x01).bytes(sized(asm().u32(5).u32(0).name("first")));
        assertThat(Decoder.decode(Asm.module().section(0, broken).build()).functionNames).isEmpty();
    }

    private static byte[] sized(Asm content) {
        byte[] c = content.build();
        return asm().u32(c.length).bytes(c).build();
    }

    @Test
    void rejectsOutOfOrderAndDuplicateSections() {
        byte[] dataCountAfterData = Asm.module().section(11, asm().u32(0)).section(12, asm().u32(0)).build();
        assertMalformed(dataCountAfterData, "unexpected content after last section");
        byte[] twoTypeSections = Asm.module().section(1, asm().u32(0)).section(1, asm().u32(0)).build();
        assertMalformed(twoTypeSections, "unexpected content after last section");
        // data count (12) goes between element (9) and code (10)
        Decoder.decode(Asm.module().section(9, asm().u32(0)).section(12, asm().u32(0)).section(10, asm().u32(0)).build());
    }

    @Test
    void rejectsSimdPrefixAndTooManyLocals() {
        byte[] simd = Asm.module().section(1, asm().u32(1).raw(0x60, 0x00, 0x00)).section(3, asm().u32(1).u32(0))
                .section(10, asm().u32(1).bytes(sized(asm().u32(0).raw(0xFD).u32(12).raw(0x0B)))).build();
        assertMalformed(simd, "illegal opcode");
        byte[] many = Asm.module().section(1, asm().u32(1).raw(0x60, 0x00, 0x00)).section(3, asm().u32(1).u32(0))
                .section(10, asm().u32(1).bytes(sized(asm().u32(1).u32(Decoder.MAX_LOCALS + 1).raw(0x7F, 0x0B)))).build();
        assertMalformed(many, "too many locals");
    }

    @Test
    void decodesDeepNestingWithoutRecursion() {
        int depth = 200_000;
        Asm body = asm().u32(0);
        for (int i = 0; i < depth; i++) body.raw(0x02, 0x40);
        for (int i = 0; i <= depth; i++) body.raw(0x0B);
        byte[] wasm = Asm.module().section(1, asm().u32(1).raw(0x60, 0x00, 0x00)).section(3, asm().u32(1).u32(0))
                .section(10, asm().u32(1).bytes(sized(body))).build();
        assertThat(Decoder.decode(wasm).functions.get(0).body().length).isEqualTo(2 * depth + 1);
    }

    private static void assertMalformed(byte[] wasm, String message) {
        assertThatThrownBy(() -> Decoder.decode(wasm)).isInstanceOf(MalformedModuleException.class)
                .extracting(e -> ((MalformedModuleException) e).specMessage()).asString().startsWith(message);
    }
}
