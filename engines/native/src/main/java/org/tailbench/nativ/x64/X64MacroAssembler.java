package org.tailbench.nativ.x64;

import static org.tailbench.nativ.x64.Reg.*;

import java.util.ArrayList;
import java.util.List;
import org.tailbench.nativ.Abi;
import org.tailbench.nativ.MacroAssembler;
import org.tailbench.nativ.x64.Asm.Mem;

/**
 * {@link MacroAssembler} for x86-64 over {@link Asm}. Scratch: rax, rcx, rdx, xmm0, xmm1. Float values live
 * in general-purpose registers as raw bits and pass through xmm0/xmm1 for SSE arithmetic.
 */
public final class X64MacroAssembler implements MacroAssembler {
    private final Asm a = new Asm();
    /** whether clz/ctz use LZCNT/TZCNT, or BSR/BSF with a CMOV for 0 (CPUs or VMs without abm/bmi1) */
    private final boolean lzcnt, tzcnt;

    /** for this machine's CPU ({@link org.tailbench.nativ.Platform#LZCNT}, {@link org.tailbench.nativ.Platform#TZCNT}) */
    public X64MacroAssembler() { this(org.tailbench.nativ.Platform.LZCNT, org.tailbench.nativ.Platform.TZCNT); }

    /** @param lzcnt use LZCNT for clz, else BSR; @param tzcnt use TZCNT for ctz, else BSF (tests force the fallbacks) */
    public X64MacroAssembler(boolean lzcnt, boolean tzcnt) { this.lzcnt = lzcnt; this.tzcnt = tzcnt; }
    /** the module's trap stub: {@code call}ed with the trap code in esi */
    public final Label trapStub = new Label();
    private final List<Object[]> tableFixups = new ArrayList<>();

    public Asm asm() { return a; }

    @Override public int pos() { return a.pos(); }

    @Override public byte[] finish() {
        for (Object[] f : tableFixups) {
            Label l = (Label) f[2];
            if (l.pos < 0) throw new IllegalStateException("unbound jump-table target");
            a.patch32((int) f[0], l.pos - (int) f[1]);
        }
        return a.bytes();
    }

    @Override public void bind(Label l) {
        if (l.pos >= 0) throw new IllegalStateException("label bound twice");
        l.pos = a.pos();
        for (int f : l.fixups) a.bind(f, l.pos);
    }

    private void ref(Label l, int field) {
        if (l.pos >= 0) a.bind(field, l.pos); else l.fixups.add(field);
    }

    @Override public void jump(Label l) { ref(l, a.jmp()); }
    private void jcc(int cc, Label l) { ref(l, a.jcc(cc)); }

    @Override public void branchIfZero(boolean w, int r, boolean zero, Label l) {
        a.test(w, r, r);
        jcc(zero ? Asm.E : Asm.NE, l);
    }

    @Override public void loadConst(int r, long v) { a.movImm(r, v); }
    @Override public void move(boolean w, int dst, int src) { a.mov(w, dst, src); }
    @Override public void loadFrame(int r, int off) { a.load(true, r, Mem.of(RBP, off)); }
    @Override public void storeFrame(int off, int r) { a.store(true, Mem.of(RBP, off), r); }
    @Override public void storeFrameConst(int off, long v) {
        if (v == (int) v) a.storeImm(true, Mem.of(RBP, off), (int) v);
        else { a.movImm(RAX, v); a.store(true, Mem.of(RBP, off), RAX); }
    }
    @Override public void loadCtx(int r, int off) { a.load(true, r, Mem.of(Abi.CTX, off)); }
    @Override public void storeCtx(int off, int r) { a.store(true, Mem.of(Abi.CTX, off), r); }
    @Override public void loadIndirect(int r, int base, int disp) { a.load(true, r, Mem.of(base, disp)); }

    private static int alu(IntOp op) {
        return switch (op) {
            case ADD -> Asm.ADD; case SUB -> Asm.SUB; case AND -> Asm.AND; case OR -> Asm.OR; case XOR -> Asm.XOR;
            default -> -1;
        };
    }
    private static int shift(IntOp op) {
        return switch (op) {
            case SHL -> Asm.SHL; case SHR_S -> Asm.SAR; case SHR_U -> Asm.SHR; case ROTL -> Asm.ROL; case ROTR -> Asm.ROR;
            default -> -1;
        };
    }

    @Override public void intOp(IntOp op, boolean w, int dst, int src) {
        if (op == IntOp.MUL) { a.imul(w, dst, src); return; }
        int s = shift(op);
        if (s >= 0) { a.mov(true, RCX, src); a.shiftCl(w, s, dst); return; }
        a.alu(w, alu(op), dst, src);
    }

