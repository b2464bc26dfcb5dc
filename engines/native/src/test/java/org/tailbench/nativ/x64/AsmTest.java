package org.tailbench.nativ.x64;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tailbench.nativ.x64.Asm.Mem;

/**
 * Checks every instruction form {@link Asm} emits, over all 16 registers (rsp/r12 need a SIB byte,
 * rbp/r13 a displacement even for 0), disp 0/8/32 and imm8/imm32, against GNU objdump's disassembly
 * (Intel syntax): the expected text is written from the Intel SDM's mnemonics, independently of the encoder.
 */
class AsmTest {
    private record Case(String expected, Consumer<Asm> emit) {}

    private static final int[] DISPS = {0, 0x10, -0x8, 0x1234, -0x100000};

    private static String mem(String size, int base, int index, int disp) {
        StringBuilder s = new StringBuilder(size).append(" PTR [").append(Reg.name(base, 64));
        if (index >= 0) s.append('+').append(Reg.name(index, 64)).append("*1");
        if (disp > 0) s.append("+0x").append(Integer.toHexString(disp));
        else if (disp < 0) s.append("-0x").append(Integer.toHexString(-disp));
        else if ((base & 7) == 5) s.append("+0x0");   // rbp/r13 as base: mod=01 with disp8 0, shown by objdump
        return s.append(']').toString();
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            final int a = r, b = (r * 7 + 3) % 16, x = (r + 5) % 16 == 4 ? 5 : (r + 5) % 16;
            String a64 = Reg.name(a, 64), a32 = Reg.name(a, 32), b64 = Reg.name(b, 64), b32 = Reg.name(b, 32);
            c.add(new Case("mov " + a64 + "," + b64, s -> s.mov(true, a, b)));
            c.add(new Case("mov " + a32 + "," + b32, s -> s.mov(false, a, b)));
            for (int d : DISPS) {
                c.add(new Case("mov " + b64 + "," + mem("QWORD", a, -1, d), s -> s.load(true, b, Mem.of(a, d))));
                c.add(new Case("mov " + mem("DWORD", a, -1, d) + "," + b32, s -> s.store(false, Mem.of(a, d), b)));
            }
            for (int d : new int[] {0, 0x7f, 0x80}) {
                c.add(new Case("mov " + a32 + "," + mem("DWORD", b, x, d), s -> s.load(false, a, Mem.of(b, x, d))));
                c.add(new Case("mov " + mem("QWORD", b, x, d) + "," + a64, s -> s.store(true, Mem.of(b, x, d), a)));
                c.add(new Case("mov " + mem("WORD", b, x, d) + "," + Reg.name(a, 16), s -> s.store16(Mem.of(b, x, d), a)));
                c.add(new Case("mov " + mem("BYTE", b, x, d) + "," + Reg.name(a, 8), s -> s.store8(Mem.of(b, x, d), a)));
                c.add(new Case("movzx " + a32 + "," + mem("BYTE", b, x, d), s -> s.loadZx8(a, Mem.of(b, x, d))));
                c.add(new Case("movzx " + a32 + "," + mem("WORD", b, x, d), s -> s.loadZx16(a, Mem.of(b, x, d))));
                c.add(new Case("movsx " + a64 + "," + mem("BYTE", b, x, d), s -> s.loadSx8(true, a, Mem.of(b, x, d))));
                c.add(new Case("movsx " + a32 + "," + mem("WORD", b, x, d), s -> s.loadSx16(false, a, Mem.of(b, x, d))));
                c.add(new Case("movsxd " + a64 + "," + mem("DWORD", b, x, d), s -> s.loadSx32(a, Mem.of(b, x, d))));
                c.add(new Case("lea " + a64 + ",[" + Reg.name(b, 64) + "+" + Reg.name(x, 64) + "*1" + (d > 0 ? "+" + hex(d) : (b & 7) == 5 ? "+0x0" : "") + "]",
                        s -> s.lea(a, Mem.of(b, x, d))));
            }
            for (int d : new int[] {0, 0x10, -0x8, 0x12345, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                // the 32-bit lea that folds an i32.add of a constant into an address (no size prefix in objdump's text)
                c.add(new Case("lea " + a32 + "," + mem("", b, -1, d).substring(" PTR ".length()), s -> s.lea32(a, Mem.of(b, d))));
            }
            c.add(new Case("shr " + a64 + ",0x1", s -> s.shiftImm(true, Asm.SHR, a, 1)));
            c.add(new Case("movsx " + a32 + "," + Reg.name(b, 8), s -> s.sx8(false, a, b)));
            c.add(new Case("movsx " + a64 + "," + Reg.name(b, 16), s -> s.sx16(true, a, b)));
            c.add(new Case("movsxd " + a64 + "," + b32, s -> s.sx32(a, b)));
            c.add(new Case("movzx " + a32 + "," + Reg.name(b, 8), s -> s.zx8(a, b)));
            c.add(new Case("movzx " + a32 + "," + Reg.name(b, 16), s -> s.zx16(a, b)));
            c.add(new Case("xor " + a32 + "," + a32, s -> s.movImm(a, 0)));
            c.add(new Case("mov " + a32 + ",0x89abcdef", s -> s.movImm(a, 0x89abcdefL)));
            c.add(new Case("mov " + a64 + ",0xfffffffffffffff0", s -> s.movImm(a, -16)));
            c.add(new Case("movabs " + a64 + ",0x123456789abc", s -> s.movImm(a, 0x123456789abcL)));
            c.add(new Case("mov " + mem("QWORD", a, -1, 8) + ",0x1234", s -> s.storeImm(true, Mem.of(a, 8), 0x1234)));
            String[] alu = {"add", "or", null, null, "and", "sub", "xor", "cmp"};
            for (int op : new int[] {Asm.ADD, Asm.OR, Asm.AND, Asm.SUB, Asm.XOR, Asm.CMP}) {
                c.add(new Case(alu[op] + " " + a64 + "," + b64, s -> s.alu(true, op, a, b)));
                c.add(new Case(alu[op] + " " + a32 + "," + b32, s -> s.alu(false, op, a, b)));
                c.add(new Case(alu[op] + " " + a64 + "," + mem("QWORD", b, -1, 0x18), s -> s.alu(true, op, a, Mem.of(b, 0x18))));
                c.add(new Case(alu[op] + " " + a32 + ",0x7f", s -> s.aluImm(false, op, a, 0x7f)));
                c.add(new Case(alu[op] + " " + a64 + ",0x12345", s -> s.aluImm(true, op, a, 0x12345)));
                c.add(new Case(alu[op] + " " + mem("DWORD", a, -1, 0x40) + ",0x1", s -> s.aluImm(false, op, Mem.of(a, 0x40), 1)));
            }
            c.add(new Case("test " + a64 + "," + b64, s -> s.test(true, a, b)));
            c.add(new Case("imul " + a32 + "," + b32, s -> s.imul(false, a, b)));
            c.add(new Case("not " + a64, s -> s.not(true, a)));
            c.add(new Case("neg " + a32, s -> s.neg(false, a)));
            c.add(new Case("div " + a64, s -> s.div(true, a)));
            c.add(new Case("idiv " + a32, s -> s.idiv(false, a)));
            String[] sh = {"rol", "ror", null, null, "shl", "shr", null, "sar"};
            for (int op : new int[] {Asm.ROL, Asm.ROR, Asm.SHL, Asm.SHR, Asm.SAR}) {
                c.add(new Case(sh[op] + " " + a64 + ",cl", s -> s.shiftCl(true, op, a)));
                c.add(new Case(sh[op] + " " + a32 + ",0x3", s -> s.shiftImm(false, op, a, 3)));
            }
            c.add(new Case("lzcnt " + a64 + "," + b64, s -> s.lzcnt(true, a, b)));
            c.add(new Case("bsr " + a64 + "," + b64, s -> s.bsr(true, a, b)));
            c.add(new Case("bsr " + a32 + "," + b32, s -> s.bsr(false, a, b)));
            c.add(new Case("tzcnt " + a32 + "," + b32, s -> s.tzcnt(false, a, b)));
            c.add(new Case("popcnt " + a64 + "," + b64, s -> s.popcnt(true, a, b)));
            c.add(new Case("bsr " + a32 + "," + b32, s -> s.bsr(false, a, b)));
            c.add(new Case("bsf " + a64 + "," + b64, s -> s.bsf(true, a, b)));
            c.add(new Case("cmove " + a32 + "," + b32, s -> s.cmov(false, Asm.E, a, b)));
            c.add(new Case("sete " + Reg.name(a, 8), s -> s.setcc(Asm.E, a)));
            c.add(new Case("setb " + Reg.name(a, 8), s -> s.setcc(Asm.B, a)));
            c.add(new Case("cmovne " + a64 + "," + b64, s -> s.cmov(true, Asm.NE, a, b)));
            c.add(new Case("call " + a64, s -> s.callReg(a)));
            c.add(new Case("jmp " + a64, s -> s.jmpReg(a)));
            c.add(new Case("push " + a64, s -> s.push(a)));
            c.add(new Case("pop " + a64, s -> s.pop(a)));
            c.add(new Case("push " + mem("QWORD", a, -1, 0x20), s -> s.push(Mem.of(a, 0x20))));
            String xa = "xmm" + a, xb = "xmm" + b;
            c.add(new Case("movq " + xa + "," + a64, s -> s.movToXmm(true, a, a)));
            c.add(new Case("movd " + xa + "," + b32, s -> s.movToXmm(false, a, b)));
            c.add(new Case("movq " + b64 + "," + xa, s -> s.movFromXmm(true, b, a)));
            c.add(new Case("movd " + b32 + "," + xa, s -> s.movFromXmm(false, b, a)));
            String[][] sse = {{"sqrt", "81"}, {"add", "88"}, {"mul", "89"}, {"sub", "92"}, {"min", "93"}, {"div", "94"}, {"max", "95"}};
            for (String[] e : sse) {
                int op = Integer.parseInt(e[1]);
                c.add(new Case(e[0] + "sd " + xa + "," + xb, s -> s.sse(op, true, a, b)));
                c.add(new Case(e[0] + "ss " + xa + "," + xb, s -> s.sse(op, false, a, b)));
            }
            c.add(new Case("movsd " + xa + "," + mem("QWORD", b, -1, -0x8), s -> s.movsLoad(true, a, Mem.of(b, -8))));
            c.add(new Case("movss " + xa + "," + mem("DWORD", b, x, 0), s -> s.movsLoad(false, a, Mem.of(b, x, 0))));
            c.add(new Case("movsd " + mem("QWORD", b, x, 0x80) + "," + xa, s -> s.movsStore(true, Mem.of(b, x, 0x80), a)));
            c.add(new Case("movss " + mem("DWORD", b, -1, 0x10) + "," + xa, s -> s.movsStore(false, Mem.of(b, 0x10), a)));
            c.add(new Case("ucomisd " + xa + "," + xb, s -> s.ucomis(true, a, b)));
            c.add(new Case("ucomiss " + xa + "," + xb, s -> s.ucomis(false, a, b)));
            c.add(new Case("cvtss2sd " + xa + "," + xb, s -> s.cvtFloat(true, a, b)));
            c.add(new Case("cvtsd2ss " + xa + "," + xb, s -> s.cvtFloat(false, a, b)));
            c.add(new Case("cvtsi2sd " + xa + "," + b64, s -> s.cvtsi2(true, true, a, b)));
            c.add(new Case("cvtsi2ss " + xa + "," + b32, s -> s.cvtsi2(false, false, a, b)));
            c.add(new Case("cvttsd2si " + a64 + "," + xb, s -> s.cvtt2si(true, true, a, b)));
            c.add(new Case("cvttss2si " + a32 + "," + xb, s -> s.cvtt2si(false, false, a, b)));
            c.add(new Case("roundsd " + xa + "," + xb + ",0x9", s -> s.round(true, a, b, 1)));
            c.add(new Case("roundss " + xa + "," + xb + ",0xb", s -> s.round(false, a, b, 3)));
        }
        c.add(new Case("cdq", s -> s.signExtendAx(false)));
        c.add(new Case("cqo", s -> s.signExtendAx(true)));
        c.add(new Case("ret", Asm::ret));
        c.add(new Case("ret 0x18", s -> s.ret(0x18)));
        c.add(new Case("ud2", Asm::ud2));
        c.add(new Case("rep stos QWORD PTR es:[rdi],rax", Asm::repStosq));
        c.add(new Case("rep stos BYTE PTR es:[rdi],al", Asm::repStosb));
        c.add(new Case("rep movs BYTE PTR es:[rdi],BYTE PTR ds:[rsi]", Asm::repMovsb));
        c.add(new Case("std", Asm::std));
        c.add(new Case("cld", Asm::cld));
        c.add(new Case("orpd xmm3,xmm12", s -> s.logic(0x56, true, 3, 12)));
        c.add(new Case("andps xmm9,xmm1", s -> s.logic(0x54, false, 9, 1)));
        return c;
    }

