package org.tailbench.nativ.x64;

import java.util.Arrays;

/**
 * The x86-64 instruction encoder (Intel SDM vol. 2, ch. 2 "Instruction format": legacy prefix, REX,
 * opcode, ModRM, SIB, displacement, immediate). Only the forms the native backend emits; each is
 * checked against GNU objdump in {@code AsmTest}. Registers are numbered as in the encoding
 * ({@link Reg}); {@code w} selects 64-bit operand size (REX.W). Memory operands are {@link Mem}.
 */
public final class Asm {
    /** Condition codes (the low nibble of Jcc / SETcc / CMOVcc). */
    public static final int O = 0, NO = 1, B = 2, AE = 3, E = 4, NE = 5, BE = 6, A = 7, S = 8, NS = 9, P = 10, NP = 11,
            L = 12, GE = 13, LE = 14, G = 15;

    /** A memory operand {@code [base + index*scale + disp]}; index -1 for none (scale is 1, 2, 4 or 8). */
    public record Mem(int base, int index, int scale, int disp) {
        public static Mem of(int base, int disp) { return new Mem(base, -1, 1, disp); }
        public static Mem of(int base, int index, int disp) { return new Mem(base, index, 1, disp); }
    }

    private byte[] buf = new byte[4096];
    private int n;

    /** @return the current code offset in bytes */
    public int pos() { return n; }
    /** @return a copy of the code emitted so far */
    public byte[] bytes() { return Arrays.copyOf(buf, n); }

    public void byte1(int b) {
        if (n == buf.length) buf = Arrays.copyOf(buf, n * 2);
        buf[n++] = (byte) b;
    }
    public void int32(int v) { byte1(v); byte1(v >> 8); byte1(v >> 16); byte1(v >> 24); }
    public void int64(long v) { int32((int) v); int32((int) (v >>> 32)); }
    /** Overwrites the 32-bit value at {@code at}. */
    public void patch32(int at, int v) {
        buf[at] = (byte) v; buf[at + 1] = (byte) (v >> 8); buf[at + 2] = (byte) (v >> 16); buf[at + 3] = (byte) (v >> 24);
    }
    public int read32(int at) {
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8 | (buf[at + 2] & 0xFF) << 16 | (buf[at + 3] & 0xFF) << 24;
    }

    // ---- core encoding ---------------------------------------------------------------------------------

    /** REX prefix when needed; {@code byteRegs} forces one for spl/bpl/sil/dil as 8-bit operands. */
    private void rex(boolean w, int reg, int index, int base, boolean byteRegs) {
        int r = 0x40 | (w ? 8 : 0) | ((reg >> 3) & 1) << 2 | ((index >> 3) & 1) << 1 | ((base >> 3) & 1);
        if (r != 0x40 || byteRegs) byte1(r);
    }

    private void opcode(int[] op) { for (int b : op) byte1(b); }

    /** reg, r/m = register. */
    private void rr(int prefix, boolean w, int[] op, int reg, int rm, boolean byteRegs) {
        if (prefix != 0) byte1(prefix);
        rex(w, reg, 0, rm, byteRegs && (reg >= 4 && reg < 8 || rm >= 4 && rm < 8));
        opcode(op);
        byte1(0xC0 | (reg & 7) << 3 | (rm & 7));
    }

    /** reg, r/m = memory. */
    private void rm(int prefix, boolean w, int[] op, int reg, Mem m, boolean byteReg) {
        if (prefix != 0) byte1(prefix);
        rex(w, reg, m.index() < 0 ? 0 : m.index(), m.base(), byteReg && reg >= 4 && reg < 8);
        opcode(op);
        modrmMem(reg, m);
    }

    private void modrmMem(int reg, Mem m) {
        int base = m.base() & 7, disp = m.disp();
        int mod = disp == 0 && base != 5 ? 0 : disp == (byte) disp ? 1 : 2;
        if (m.index() < 0 && base != 4) {
            byte1(mod << 6 | (reg & 7) << 3 | base);
        } else {
            if (m.index() == 4) throw new IllegalArgumentException("rsp cannot be an index register");
            int idx = m.index() < 0 ? 4 : m.index() & 7;
            int ss = Integer.numberOfTrailingZeros(m.scale());
            byte1(mod << 6 | (reg & 7) << 3 | 4);
            byte1(ss << 6 | idx << 3 | base);
        }
        if (mod == 1) byte1(disp); else if (mod == 2) int32(disp);
    }