    @Override public void intOpImm(IntOp op, boolean w, int dst, int imm) {
        int s = shift(op);
        if (s >= 0) { a.shiftImm(w, s, dst, imm & (w ? 63 : 31)); return; }
        a.aluImm(w, alu(op), dst, imm);
    }

    private static int cc(Cmp c) {
        return switch (c) {
            case EQ -> Asm.E; case NE -> Asm.NE; case LT_S -> Asm.L; case LT_U -> Asm.B; case GT_S -> Asm.G; case GT_U -> Asm.A;
            case LE_S -> Asm.LE; case LE_U -> Asm.BE; case GE_S -> Asm.GE; case GE_U -> Asm.AE;
        };
    }

    @Override public void intCmp(Cmp c, boolean w, int dst, int src) {
        a.alu(w, Asm.CMP, dst, src);
        a.setcc(cc(c), RAX);
        a.zx8(dst, RAX);
    }

    @Override public void intCmpImm(Cmp c, boolean w, int dst, int imm) {
        a.aluImm(w, Asm.CMP, dst, imm);
        a.setcc(cc(c), RAX);
        a.zx8(dst, RAX);
    }

    /** Sets the flags for {@code x c y} (y a register, or y < 0 and the immediate; c null: {@code x == 0}); @return the condition code */
    private int compare(Cmp c, boolean w, int x, int y, int imm) {
        if (c == null) { a.test(w, x, x); return Asm.E; }
        if (y >= 0) a.alu(w, Asm.CMP, x, y); else a.aluImm(w, Asm.CMP, x, imm);
        return cc(c);
    }

    @Override public void compareAndBranch(Cmp c, boolean w, int x, int y, int imm, boolean negate, Label l) {
        int cc = compare(c, w, x, y, imm);
        jcc(negate ? cc ^ 1 : cc, l);
    }

    @Override public void compareAndSelect(Cmp c, boolean w, int x, int y, int imm, int dst, int src) {
        int cc = compare(c, w, x, y, imm);
        a.cmov(true, cc ^ 1, dst, src);   // the comparison fails: the second operand
    }

    @Override public void intUnary(IntUnary op, boolean w, int r) {
        switch (op) {
            case CLZ -> {
                if (lzcnt) {
                    a.lzcnt(w, r, r);
                } else {  // bsr: the highest set bit's index i, and clz = (W-1) - i = i ^ (W-1);
                    int width = w ? 64 : 32;  // for 0 (ZF set, r undefined) 2W-1 ^ (W-1) = W; mov keeps the flags
                    a.bsr(w, r, r);
                    a.movImm(RAX, 2 * width - 1);
                    a.cmov(w, Asm.E, r, RAX);
                    a.aluImm(w, Asm.XOR, r, width - 1);
                }
            }
            case CTZ -> {
                if (tzcnt) {
                    a.tzcnt(w, r, r);
                } else {  // bsf: the lowest set bit's index; W for 0 (ZF set)
                    a.bsf(w, r, r);
                    a.movImm(RAX, w ? 64 : 32);
                    a.cmov(w, Asm.E, r, RAX);
                }
            }
            case POPCNT -> a.popcnt(w, r, r);
            case EQZ -> { a.test(w, r, r); a.setcc(Asm.E, RAX); a.zx8(r, RAX); }
            case EXTEND8_S -> a.sx8(w, r, r);
            case EXTEND16_S -> a.sx16(w, r, r);
            case EXTEND32_S -> a.sx32(r, r);
            case EXTEND_U32 -> a.mov(false, r, r);
        }
    }

    @Override public void divRem(boolean w, boolean signed, boolean rem, int dst, int src, Label divZero, Label overflow) {
        a.test(w, src, src);
        jcc(Asm.E, divZero);
        int done = -1;
        if (signed) {
            a.aluImm(w, Asm.CMP, src, -1);
            int normal = a.jcc(Asm.NE);
            if (rem) {
                a.alu(false, Asm.XOR, dst, dst);
                done = a.jmp();
            } else {
                if (w) { a.movImm(RAX, Long.MIN_VALUE); a.alu(true, Asm.CMP, dst, RAX); }
                else a.aluImm(false, Asm.CMP, dst, Integer.MIN_VALUE);
                jcc(Asm.E, overflow);
            }
            a.bind(normal, a.pos());
        }
        a.mov(w, RAX, dst);
        if (signed) { a.signExtendAx(w); a.idiv(w, src); }
        else { a.alu(false, Asm.XOR, RDX, RDX); a.div(w, src); }
        a.mov(w, dst, rem ? RDX : RAX);
        if (done >= 0) a.bind(done, a.pos());
    }