    @Test
    void everyFormMatchesObjdump() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/objdump")), "GNU objdump is not installed");
        List<Case> cases = cases();
        Asm asm = new Asm();
        for (Case k : cases) k.emit.accept(asm);
        Path bin = Files.createTempFile("asm", ".bin");
        try {
            Files.write(bin, asm.bytes());
            List<String> got = disassemble(bin);
            assertThat(got).hasSize(cases.size());
            for (int i = 0; i < cases.size(); i++) {
                assertThat(got.get(i)).as("case %d", i).isEqualTo(cases.get(i).expected);
            }
        } finally {
            Files.deleteIfExists(bin);
        }
    }

    @Test
    void branchesBindToTheirTargets() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/objdump")), "GNU objdump is not installed");
        Asm asm = new Asm();
        int j = asm.jcc(Asm.NE);       // 0: 6 bytes
        asm.jmpTo(0);                  // 6: 5 bytes
        asm.callTo(0x40);              // 11: 5 bytes
        asm.bind(j, 0x20);
        Path bin = Files.createTempFile("asm", ".bin");
        try {
            Files.write(bin, asm.bytes());
            assertThat(disassemble(bin)).containsExactly("jne 0x20", "jmp 0x0", "call 0x40");
        } finally {
            Files.deleteIfExists(bin);
        }
    }

    /** @return one normalised "mnemonic operands" line per instruction */
    private static List<String> disassemble(Path bin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("objdump", "-D", "-b", "binary", "-mi386:x86-64", "-M", "intel", bin.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length < 3 || !cols[0].trim().matches("[0-9a-f]+:")) continue;
            lines.add(cols[2].trim().replaceAll("\\s+", " ").replaceAll("\\s*#.*$", ""));
        }
        return lines;
    }
}
