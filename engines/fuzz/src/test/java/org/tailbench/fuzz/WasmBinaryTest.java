package org.tailbench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

class WasmBinaryTest {
    @Test
    void parseThenEncodeGivesTheSameBytes() {
        byte[] nbody = TestModules.workload("nbody");
        assertThat(WasmBinary.parse(nbody).encode()).isEqualTo(nbody);
    }

    @Test
    void lebPaddingKeepsTheValue() {
        // spec §5.2.2: 0x03 and 0x83 0x00 both encode 3; -1 is 0x7F or 0xFF 0x7F
        assertThat(WasmBinary.lengthened(new byte[] {0x03}, false, 1)).containsExactly(0x83, 0x00);
        assertThat(WasmBinary.lengthened(new byte[] {0x7F}, true, 2)).containsExactly(0xFF, 0xFF, 0x7F);
        assertThat(WasmBinary.readU32(new byte[] {(byte) 0x83, (byte) 0x80, 0x00}, new int[] {0})).isEqualTo(3);
    }

    @Test
    void writesSignedLeb128AsTheSpecExample() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBinary.writeS64(out, -123456); // the Wikipedia / DWARF example: C0 BB 78
        assertThat(out.toByteArray()).containsExactly(0xC0, 0xBB, 0x78);
    }

    @Test
    void scansEveryInstructionOfAWorkload() {
        // every body of a real module splits into instructions that end exactly at the body's end with `end`
        WasmBinary m = WasmBinary.parse(TestModules.workload("richards"));
        List<byte[]> bodies = WasmBinary.codeBodies(m.sections.get(m.indexOf(WasmBinary.CODE)).payload());
        assertThat(bodies).hasSizeGreaterThan(10);
        for (byte[] b : bodies) {
            List<Instructions.Instr> is = Instructions.scan(b);
            assertThat(is.getLast().end()).isEqualTo(b.length);
            assertThat(is.getLast().op()).isEqualTo(Op.END);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LEB_LENGTHEN", "OPCODE_SWAP", "IMMEDIATE", "SECTION_DUPLICATE", "SECTION_REMOVE"})
    void structuralMutationsKeepTheFramingDecodable(String kind) {
        // sizes are fixed up: the section structure of every mutant still parses, and the decoder never
        // reports a section size mismatch or a body running past its section for these mutations (an inserted
        // `block` or a deleted `end` may leave a body without its final end: that one is malformed for real)
        byte[] seed = TestModules.workload("nbody");
        Random r = new Random(42);
        int changed = 0;
        for (int i = 0; i < 60; i++) {
            byte[] b = Mutator.apply(Mutator.Kind.valueOf(kind), seed, r);
            if (b == null) continue;
            if (!java.util.Arrays.equals(b, seed)) changed++;
            assertThat(WasmBinary.parse(b)).isNotNull();
            String outcome = outcome(b);
            assertThat(outcome).doesNotContain("section size mismatch").doesNotContain("length out of bounds");
        }
        assertThat(changed).isGreaterThan(30);
    }

    @Test
    void opcodeSwapsKeepTheModuleValid() {
        // a same-signature swap (i32.add ↔ i32.sub, ...) of a plain instruction cannot break typing
        Random r = new Random(7);
        byte[] seed = TestModules.workload("fannkuch");
        int swapped = 0;
        for (int i = 0; i < 30; i++) {
            byte[] b = Mutator.apply(Mutator.Kind.OPCODE_SWAP, seed, r);
            if (b == null) continue; // no swappable instruction in the bodies drawn
            swapped++;
            assertThat(b).hasSameSizeAs(seed).isNotEqualTo(seed);
            assertThat(outcome(b)).isEqualTo("valid");
        }
        assertThat(swapped).isGreaterThan(10);
    }

    @Test
    void lebLengtheningWithinFiveBytesKeepsAModuleValid() {
        Random r = new Random(3);
        int valid = 0;
        for (int i = 0; i < 40; i++) {
            byte[] b = Mutator.apply(Mutator.Kind.LEB_LENGTHEN, TestModules.addModule(), r);
            String o = outcome(b);
            // padded to at most 5 bytes: same module; longer: "integer representation too long" (spec §5.2.2)
            assertThat(o).matches("valid|.*integer (representation )?too long.*|.*integer too large.*");
            if (o.equals("valid")) valid++;
        }
        assertThat(valid).isGreaterThan(0);
    }

    private static String outcome(byte[] b) {
        try {
            ValidatedModule.of(b);
            return "valid";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
