package org.tailbench.nativ;

/**
 * ISA-neutral operations the single-pass code generator ({@link FunctionCompiler}) emits, in the shape of
 * Winch's {@code MacroAssembler} (wasmtime winch/codegen/src/masm.rs). Registers are the ISA's numbers as
 * named by {@link Abi}; {@code w} selects 64-bit operands (i64, f64 bits, references) over 32-bit ones.
 * Frame offsets are bytes relative to the frame pointer, context offsets bytes relative to {@link Abi#CTX}.
 */
public interface MacroAssembler {
    /** A code position to jump to; bound once, referenced any number of times. */
    final class Label {
        public int pos = -1;
        public final java.util.ArrayList<Integer> fixups = new java.util.ArrayList<>();
        /** set when a jump table refers to the label */
        public boolean referenced;
        /** @return whether any jump refers to the label (so code after it is reachable) */
        public boolean used() { return referenced || !fixups.isEmpty(); }
    }

    /** Integer binary operations. */
    enum IntOp { ADD, SUB, MUL, AND, OR, XOR, SHL, SHR_S, SHR_U, ROTL, ROTR }
    /** Integer comparisons (signed/unsigned). */
    enum Cmp { EQ, NE, LT_S, LT_U, GT_S, GT_U, LE_S, LE_U, GE_S, GE_U }
    /** Float binary operations. */
    enum FloatOp { ADD, SUB, MUL, DIV, MIN, MAX }
    /** Float comparisons. */
    enum FCmp { EQ, NE, LT, GT, LE, GE }
    /** Rounding modes of float rounding. */
    enum Round { NEAREST, FLOOR, CEIL, TRUNC }
    /** Integer unary operations. */
    enum IntUnary { CLZ, CTZ, POPCNT, EQZ, EXTEND8_S, EXTEND16_S, EXTEND32_S, EXTEND_U32 }

    int pos();
    byte[] finish();
    void bind(Label l);
    void jump(Label l);
    /** jumps to {@code l} when the low 32 (or 64, {@code w}) bits of {@code r} are zero / nonzero */
    void branchIfZero(boolean w, int r, boolean zero, Label l);

    void loadConst(int r, long v);
    void move(boolean w, int dst, int src);
    void loadFrame(int r, int off);
    void storeFrame(int off, int r);
    void storeFrameConst(int off, long v);
    void loadCtx(int r, int off);
    /** {@code dst = (src + k) mod 2^32} (32-bit, zero-extended; {@code src} unchanged unless it is {@code dst}) */
    void addImm32(int dst, int src, int k);
    void storeCtx(int off, int r);
    /** {@code r = *(r + disp)} (64-bit load through a pointer) */
    void loadIndirect(int r, int base, int disp);

    void intOp(IntOp op, boolean w, int dst, int src);
    /** {@code dst op= imm} for ADD/SUB/AND/OR/XOR and shifts/rotations by a constant */
    void intOpImm(IntOp op, boolean w, int dst, int imm);
    void intCmp(Cmp c, boolean w, int dst, int src);
    void intCmpImm(Cmp c, boolean w, int dst, int imm);
    void intUnary(IntUnary op, boolean w, int r);
    /**
     * Compares {@code x} with {@code y} (or with {@code imm} when {@code y < 0}; {@code c == null}: tests {@code x}
     * for zero, as {@code eqz}) and jumps to {@code l} when the comparison holds (or, {@code negate}, when it fails).
     */
    void compareAndBranch(Cmp c, boolean w, int x, int y, int imm, boolean negate, Label l);
    /** {@code dst = (x c y) ? dst : src}, the comparison as in {@link #compareAndBranch} (select fused with its condition) */
    void compareAndSelect(Cmp c, boolean w, int x, int y, int imm, int dst, int src);
    /** {@code dst = dst / src} or {@code dst % src}; traps through {@code divZero} / {@code overflow} */
    void divRem(boolean w, boolean signed, boolean rem, int dst, int src, Label divZero, Label overflow);
    /** {@code dst = cond != 0 ? dst : src} (cond 32-bit) */
    void select(int dst, int src, int cond);

    // ---- floats in xmm registers (numbered 2..15; 0 and 1 are scratch) ----
    void loadFrameX(int x, int off);
    void storeFrameX(int off, int x);
    void gprToX(int x, int r);
    void xToGpr(int r, int x);
    /** add/sub/mul/div on xmm registers (not min/max) */
    void floatOpX(FloatOp op, boolean dbl, int x, int y);
    void floatSqrtX(boolean dbl, int x);
    void floatRoundX(Round mode, boolean dbl, int x);
    /** {@code r = x c y} (0 or 1) */
    void floatCmpX(FCmp c, boolean dbl, int r, int x, int y);
    /** {@code x = float(r)} from a signed (or, 32-bit, unsigned) integer */
    void convertX(boolean dbl, boolean w, boolean unsigned32, int x, int r);
    void promoteDemoteX(boolean toDouble, int x);
    /**
     * Trapping truncation (spec §4.3.3 trunc_s / trunc_u): {@code r = trunc(x)} as a 32-bit (or 64-bit, {@code w})
     * signed integer, or unsigned when {@code unsigned}; NaN jumps to {@code invalid}, a value outside the target
     * range to {@code overflow}. May clobber {@code x}.
     */
    void truncX(boolean w, boolean dbl, boolean unsigned, int r, int x, Label invalid, Label overflow);
    /**
     * Saturating truncation (spec §4.3.3 trunc_sat_s / trunc_sat_u): as {@link #truncX}, but NaN gives 0 and a value
     * outside the range the nearest bound (signed: MIN / MAX; unsigned: 0 / all ones). May clobber {@code x}.
     */
    void truncSatX(boolean w, boolean dbl, boolean unsigned, int r, int x);
    /** {@code x = float(r)}, {@code r} read as an unsigned 64-bit integer, rounded to nearest (spec §4.3.3 convert_u) */
    void convertU64X(boolean dbl, int x, int r);
    /** loads / stores 4 (f32) or 8 (f64) bytes at the checked address */
    void loadMemoryX(int x, boolean dbl, int disp);
    void storeMemoryX(int x, boolean dbl, int disp);