    @Override public void select(int dst, int src, int cond) {
        a.test(false, cond, cond);
        a.cmov(true, Asm.E, dst, src);
    }

    private void toXmm(boolean dbl, int xmm, int r) { a.movToXmm(dbl, xmm, r); }
    private void fromXmm(boolean dbl, int r, int xmm) { a.movFromXmm(dbl, r, xmm); }

    @Override public void floatOp(FloatOp op, boolean dbl, int dst, int src) {
        toXmm(dbl, 0, dst);
        toXmm(dbl, 1, src);
        if (op == FloatOp.MIN || op == FloatOp.MAX) {
            // Wasm min/max: NaN if either is NaN; -0 < +0 (spec §4.3.3 fmin/fmax)
            a.ucomis(dbl, 0, 1);
            int nan = a.jcc(Asm.P);
            int ne = a.jcc(Asm.NE);
            a.alu(dbl, op == FloatOp.MIN ? Asm.OR : Asm.AND, dst, src);   // equal: only ±0 differ in bits
            int done1 = a.jmp();
            a.bind(ne, a.pos());
            a.sse(op == FloatOp.MIN ? Asm.FMIN : Asm.FMAX, dbl, 0, 1);
            fromXmm(dbl, dst, 0);
            int done2 = a.jmp();
            a.bind(nan, a.pos());
            a.sse(Asm.FADD, dbl, 0, 1);
            fromXmm(dbl, dst, 0);
            a.bind(done1, a.pos());
            a.bind(done2, a.pos());
            return;
        }
        int o = switch (op) { case ADD -> Asm.FADD; case SUB -> Asm.FSUB; case MUL -> Asm.FMUL; default -> Asm.FDIV; };
        a.sse(o, dbl, 0, 1);
        fromXmm(dbl, dst, 0);
    }

    @Override public void loadFrameX(int x, int off) { a.movsLoad(true, x, Mem.of(RBP, off)); }
    @Override public void storeFrameX(int off, int x) { a.movsStore(true, Mem.of(RBP, off), x); }
    @Override public void gprToX(int x, int r) { a.movToXmm(true, x, r); }
    @Override public void xToGpr(int r, int x) { a.movFromXmm(true, r, x); }

    @Override public void floatOpX(FloatOp op, boolean dbl, int x, int y) {
        int o = switch (op) {
            case ADD -> Asm.FADD; case SUB -> Asm.FSUB; case MUL -> Asm.FMUL; case DIV -> Asm.FDIV;
            default -> throw new IllegalArgumentException("floatOpX " + op);
        };
        a.sse(o, dbl, x, y);
    }

    @Override public void floatSqrtX(boolean dbl, int x) { a.sse(Asm.SQRT, dbl, x, x); }
    @Override public void floatRoundX(Round mode, boolean dbl, int x) { a.round(dbl, x, x, mode.ordinal()); }

    @Override public void floatCmpX(FCmp c, boolean dbl, int r, int x, int y) {
        switch (c) {
            case EQ -> { a.ucomis(dbl, x, y); a.setcc(Asm.E, RAX); a.setcc(Asm.NP, RCX); a.alu(false, Asm.AND, RAX, RCX); }
            case NE -> { a.ucomis(dbl, x, y); a.setcc(Asm.NE, RAX); a.setcc(Asm.P, RCX); a.alu(false, Asm.OR, RAX, RCX); }
            case LT -> { a.ucomis(dbl, y, x); a.setcc(Asm.A, RAX); }
            case GT -> { a.ucomis(dbl, x, y); a.setcc(Asm.A, RAX); }
            case LE -> { a.ucomis(dbl, y, x); a.setcc(Asm.AE, RAX); }
            case GE -> { a.ucomis(dbl, x, y); a.setcc(Asm.AE, RAX); }
        }
        a.zx8(r, RAX);
    }

    @Override public void addImm32(int dst, int src, int k) { a.lea32(dst, Mem.of(src, k)); }

    @Override public void convertX(boolean dbl, boolean w, boolean unsigned32, int x, int r) {
        if (unsigned32) { a.mov(false, r, r); w = true; }
        a.cvtsi2(dbl, w, x, r);
    }

    /** xmm0 = the constant {@code c} as an f64 (or f32) */
    private void floatConst(boolean dbl, double c) {
        if (dbl) { a.movImm(RAX, Double.doubleToRawLongBits(c)); a.movToXmm(true, 0, RAX); }
        else { a.movImm(RAX, Float.floatToRawIntBits((float) c) & 0xFFFFFFFFL); a.movToXmm(false, 0, RAX); }
    }