    private static int[] ops(int... o) { return o; }

    // ---- moves -----------------------------------------------------------------------------------------

    public void mov(boolean w, int dst, int src) { rr(0, w, ops(0x89), src, dst, false); }
    public void load(boolean w, int dst, Mem m) { rm(0, w, ops(0x8B), dst, m, false); }
    public void store(boolean w, Mem m, int src) { rm(0, w, ops(0x89), src, m, false); }
    public void store16(Mem m, int src) { rm(0x66, false, ops(0x89), src, m, false); }
    public void store8(Mem m, int src) { rm(0, false, ops(0x88), src, m, true); }
    /** movzx r32, byte/word [m] */
    public void loadZx8(int dst, Mem m) { rm(0, false, ops(0x0F, 0xB6), dst, m, false); }
    public void loadZx16(int dst, Mem m) { rm(0, false, ops(0x0F, 0xB7), dst, m, false); }
    /** movsx r, byte/word [m] */
    public void loadSx8(boolean w, int dst, Mem m) { rm(0, w, ops(0x0F, 0xBE), dst, m, false); }
    public void loadSx16(boolean w, int dst, Mem m) { rm(0, w, ops(0x0F, 0xBF), dst, m, false); }
    /** movsxd r64, dword [m] */
    public void loadSx32(int dst, Mem m) { rm(0, true, ops(0x63), dst, m, false); }
    /** movsx r, r8 / r16; movsxd r64, r32; movzx r32, r8 / r16 */
    public void sx8(boolean w, int dst, int src) { rr(0, w, ops(0x0F, 0xBE), dst, src, true); }
    public void sx16(boolean w, int dst, int src) { rr(0, w, ops(0x0F, 0xBF), dst, src, false); }
    public void sx32(int dst, int src) { rr(0, true, ops(0x63), dst, src, false); }
    public void zx8(int dst, int src) { rr(0, false, ops(0x0F, 0xB6), dst, src, true); }
    public void zx16(int dst, int src) { rr(0, false, ops(0x0F, 0xB7), dst, src, false); }

    /** Loads a constant with the shortest form: xor (0), mov r32 (zero-extended u32), mov r64 simm32, movabs. */
    public void movImm(int dst, long v) {
        if (v == 0) {
            alu(false, XOR, dst, dst);
        } else if (v == (v & 0xFFFFFFFFL)) {
            rex(false, 0, 0, dst, false);
            byte1(0xB8 | (dst & 7));
            int32((int) v);
        } else if (v == (int) v) {
            rr(0, true, ops(0xC7), 0, dst, false);
            int32((int) v);
        } else {
            rex(true, 0, 0, dst, false);
            byte1(0xB8 | (dst & 7));
            int64(v);
        }
    }
    /** mov qword/dword [m], simm32 */
    public void storeImm(boolean w, Mem m, int imm) { rm(0, w, ops(0xC7), 0, m, false); int32(imm); }
    public void lea(int dst, Mem m) { rm(0, true, ops(0x8D), dst, m, false); }
    /** lea r32, [m]: the 64-bit address sum truncated to 32 bits and zero-extended (i32.add's wrap-around) */
    public void lea32(int dst, Mem m) { rm(0, false, ops(0x8D), dst, m, false); }

    // ---- arithmetic ------------------------------------------------------------------------------------

    /** ALU operation numbers (the /digit of 0x81 and bits 3..5 of the r/m,reg opcode). */
    public static final int ADD = 0, OR = 1, AND = 4, SUB = 5, XOR = 6, CMP = 7;