    /** float arithmetic on raw bits in general-purpose registers (used for min/max: NaN and ±0 rules, spec §4.3.3) */
    void floatOp(FloatOp op, boolean dbl, int dst, int src);
    /** abs / neg / copysign on the raw bits */
    void floatAbs(boolean dbl, int r);
    void floatNeg(boolean dbl, int r);
    void floatCopysign(boolean dbl, int dst, int src);

    /**
     * Traps through {@code oob} unless {@code ea + width <= memory size} (read from the context), where {@code ea =
     * zero-extended((addr + k) mod 2^32) + offset} (an {@code i32.add} of a constant {@code k}, folded: the sum
     * wraps exactly as the add does); leaves the zero-extended 32-bit address {@code (addr + k) mod 2^32} in the
     * scratch register.
     * @return the displacement the access adds to it (the offset, or 0 when the offset was added already)
     */
    int boundsCheck(int addr, int k, long offset, int width, Label oob);
    /** as {@link #boundsCheck} for an address already known in bounds: only puts it, zero-extended, in the scratch register; @return {@code offset} */
    int addressUnchecked(int addr, int offset);
    /** loads {@code width} bytes (sign- or zero-extended to 32 or 64 bits) from memory at the checked address + {@code disp} */
    void loadMemory(int dst, int width, boolean signed, boolean w, int disp);
    void storeMemory(int src, int width, int disp);
    /**
     * {@code memory.fill} on memory 0 (spec §4.4.7): operands (i32 destination, value, length) in the frame slots at
     * {@code dstOff}, {@code valOff}, {@code lenOff}; traps through {@code oob} before writing when {@code d + n > size}.
     * Uses every scratch and value register.
     */
    void memoryFill(int dstOff, int valOff, int lenOff, Label oob);
    /**
     * {@code memory.copy} within memory 0, overlap-safe (spec §4.4.7: as if through a temporary buffer): operands in
     * frame slots; traps through {@code oob} before copying when {@code d + n > size} or {@code s + n > size}.
     * Uses every scratch and value register.
     */
    void memoryCopy(int dstOff, int srcOff, int lenOff, Label oob);

    void prologue(int params, int declaredLocals, int frameSlots, Label stackExhausted);
    /** pops the frame and returns, popping the {@code params} arguments (callee-pops); results are already in the context */
    void epilogue(int params);
    void pushFrameSlot(int off);
    /** pushes register {@code r} (64 bits) as an outgoing argument */
    void pushReg(int r);
    void callLabel(Label l);
    void callReg(int r);
    /**
     * Tail call: the staged arguments ({@code args} values in the context's results area) replace the
     * current frame's {@code params} incoming arguments; the return address moves; jumps to {@code target}
     * (a label, or the register when the label is null).
     */
    void tailCall(int params, int args, Label target, int targetReg);
    /**
     * Calls the Java upcall (kind, imm, pointer to frame offset {@code argsOff}) on the thread's own stack; jumps to
     * {@code pending} when it reports an exception, and to {@code threadStackExhausted} instead of calling when the
     * thread's stack is below the context's thread limit. @return the code offset just after the call instruction (the return address)
     */
    int upcall(int kind, int imm, int argsOff, Label pending, Label threadStackExhausted);
    /** emits a trap site: records the trap kind code and unwinds through the module's trap stub; @return the return address offset */
    int trap(int code);
    /**
     * A trap raised by the prologue (call stack exhausted): pops the new frame first, so the trap is reported
     * at the caller's call instruction and the backtrace counts only the frames that were active.
     */
    void trapInPrologue(int code);
    /** trap with the code in the upcall's result register (a pending host exception); @return the return address offset */
    int trapPending();
    /** {@code call_indirect}'s table lookup: on success {@code Abi.SCRATCH0} holds the code address */
    void tableLookup(int index, int tableOffset, long typeId, Label undefined, Label uninitialized, Label mismatch, Label foreign);
    /**
     * {@code call_indirect}'s table lookup with guards (README "Tuning"): after the bounds check, the element's code
     * address is compared with the code of each function {@code guards[k]} (labels of this module's functions, in order)
     * and a match jumps to {@code hits[k]} with nothing else checked — a mirror entry holds a code address only for a
     * function of this instance (null and foreign entries hold 0), and the compiler guards only functions of exactly the
     * site's type. No match: as {@link #tableLookup}. With no guards the code is exactly {@link #tableLookup}'s.
     */
    void guardedTableLookup(int index, int tableOffset, long typeId, Label[] guards, Label[] hits, Label undefined, Label uninitialized,
                            Label mismatch, Label foreign);
    /** jump table over {@code n} targets (index in {@code r}, unsigned, default when out of range) */
    void jumpTable(int r, Label[] targets, Label dflt);
}