    @Override public void truncX(boolean w, boolean dbl, boolean unsigned, int r, int x, Label invalid, Label overflow) {
        a.ucomis(dbl, x, x);
        jcc(Asm.P, invalid);
        // in range: lo < x (or lo <= x) and x < hi; every bound below is exactly representable in f32 and f64
        double hi = unsigned ? (w ? 0x1p64 : 0x1p32) : w ? 0x1p63 : 0x1p31;
        floatConst(dbl, hi);
        a.ucomis(dbl, x, 0);
        jcc(Asm.AE, overflow);
        if (unsigned) {                      // x <= -1 overflows (-1 < x < 0 truncates to 0)
            floatConst(dbl, -1.0);
            a.ucomis(dbl, x, 0);
            jcc(Asm.BE, overflow);
        } else if (!w && dbl) {              // i32 from f64: x <= -2^31 - 1 overflows
            floatConst(true, -0x1p31 - 1);
            a.ucomis(true, x, 0);
            jcc(Asm.BE, overflow);
        } else {                             // -2^31 (f32) / -2^63: x < it overflows; it is in range
            floatConst(dbl, w ? -0x1p63 : -0x1p31);
            a.ucomis(dbl, x, 0);
            jcc(Asm.B, overflow);
        }
        if (unsigned && w) truncU64(dbl, r, x);
        else a.cvtt2si(dbl, w || unsigned, r, x);   // u32: the 64-bit conversion's low half
    }

    /**
     * {@code r = trunc(x)} as a u64 for {@code -1 < x < 2^64} (not NaN): below 2^63 the signed conversion; from
     * 2^63 on, that of {@code x - 2^63} (exact: both have the same exponent range) with bit 63 set. Clobbers x.
     */
    private void truncU64(boolean dbl, int r, int x) {
        floatConst(dbl, 0x1p63);
        a.ucomis(dbl, x, 0);
        int big = a.jcc(Asm.AE);
        a.cvtt2si(dbl, true, r, x);
        int done = a.jmp();
        a.bind(big, a.pos());
        a.sse(Asm.FSUB, dbl, x, 0);
        a.cvtt2si(dbl, true, r, x);
        a.movImm(RAX, Long.MIN_VALUE);
        a.alu(true, Asm.XOR, r, RAX);
        a.bind(done, a.pos());
    }

    @Override public void truncSatX(boolean w, boolean dbl, boolean unsigned, int r, int x) {
        if (!unsigned) {
            // cvtt gives the "integer indefinite" value MIN for NaN and out-of-range operands, so only a MIN
            // result needs a look at x: NaN gives 0, x >= 0 the maximum, x < 0 keeps MIN (clamped or exact)
            a.cvtt2si(dbl, w, r, x);
            a.aluImm(w, Asm.CMP, r, 1);          // r - 1 overflows only for r = MIN
            int ok = a.jcc(Asm.NO);
            a.ucomis(dbl, x, x);
            int nan = a.jcc(Asm.P);
            floatConst(dbl, 0.0);
            a.ucomis(dbl, x, 0);
            int negative = a.jcc(Asm.B);
            a.movImm(r, w ? Long.MAX_VALUE : Integer.MAX_VALUE);
            int done = a.jmp();
            a.bind(nan, a.pos());
            a.alu(false, Asm.XOR, r, r);
            a.bind(ok, a.pos());
            a.bind(negative, a.pos());
            a.bind(done, a.pos());
            return;
        }
        // NaN and x <= 0 give 0 (-1 < x < 1 truncates to 0 anyway); x >= 2^32 (2^64) all ones; else as truncX
        a.alu(false, Asm.XOR, r, r);
        a.ucomis(dbl, x, x);
        int nan = a.jcc(Asm.P);
        floatConst(dbl, 0.0);
        a.ucomis(dbl, x, 0);
        int low = a.jcc(Asm.BE);
        floatConst(dbl, w ? 0x1p64 : 0x1p32);
        a.ucomis(dbl, x, 0);
        int high = a.jcc(Asm.AE);
        if (w) truncU64(dbl, r, x); else a.cvtt2si(dbl, true, r, x);
        int done = a.jmp();
        a.bind(high, a.pos());
        a.movImm(r, w ? -1L : 0xFFFFFFFFL);
        a.bind(nan, a.pos());
        a.bind(low, a.pos());
        a.bind(done, a.pos());
    }