    /** {@code op dst, src} */
    public void alu(boolean w, int op, int dst, int src) { rr(0, w, ops(op << 3 | 1), src, dst, false); }
    /** {@code op dst, [m]} */
    public void alu(boolean w, int op, int dst, Mem m) { rm(0, w, ops(op << 3 | 3), dst, m, false); }
    /** {@code op dst, imm} (imm8 when it fits, else imm32; sign-extended) */
    public void aluImm(boolean w, int op, int dst, int imm) {
        if (imm == (byte) imm) { rr(0, w, ops(0x83), op, dst, false); byte1(imm); }
        else { rr(0, w, ops(0x81), op, dst, false); int32(imm); }
    }
    /** {@code op [m], imm} */
    public void aluImm(boolean w, int op, Mem m, int imm) {
        if (imm == (byte) imm) { rm(0, w, ops(0x83), op, m, false); byte1(imm); }
        else { rm(0, w, ops(0x81), op, m, false); int32(imm); }
    }
    public void test(boolean w, int a, int b) { rr(0, w, ops(0x85), b, a, false); }
    public void imul(boolean w, int dst, int src) { rr(0, w, ops(0x0F, 0xAF), dst, src, false); }
    /** F7 group: 2 not, 3 neg, 6 div, 7 idiv */
    public void not(boolean w, int r) { rr(0, w, ops(0xF7), 2, r, false); }
    public void neg(boolean w, int r) { rr(0, w, ops(0xF7), 3, r, false); }
    public void div(boolean w, int r) { rr(0, w, ops(0xF7), 6, r, false); }
    public void idiv(boolean w, int r) { rr(0, w, ops(0xF7), 7, r, false); }
    /** cdq (w=false) / cqo (w=true) */
    public void signExtendAx(boolean w) { if (w) byte1(0x48); byte1(0x99); }

    /** Shift / rotate numbers: /0 rol, /1 ror, /4 shl, /5 shr, /7 sar. */
    public static final int ROL = 0, ROR = 1, SHL = 4, SHR = 5, SAR = 7;
    /** {@code op r, cl} */
    public void shiftCl(boolean w, int op, int r) { rr(0, w, ops(0xD3), op, r, false); }
    public void shiftImm(boolean w, int op, int r, int imm) { rr(0, w, ops(0xC1), op, r, false); byte1(imm); }

    public void lzcnt(boolean w, int dst, int src) { rr(0xF3, w, ops(0x0F, 0xBD), dst, src, false); }
    public void tzcnt(boolean w, int dst, int src) { rr(0xF3, w, ops(0x0F, 0xBC), dst, src, false); }
    public void popcnt(boolean w, int dst, int src) { rr(0xF3, w, ops(0x0F, 0xB8), dst, src, false); }
    /** bit scan reverse/forward: dst = index of the highest/lowest set bit; ZF set and dst undefined when src is 0 */
    public void bsr(boolean w, int dst, int src) { rr(0, w, ops(0x0F, 0xBD), dst, src, false); }
    public void bsf(boolean w, int dst, int src) { rr(0, w, ops(0x0F, 0xBC), dst, src, false); }

    public void setcc(int cc, int r8) { rr(0, false, ops(0x0F, 0x90 | cc), 0, r8, true); }
    public void cmov(boolean w, int cc, int dst, int src) { rr(0, w, ops(0x0F, 0x40 | cc), dst, src, false); }

    // ---- control ---------------------------------------------------------------------------------------

    /** jcc rel32; @return the offset of the rel32 field, for {@link #bind} */
    public int jcc(int cc) { byte1(0x0F); byte1(0x80 | cc); int32(0); return n - 4; }
    public int jmp() { byte1(0xE9); int32(0); return n - 4; }
    public int call() { byte1(0xE8); int32(0); return n - 4; }
    /** Makes the rel32 at {@code field} point to {@code target}. */
    public void bind(int field, int target) { patch32(field, target - (field + 4)); }
    public void jccTo(int cc, int target) { bind(jcc(cc), target); }
    public void jmpTo(int target) { bind(jmp(), target); }
    public void callTo(int target) { bind(call(), target); }
    public void callReg(int r) { rr(0, false, ops(0xFF), 2, r, false); }
    public void jmpReg(int r) { rr(0, false, ops(0xFF), 4, r, false); }
    public void ret() { byte1(0xC3); }
    public void ret(int popBytes) { byte1(0xC2); byte1(popBytes); byte1(popBytes >> 8); }
    public void push(int r) { rex(false, 0, 0, r, false); byte1(0x50 | (r & 7)); }
    public void pop(int r) { rex(false, 0, 0, r, false); byte1(0x58 | (r & 7)); }
    public void push(Mem m) { rm(0, false, ops(0xFF), 6, m, false); }
    public void ud2() { byte1(0x0F); byte1(0x0B); }
    /** rep stosq (fills rcx qwords at [rdi] with rax) */
    public void repStosq() { byte1(0xF3); byte1(0x48); byte1(0xAB); }
    /** rep stosb (fills rcx bytes at [rdi] with al) */
    public void repStosb() { byte1(0xF3); byte1(0xAA); }
    /** rep movsb (copies rcx bytes from [rsi] to [rdi], forward, or backward when the direction flag is set) */
    public void repMovsb() { byte1(0xF3); byte1(0xA4); }
    /** std / cld: set / clear the direction flag (SysV requires it clear at calls and returns) */
    public void std() { byte1(0xFD); }
    public void cld() { byte1(0xFC); }
    /** lea r64, [rip + disp32]; @return the offset of the disp32 field (relative to the next instruction) */
    public int leaRip(int dst) { rex(true, dst, 0, 0, false); byte1(0x8D); byte1((dst & 7) << 3 | 5); int32(0); return n - 4; }