    @Override public void convertU64X(boolean dbl, int x, int r) {
        a.test(true, r, r);
        int big = a.jcc(Asm.S);
        a.cvtsi2(dbl, true, x, r);               // below 2^63: the signed conversion
        int done = a.jmp();
        a.bind(big, a.pos());
        // from 2^63 on: convert r/2 with the lost bit ORed back in (a sticky bit far below the rounding
        // position, so the rounding is that of r), then double: exact (LLVM's and Cranelift's sequence)
        a.mov(true, RAX, r);
        a.shiftImm(true, Asm.SHR, RAX, 1);
        a.mov(false, RCX, r);
        a.aluImm(false, Asm.AND, RCX, 1);
        a.alu(true, Asm.OR, RAX, RCX);
        a.cvtsi2(dbl, true, x, RAX);
        a.sse(Asm.FADD, dbl, x, x);
        a.bind(done, a.pos());
    }

    @Override public void promoteDemoteX(boolean toDouble, int x) { a.cvtFloat(toDouble, x, x); }
    @Override public void loadMemoryX(int x, boolean dbl, int disp) { a.movsLoad(dbl, x, Mem.of(Abi.MEM_BASE, RAX, disp)); }
    @Override public void storeMemoryX(int x, boolean dbl, int disp) { a.movsStore(dbl, Mem.of(Abi.MEM_BASE, RAX, disp), x); }

    @Override public void floatAbs(boolean dbl, int r) {
        if (dbl) { a.movImm(RAX, Long.MAX_VALUE); a.alu(true, Asm.AND, r, RAX); }
        else a.aluImm(false, Asm.AND, r, 0x7FFFFFFF);
    }

    @Override public void floatNeg(boolean dbl, int r) {
        if (dbl) { a.movImm(RAX, Long.MIN_VALUE); a.alu(true, Asm.XOR, r, RAX); }
        else a.aluImm(false, Asm.XOR, r, Integer.MIN_VALUE);
    }

    @Override public void floatCopysign(boolean dbl, int dst, int src) {
        if (dbl) {
            a.mov(true, RCX, src);
            a.movImm(RAX, Long.MIN_VALUE);
            a.alu(true, Asm.AND, RCX, RAX);
            a.not(true, RAX);
            a.alu(true, Asm.AND, dst, RAX);
            a.alu(true, Asm.OR, dst, RCX);
        } else {
            a.mov(false, RCX, src);
            a.aluImm(false, Asm.AND, RCX, Integer.MIN_VALUE);
            a.aluImm(false, Asm.AND, dst, 0x7FFFFFFF);
            a.alu(false, Asm.OR, dst, RCX);
        }
    }

    @Override public int boundsCheck(int addr, int k, long offset, int width, Label oob) {
        if (k == 0) a.mov(false, RAX, addr);        // zero-extends the i32 address
        else a.lea32(RAX, Mem.of(addr, k));         // (addr + k) mod 2^32, zero-extended: i32.add exactly
        int disp = 0;
        if (offset + width <= Integer.MAX_VALUE) {
            disp = (int) offset;
        } else {
            a.movImm(RCX, offset);
            a.alu(true, Asm.ADD, RAX, RCX);
        }
        a.lea(RCX, Mem.of(RAX, disp + width));
        a.alu(true, Asm.CMP, RCX, Mem.of(Abi.CTX, Abi.C_MEM_SIZE));
        jcc(Asm.A, oob);
        return disp;
    }

    @Override public int addressUnchecked(int addr, int offset) {
        a.mov(false, RAX, addr);   // zero-extends the i32 address
        return offset;
    }

    @Override public void loadMemory(int dst, int width, boolean signed, boolean w, int disp) {
        Mem m = Mem.of(Abi.MEM_BASE, RAX, disp);
        switch (width) {
            case 1 -> { if (signed) a.loadSx8(w, dst, m); else a.loadZx8(dst, m); }
            case 2 -> { if (signed) a.loadSx16(w, dst, m); else a.loadZx16(dst, m); }
            case 4 -> { if (signed && w) a.loadSx32(dst, m); else a.load(false, dst, m); }
            default -> a.load(true, dst, m);
        }
    }

    @Override public void storeMemory(int src, int width, int disp) {
        Mem m = Mem.of(Abi.MEM_BASE, RAX, disp);
        switch (width) {
            case 1 -> a.store8(m, src);
            case 2 -> a.store16(m, src);
            case 4 -> a.store(false, m, src);
            default -> a.store(true, m, src);
        }
    }

    @Override public void memoryFill(int dstOff, int valOff, int lenOff, Label oob) {
        a.load(false, RDI, Mem.of(RBP, dstOff));   // 32-bit loads zero-extend the u32 operands
        a.load(false, RCX, Mem.of(RBP, lenOff));
        a.lea(RAX, Mem.of(RDI, RCX, 0));
        a.alu(true, Asm.CMP, RAX, Mem.of(Abi.CTX, Abi.C_MEM_SIZE));
        jcc(Asm.A, oob);
        a.load(false, RAX, Mem.of(RBP, valOff));
        a.alu(true, Asm.ADD, RDI, Abi.MEM_BASE);
        a.repStosb();
    }

    @Override public void memoryCopy(int dstOff, int srcOff, int lenOff, Label oob) {
        a.load(false, RDI, Mem.of(RBP, dstOff));
        a.load(false, RSI, Mem.of(RBP, srcOff));
        a.load(false, RCX, Mem.of(RBP, lenOff));
        a.lea(RAX, Mem.of(RDI, RCX, 0));
        a.alu(true, Asm.CMP, RAX, Mem.of(Abi.CTX, Abi.C_MEM_SIZE));
        jcc(Asm.A, oob);
        a.lea(RAX, Mem.of(RSI, RCX, 0));
        a.alu(true, Asm.CMP, RAX, Mem.of(Abi.CTX, Abi.C_MEM_SIZE));
        jcc(Asm.A, oob);
        a.alu(true, Asm.ADD, RSI, Abi.MEM_BASE);
        a.alu(true, Asm.ADD, RDI, Abi.MEM_BASE);
        // backward only when the destination starts inside the source (s < d < s + n); else forward
        a.mov(true, RAX, RDI);
        a.alu(true, Asm.SUB, RAX, RSI);
        int forward1 = a.jcc(Asm.BE);
        a.alu(true, Asm.CMP, RAX, RCX);
        int forward2 = a.jcc(Asm.AE);
        a.lea(RSI, Mem.of(RSI, RCX, -1));
        a.lea(RDI, Mem.of(RDI, RCX, -1));
        a.std();
        a.repMovsb();
        a.cld();
        int done = a.jmp();
        a.bind(forward1, a.pos());
        a.bind(forward2, a.pos());
        a.repMovsb();
        a.bind(done, a.pos());
    }

    @Override public void prologue(int params, int declaredLocals, int frameSlots, Label stackExhausted) {
        a.push(RBP);
        a.mov(true, RBP, RSP);
        a.lea(RAX, Mem.of(RSP, -8 * frameSlots));
        a.alu(true, Asm.CMP, RAX, Mem.of(Abi.CTX, Abi.C_STACK_LIMIT));
        jcc(Asm.B, stackExhausted);
        a.load(true, RAX, Mem.of(Abi.CTX, Abi.C_DEPTH));
        a.aluImm(true, Asm.ADD, RAX, 1);
        a.store(true, Mem.of(Abi.CTX, Abi.C_DEPTH), RAX);
        a.alu(true, Asm.CMP, RAX, Mem.of(Abi.CTX, Abi.C_MAX_DEPTH));
        jcc(Asm.G, stackExhausted);
        if (frameSlots > 0) a.lea(RSP, Mem.of(RSP, -8 * frameSlots));
        if (declaredLocals > 0) {
            a.alu(false, Asm.XOR, RAX, RAX);
            if (declaredLocals <= 32) {   // rep stos has a start-up cost of tens of cycles
                for (int j = 0; j < declaredLocals; j++) a.store(true, Mem.of(RBP, Abi.localOffset(j)), RAX);
            } else {
                a.lea(RDI, Mem.of(RBP, Abi.localOffset(declaredLocals - 1)));
                a.movImm(RCX, declaredLocals);
                a.repStosq();
            }
        }
    }

    @Override public void epilogue(int params) {
        a.aluImm(true, Asm.SUB, Mem.of(Abi.CTX, Abi.C_DEPTH), 1);
        a.mov(true, RSP, RBP);
        a.pop(RBP);
        if (params == 0) a.ret(); else a.ret(8 * params);
    }

    @Override public void pushFrameSlot(int off) { a.push(Mem.of(RBP, off)); }
    @Override public void pushReg(int r) { a.push(r); }
    @Override public void callLabel(Label l) { ref(l, a.call()); }
    @Override public void callReg(int r) { a.callReg(r); }