    // ---- SSE2 / SSE4.1 (xmm registers 0..15) -------------------------------------------------------------

    /** movq xmm, r64 (w) / movd xmm, r32 */
    public void movToXmm(boolean w, int xmm, int r) { rr(0x66, w, ops(0x0F, 0x6E), xmm, r, false); }
    /** movq r64, xmm (w) / movd r32, xmm */
    public void movFromXmm(boolean w, int r, int xmm) { rr(0x66, w, ops(0x0F, 0x7E), xmm, r, false); }

    /** Scalar SSE arithmetic opcodes (second opcode byte). */
    public static final int SQRT = 0x51, FADD = 0x58, FMUL = 0x59, FSUB = 0x5C, FMIN = 0x5D, FDIV = 0x5E, FMAX = 0x5F;
    /** addsd/addss etc.: {@code dbl} selects sd (F2) or ss (F3) */
    public void sse(int op, boolean dbl, int dst, int src) { rr(dbl ? 0xF2 : 0xF3, false, ops(0x0F, op), dst, src, false); }
    /** orpd/orps (0x56), andpd/andps (0x54) */
    public void logic(int op, boolean dbl, int dst, int src) { rr(dbl ? 0x66 : 0, false, ops(0x0F, op), dst, src, false); }
    /** movsd / movss xmm, [m] (loads 8 / 4 bytes) */
    public void movsLoad(boolean dbl, int xmm, Mem m) { rm(dbl ? 0xF2 : 0xF3, false, ops(0x0F, 0x10), xmm, m, false); }
    /** movsd / movss [m], xmm (stores 8 / 4 bytes) */
    public void movsStore(boolean dbl, Mem m, int xmm) { rm(dbl ? 0xF2 : 0xF3, false, ops(0x0F, 0x11), xmm, m, false); }
    /** ucomisd / ucomiss */
    public void ucomis(boolean dbl, int a, int b) { rr(dbl ? 0x66 : 0, false, ops(0x0F, 0x2E), a, b, false); }
    /** cvtss2sd (dbl result) / cvtsd2ss */
    public void cvtFloat(boolean toDouble, int dst, int src) { rr(toDouble ? 0xF3 : 0xF2, false, ops(0x0F, 0x5A), dst, src, false); }
    /** cvtsi2sd / cvtsi2ss from a 32- or 64-bit (w) signed integer */
    public void cvtsi2(boolean dbl, boolean w, int xmm, int r) { rr(dbl ? 0xF2 : 0xF3, w, ops(0x0F, 0x2A), xmm, r, false); }
    /** cvttsd2si / cvttss2si to a 32- or 64-bit (w) integer */
    public void cvtt2si(boolean dbl, boolean w, int r, int xmm) { rr(dbl ? 0xF2 : 0xF3, w, ops(0x0F, 0x2C), r, xmm, false); }
    /** roundsd / roundss (SSE4.1), mode 0 nearest, 1 floor, 2 ceil, 3 trunc (bit 3 set: suppress precision exceptions) */
    public void round(boolean dbl, int dst, int src, int mode) { rr(0x66, false, ops(0x0F, 0x3A, dbl ? 0x0B : 0x0A), dst, src, false); byte1(mode | 8); }
}