    @Override public void tailCall(int params, int args, Label target, int targetReg) {
        a.aluImm(true, Asm.SUB, Mem.of(Abi.CTX, Abi.C_DEPTH), 1);
        a.lea(RAX, Mem.of(RBP, 16 + 8 * params));       // end of the incoming argument area
        a.load(true, RCX, Mem.of(RBP, 8));               // return address
        a.load(true, RBP, Mem.of(RBP, 0));               // the caller's frame pointer
        for (int i = 0; i < args; i++) {
            a.load(true, RDX, Mem.of(Abi.CTX, Abi.RESULTS + 8 * i));
            a.store(true, Mem.of(RAX, -8 * (i + 1)), RDX);
        }
        a.store(true, Mem.of(RAX, -8 * args - 8), RCX);
        a.lea(RSP, Mem.of(RAX, -8 * args - 8));
        if (target != null) jump(target); else a.jmpReg(targetReg);
    }

    @Override public int upcall(int kind, int imm, int argsOff, Label pending, Label threadStackExhausted) {
        a.load(true, RAX, Mem.of(Abi.CTX, Abi.C_SAVED_SP));
        a.alu(true, Asm.CMP, RAX, Mem.of(Abi.CTX, Abi.C_THREAD_LIMIT));
        jcc(Asm.B, threadStackExhausted);
        a.mov(true, RDI, Abi.CTX);
        a.movImm(RSI, kind);
        a.movImm(RDX, imm & 0xFFFFFFFFL);
        a.lea(RCX, Mem.of(RBP, argsOff));
        a.mov(true, RBX, RSP);
        // Java runs on the thread's own stack, below the entry stub's frame; the Wasm stack pointer is recorded
        a.store(true, Mem.of(Abi.CTX, Abi.C_WASM_SP), RSP);
        a.load(true, RSP, Mem.of(Abi.CTX, Abi.C_SAVED_SP));
        a.aluImm(true, Asm.AND, RSP, -16);
        a.load(true, RAX, Mem.of(Abi.CTX, Abi.C_UPCALL));
        a.callReg(RAX);
        int after = a.pos();
        a.mov(true, RSP, RBX);
        a.test(false, RAX, RAX);
        jcc(Asm.NE, pending);
        return after;
    }

    @Override public int trap(int code) {
        a.movImm(RSI, code);
        callLabel(trapStub);
        int after = a.pos();
        a.ud2();   // never returns; keeps the return address inside this function's code
        return after;
    }

    @Override public void trapInPrologue(int code) {
        a.movImm(RSI, code);
        a.mov(true, RSP, RBP);
        a.pop(RBP);
        jump(trapStub);   // the return address on the stack now is the caller's call site
    }

    @Override public int trapPending() {
        a.mov(false, RSI, RAX);
        callLabel(trapStub);
        int after = a.pos();
        a.ud2();
        return after;
    }

    private static final Label[] NO_LABELS = new Label[0];

    @Override public void tableLookup(int index, int tableOffset, long typeId, Label undefined, Label uninitialized, Label mismatch, Label foreign) {
        guardedTableLookup(index, tableOffset, typeId, NO_LABELS, NO_LABELS, undefined, uninitialized, mismatch, foreign);
    }

    @Override public void guardedTableLookup(int index, int tableOffset, long typeId, Label[] guards, Label[] hits, Label undefined,
                                             Label uninitialized, Label mismatch, Label foreign) {
        if (guards.length != hits.length) throw new IllegalArgumentException(guards.length + " guards, " + hits.length + " hit labels");
        a.mov(false, RAX, index);
        a.load(true, RCX, Mem.of(Abi.CTX, Abi.C_TABLES));
        a.alu(true, Asm.CMP, RAX, Mem.of(RCX, tableOffset + 8));
        jcc(Asm.AE, undefined);
        a.load(true, RCX, Mem.of(RCX, tableOffset));
        a.shiftImm(true, Asm.SHL, RAX, 4);
        a.alu(true, Asm.ADD, RCX, RAX);
        if (guards.length > 0) {   // rcx = the entry (type id, code address); code addresses are unique per function of this instance
            a.load(true, RAX, Mem.of(RCX, 8));
            for (int k = 0; k < guards.length; k++) {
                ref(guards[k], a.leaRip(RDX));   // rdx = the target's code address (rip-relative: the blob is position-independent)
                a.alu(true, Asm.CMP, RAX, RDX);
                jcc(Asm.E, hits[k]);
            }
        }
        a.load(true, RAX, Mem.of(RCX, 0));
        a.aluImm(true, Asm.CMP, RAX, (int) typeId);
        int ok = a.jcc(Asm.E);
        a.aluImm(true, Asm.CMP, RAX, (int) Abi.NULL_ENTRY);
        jcc(Asm.E, uninitialized);
        a.aluImm(true, Asm.CMP, RAX, (int) Abi.FOREIGN_ENTRY);
        jcc(Asm.E, foreign);
        jump(mismatch);
        a.bind(ok, a.pos());
        a.load(true, RAX, Mem.of(RCX, 8));
    }

    @Override public void jumpTable(int r, Label[] targets, Label dflt) {
        a.aluImm(false, Asm.CMP, r, targets.length);
        jcc(Asm.AE, dflt);
        for (Label t : targets) t.referenced = true;
        a.mov(false, RAX, r);
        int disp = a.leaRip(RCX);
        a.loadSx32(RAX, new Mem(RCX, RAX, 4, 0));
        a.alu(true, Asm.ADD, RAX, RCX);
        a.jmpReg(RAX);
        int table = a.pos();
        a.patch32(disp, table - (disp + 4));
        for (Label t : targets) {
            tableFixups.add(new Object[] {a.pos(), table, t});
            a.int32(0);
        }
    }

    // ---- module stubs ----

    /**
     * The entry stub, SysV: {@code int entry(long ctx, long code, long args, long nargs, long wasmSp)}. Saves the
     * callee-saved registers and the context's previous saved stack pointer (re-entry) on the thread's stack,
     * pins the context and memory base, switches to the Wasm stack at {@code wasmSp}, pushes the arguments, calls
     * {@code code}; returns 0. The trap stub jumps to its exit path (back on the thread's stack) with a code.
     */
    public void entryAndTrapStubs() {
        a.push(RBP);
        a.mov(true, RBP, RSP);
        a.push(RBX); a.push(R12); a.push(R13); a.push(R14); a.push(R15);
        a.push(Mem.of(RDI, Abi.C_SAVED_SP));
        a.mov(true, Abi.CTX, RDI);
        a.store(true, Mem.of(Abi.CTX, Abi.C_SAVED_SP), RSP);
        a.load(true, Abi.MEM_BASE, Mem.of(Abi.CTX, Abi.C_MEM_BASE));
        a.mov(true, RSP, R8);                            // switch to the Wasm stack
        a.test(true, RCX, RCX);
        int none = a.jcc(Asm.E);
        int loop = a.pos();
        a.push(Mem.of(RDX, 0));
        a.aluImm(true, Asm.ADD, RDX, 8);
        a.aluImm(true, Asm.SUB, RCX, 1);
        a.jccTo(Asm.NE, loop);
        a.bind(none, a.pos());
        a.callReg(RSI);
        a.store(true, Mem.of(Abi.CTX, Abi.RESULTS), RAX);   // result 0 comes back in rax
        a.alu(false, Asm.XOR, RAX, RAX);
        int exit = a.pos();
        a.load(true, RSP, Mem.of(Abi.CTX, Abi.C_SAVED_SP));
        a.pop(RCX);
        a.store(true, Mem.of(Abi.CTX, Abi.C_SAVED_SP), RCX);
        a.pop(R15); a.pop(R14); a.pop(R13); a.pop(R12); a.pop(RBX);
        a.pop(RBP);
        a.ret();
        // trap stub: called from a trap site (return address = trap pc), code in esi
        bind(trapStub);
        a.pop(RAX);
        a.store(true, Mem.of(Abi.CTX, Abi.C_TRAP_PC), RAX);
        a.store(true, Mem.of(Abi.CTX, Abi.C_TRAP_FP), RBP);
        a.store(true, Mem.of(Abi.CTX, Abi.C_TRAP_KIND), RSI);
        // record the Wasm backtrace while the frames are still on the stack (Java reuses it after the exit),
        // unless the thread's stack, where Java runs, is too low for an upcall
        a.load(true, RAX, Mem.of(Abi.CTX, Abi.C_SAVED_SP));
        a.alu(true, Asm.CMP, RAX, Mem.of(Abi.CTX, Abi.C_THREAD_LIMIT));
        int noWalk = a.jcc(Asm.B);
        a.mov(true, RDI, Abi.CTX);
        a.movImm(RSI, Abi.UP_BACKTRACE);
        a.alu(false, Asm.XOR, RDX, RDX);
        a.alu(false, Asm.XOR, RCX, RCX);
        a.store(true, Mem.of(Abi.CTX, Abi.C_WASM_SP), RSP);
        a.load(true, RSP, Mem.of(Abi.CTX, Abi.C_SAVED_SP));   // Java runs on the thread's stack
        a.aluImm(true, Asm.AND, RSP, -16);
        a.load(true, RAX, Mem.of(Abi.CTX, Abi.C_UPCALL));
        a.callReg(RAX);
        a.bind(noWalk, a.pos());
        a.load(true, RAX, Mem.of(Abi.CTX, Abi.C_TRAP_KIND));
        a.jmpTo(exit);
    }
}
