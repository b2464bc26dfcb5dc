package org.tailbench.nativ;

import static org.tailbench.nativ.MacroAssembler.Cmp;
import static org.tailbench.nativ.MacroAssembler.FCmp;
import static org.tailbench.nativ.MacroAssembler.FloatOp;
import static org.tailbench.nativ.MacroAssembler.IntOp;
import static org.tailbench.nativ.MacroAssembler.IntUnary;
import static org.tailbench.nativ.MacroAssembler.Label;
import static org.tailbench.nativ.MacroAssembler.Round;

import java.util.ArrayList;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.FunctionInfo;

/**
 * The single pass over one validated function (after Winch's {@code CodeGen}): a value stack of abstract
 * locations (constant, register, a register-allocated local, or the value's home slot in the frame), registers
 * allocated from {@link Abi#VALUE_REGS} and spilled to home slots when they run out. At every control-flow point
 * (block boundaries, branches, calls) the whole value stack is flushed to its home slots, so that merges agree.
 *
 * <p>Register-allocated locals: before the pass, the integer locals are weighted by their uses (×16 per
 * enclosing loop) and up to {@code Abi.LOCAL_REGS.length} of the heaviest live in callee-saved registers for the
 * whole function, so every control-flow point agrees on where they are without a join. {@code local.get} of
 * one pushes a lazy reference (kind {@code LREG}, like Winch's {@code Val::Local}); {@code local.set}/{@code
 * local.tee} first detaches the stack entries that still refer to the old value.
 */
final class FunctionCompiler {
    /**
     * Value-stack entry kinds. {@code ADDK}: the i32 {@code (reg + cval) mod 2^32}, not computed yet — an {@code i32.add}
     * (or {@code i32.sub}) of a constant to a register-allocated local (the register is the local's) or to a value
     * in a register (then the entry owns it, as a {@code REG} entry does).
     */
    private static final int SLOT = 0, REG = 1, CONST = 2, XREG = 3, LREG = 4, ADDK = 5;
    /** minimum use weight for a local to get a register (a use inside a loop weighs 16) */
    private static final long MIN_WEIGHT = 4;
    /** xmm registers for float values (xmm0, xmm1 are the MacroAssembler's scratch) */
    private static final int FIRST_X = 2, LAST_X = 15;
    private static final int FUNC = 0, BLOCK = 1, LOOP = 2, IF = 3;

    private static final class Ctl {
        int kind, height, params, results, shadow = -1;
        boolean ifLive, hasElse;
        final Label end = new Label(), head = new Label(), elseLabel = new Label();
    }

    private final ModuleCompiler mc;
    private final MacroAssembler m;
    private final Module module;
    private final Code code;
    private final FunctionInfo info;
    private final FuncType type;
    private final int nParams, nDecl, frameSlots;
    /** this function's index (imports first) and its body's byte offset in the module (tuning names sites by both) */
    private final int funcIndex, bodyOffset;
    /** per local: its register, or -1 when it lives in its frame slot */
    private final int[] localReg;
    /** the callee-saved registers this function uses for locals, and their save slots' first height */
    private final int[] savedRegs;
    private final int saveBase;
    private final boolean tailCalls;
    /** per register local (by register number): the extent {@code offset + width} its address was checked for, 0 none */
    private final int[] checked = new int[16];

    private int[] kind = new int[64], reg = new int[64];
    private long[] cval = new long[64];
    private int sp, used, pinned, xused, xpinned;
    private final boolean[] floatLocal;
    private boolean live = true;
    private final ArrayList<Ctl> ctl = new ArrayList<>();
    /** out-of-line trap sites: label, trap code (or -1: a pending host exception), Wasm byte offset */
    private final ArrayList<Object[]> trapSites = new ArrayList<>();
    private int shadowNext;
    /** byte offset of the instruction being compiled (for backtraces) */
    private int wasmPos;

    FunctionCompiler(ModuleCompiler mc, MacroAssembler m, int defined, boolean tailCalls) {
        this.mc = mc;
        this.m = m;
        this.module = mc.module;
        Module.Function f = module.functions.get(defined);
        this.code = f.body();
        this.funcIndex = module.importedFunctions() + defined;
        this.bodyOffset = f.bodyOffset();
        this.info = mc.validated.functions()[defined];
        this.type = module.types.get(f.typeIndex());
        this.nParams = type.params().length;
        this.nDecl = f.locals().length;
        this.tailCalls = tailCalls;
        this.floatLocal = new boolean[nParams + nDecl];
        for (int k = 0; k < floatLocal.length; k++) {
            org.tailbench.wasm.ValType t = k < nParams ? type.params()[k] : f.locals()[k - nParams];
            floatLocal[k] = t == org.tailbench.wasm.ValType.F32 || t == org.tailbench.wasm.ValType.F64;
        }
        int shadow = 0;
        long[] weight = new long[floatLocal.length];
        java.util.BitSet loopAt = new java.util.BitSet();
        int depth = 0, loops = 0;
        for (int i = 0; i < code.length; i++) {
            switch (code.opAt(i)) {
                case IF -> { shadow += Code.blockType(module, code.a[i]).params().length; loopAt.clear(++depth); }
                case BLOCK -> loopAt.clear(++depth);
                case LOOP -> { loopAt.set(++depth); loops++; }
                case END -> { if (depth > 0) { if (loopAt.get(depth)) loops--; depth--; } }
                case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
                    int l = (int) code.a[i];
                    if (!floatLocal[l]) weight[l] += 1L << Math.min(4 * loops, 40);
                }
                default -> {}
            }
        }
        this.localReg = new int[floatLocal.length];
        java.util.Arrays.fill(localReg, -1);
        int n = 0;
        while (n < Abi.LOCAL_REGS.length) {
            int best = -1;
            for (int l = 0; l < weight.length; l++) {
                if (localReg[l] < 0 && weight[l] >= MIN_WEIGHT && (best < 0 || weight[l] > weight[best])) best = l;
            }
            if (best < 0) break;
            localReg[best] = Abi.LOCAL_REGS[n++];
        }
        this.savedRegs = java.util.Arrays.copyOf(Abi.LOCAL_REGS, n);
        this.saveBase = nDecl + info.maxStackHeight() + shadow + 1;
        this.frameSlots = saveBase + n + Abi.UPCALL_CLOBBERED.length;
    }

    /** frame offset of the save slot of {@code savedRegs[j]} (the caller's value) */
    private int saveOffset(int j) { return -8 * (saveBase + 1 + j); }
    /** frame offset of the slot that keeps {@code Abi.UPCALL_CLOBBERED[k]} across an upcall */
    private int upcallSaveOffset(int k) { return -8 * (saveBase + 1 + savedRegs.length + k); }

    private boolean isLocalReg(int r) {
        for (int s : savedRegs) if (s == r) return true;
        return false;
    }

    /** restores the caller's values of the callee-saved registers this function used (before returning or tail-calling) */
    private void restoreSaved() {
        for (int j = 0; j < savedRegs.length; j++) m.loadFrame(savedRegs[j], saveOffset(j));
    }

    // ---- value stack ----

    private int slot(int h) { return Abi.slotOffset(nDecl, h); }

    private void ensure() {
        if (sp == kind.length) {
            kind = java.util.Arrays.copyOf(kind, sp * 2); reg = java.util.Arrays.copyOf(reg, sp * 2); cval = java.util.Arrays.copyOf(cval, sp * 2);
        }
    }

    private void pushReg(int r) { ensure(); kind[sp] = REG; reg[sp] = r; used |= 1 << r; sp++; }
    private void pushConst(long v) { ensure(); kind[sp] = CONST; cval[sp] = v; sp++; }
    private void pushSlot() { ensure(); kind[sp] = SLOT; sp++; }

    private int allocReg() {
        for (int r : Abi.VALUE_REGS) if (((used | pinned) & (1 << r)) == 0) { pinned |= 1 << r; return r; }
        for (int i = 0; i < sp; i++) {
            if (kind[i] == REG || kind[i] == ADDK && !isLocalReg(reg[i])) {
                int r = reg[i];
                if (kind[i] == ADDK) m.addImm32(r, r, (int) cval[i]);
                m.storeFrame(slot(i), r);
                kind[i] = SLOT;
                used &= ~(1 << r);
                pinned |= 1 << r;
                return r;
            }
        }
        throw new IllegalStateException("native: out of registers");
    }

    private void pushX(int x) { ensure(); kind[sp] = XREG; reg[sp] = x; xused |= 1 << x; sp++; }

    private int allocX() {
        for (int x = FIRST_X; x <= LAST_X; x++) if (((xused | xpinned) & (1 << x)) == 0) { xpinned |= 1 << x; return x; }
        for (int i = 0; i < sp; i++) {
            if (kind[i] == XREG) {
                int x = reg[i];
                m.storeFrameX(slot(i), x);
                kind[i] = SLOT;
                xused &= ~(1 << x);
                xpinned |= 1 << x;
                return x;
            }
        }
        throw new IllegalStateException("native: out of xmm registers");
    }

    /** pops the top value (a float) into an xmm register owned by the current instruction */
    private int popX() {
        sp--;
        switch (kind[sp]) {
            case XREG -> { int x = reg[sp]; xused &= ~(1 << x); xpinned |= 1 << x; return x; }
            case REG -> {
                int r = reg[sp];
                used &= ~(1 << r);
                int x = allocX();
                m.gprToX(x, r);
                return x;
            }
            case CONST -> { int x = allocX(); m.loadConst(Abi.SCRATCH0, cval[sp]); m.gprToX(x, Abi.SCRATCH0); return x; }
            case LREG -> { int x = allocX(); m.gprToX(x, reg[sp]); return x; }
            case ADDK -> { sp++; int r = pop(); int x = allocX(); m.gprToX(x, r); return x; }   // i32 bits read as f32
            default -> { int x = allocX(); m.loadFrameX(x, slot(sp)); return x; }
        }
    }

    /** pops the top value into a register owned by the current instruction */
    private int pop() {
        sp--;
        switch (kind[sp]) {
            case REG -> { int r = reg[sp]; used &= ~(1 << r); pinned |= 1 << r; return r; }
            case XREG -> {
                int x = reg[sp];
                xused &= ~(1 << x);
                xpinned |= 1 << x;   // keep it until the GPR is allocated (allocReg may spill, never xmm)
                int r = allocReg();
                m.xToGpr(r, x);
                return r;
            }
            case CONST -> { int r = allocReg(); m.loadConst(r, cval[sp]); return r; }
            case LREG -> { int r = allocReg(); m.move(true, r, reg[sp]); return r; }
            case ADDK -> {
                int b = reg[sp], k = (int) cval[sp];
                if (isLocalReg(b)) { int r = allocReg(); m.addImm32(r, b, k); return r; }
                used &= ~(1 << b);
                pinned |= 1 << b;
                m.addImm32(b, b, k);
                return b;
            }
            default -> { int r = allocReg(); m.loadFrame(r, slot(sp)); return r; }
        }
    }

    /**
     * pops the top value into a register the current instruction may read but must not write: a
     * register-allocated local's own register, or else as {@link #pop()}
     */
    private int popRead() {
        if (kind[sp - 1] == LREG) return reg[--sp];
        return pop();
    }

    private void pushLocal(int r) { ensure(); kind[sp] = LREG; reg[sp] = r; sp++; }

    /** before local register {@code r} is written: stack entries that read its old value (LREG, ADDK) get a copy (or their slot) */
    private void detach(int r) {
        for (int i = 0; i < sp; i++) {
            if (kind[i] != LREG && kind[i] != ADDK || reg[i] != r) continue;
            int free = -1;
            for (int v : Abi.VALUE_REGS) if (((used | pinned) & (1 << v)) == 0) { free = v; break; }
            if (free >= 0) {
                valueTo(free, i);                      // a copy of r, or the lea of r + k
                kind[i] = REG;
                reg[i] = free;
                used |= 1 << free;
            } else {
                int v = kind[i] == LREG ? r : Abi.SCRATCH0;
                valueTo(v, i);
                m.storeFrame(slot(i), v);
                kind[i] = SLOT;
            }
        }
    }

    /** moves stack entry {@code i}'s value into register {@code dst} (leaves the entry as it is) */
    private void valueTo(int dst, int i) {
        switch (kind[i]) {
            case REG, LREG -> { if (reg[i] != dst) m.move(true, dst, reg[i]); }
            case XREG -> m.xToGpr(dst, reg[i]);
            case ADDK -> m.addImm32(dst, reg[i], (int) cval[i]);
            case CONST -> m.loadConst(dst, cval[i]);
            default -> m.loadFrame(dst, slot(i));
        }
    }

    private boolean topFitsImm() { return kind[sp - 1] == CONST && cval[sp - 1] == (int) cval[sp - 1]; }

    private void drop() {
        sp--;
        if (kind[sp] == REG || kind[sp] == ADDK && !isLocalReg(reg[sp])) used &= ~(1 << reg[sp]);
        if (kind[sp] == XREG) xused &= ~(1 << reg[sp]);
    }

    private void flush() { flushBelow(sp); used = 0; xused = 0; }

    /** stores entries {@code 0..h-1} to their home slots (entries above stay where they are) */
    private void flushBelow(int h) {
        for (int i = 0; i < h; i++) {
            if (kind[i] == REG) { m.storeFrame(slot(i), reg[i]); used &= ~(1 << reg[i]); }
            else if (kind[i] == LREG) m.storeFrame(slot(i), reg[i]);
            else if (kind[i] == XREG) { m.storeFrameX(slot(i), reg[i]); xused &= ~(1 << reg[i]); }
            else if (kind[i] == CONST) m.storeFrameConst(slot(i), cval[i]);
            else if (kind[i] == ADDK) {
                boolean local = isLocalReg(reg[i]);
                int r = local ? Abi.SCRATCH0 : reg[i];
                m.addImm32(r, reg[i], (int) cval[i]);
                m.storeFrame(slot(i), r);
                if (!local) used &= ~(1 << r);
            }
            kind[i] = SLOT;
        }
    }

    private void resetTo(int h) {
        sp = 0;
        used = 0;
        xused = 0;
        for (int i = 0; i < h; i++) pushSlot();
    }

    private Label trapLabel(TrapKind k) { return site(1 + k.ordinal()); }

    private Label site(int trapCode) {
        Label l = new Label();
        trapSites.add(new Object[] {l, trapCode, wasmPos});
        return l;
    }

    private Label pendingSite() { return site(-1); }

    /** records that the return address at code offset {@code pc} belongs to the current instruction */
    private void callSite(int pc) { mc.site(pc, wasmPos); }

    // ---- the pass ----

    void compile() {
        Ctl f = new Ctl();
        f.kind = FUNC;
        f.results = type.results().length;
        ctl.add(f);
        wasmPos = code.length > 0 ? code.pos[0] : 0;
        Label exhausted = new Label();
        m.prologue(nParams, nDecl, frameSlots, exhausted);
        for (int j = 0; j < savedRegs.length; j++) m.storeFrame(saveOffset(j), savedRegs[j]);
        for (int l = 0; l < localReg.length; l++) {
            if (localReg[l] < 0) continue;
            if (l < nParams) m.loadFrame(localReg[l], localOffset(l)); else m.loadConst(localReg[l], 0);
        }
        for (int i = 0; i < code.length; i++) {
            pinned = 0;
            xpinned = 0;
            wasmPos = code.pos[i];
            Op op = code.opAt(i);
            if (!live && op != Op.ELSE && op != Op.END) {
                if (op == Op.BLOCK || op == Op.LOOP || op == Op.IF) i = info.end()[i];
                continue;
            }
            if (fusible(op, i)) { fuse(op, i); i++; continue; }
            instruction(op, i);
        }
        m.bind(exhausted);
        m.trapInPrologue(1 + TrapKind.CALL_STACK_EXHAUSTED.ordinal());
        for (Object[] t : trapSites) {
            Label l = (Label) t[0];
            if (!l.used()) continue;
            m.bind(l);
            int pc = (int) t[1] < 0 ? m.trapPending() : m.trap((int) t[1]);
            mc.site(pc, (int) t[2]);
        }
    }

    private Ctl enter(int k, long blockType, int extra) {
        FuncType bt = Code.blockType(module, blockType);
        Ctl c = new Ctl();
        c.kind = k;
        c.params = bt.params().length;
        c.results = bt.results().length;
        c.height = sp - c.params - extra;
        ctl.add(c);
        return c;
    }

    private Ctl label(long depth) { return ctl.get(ctl.size() - 1 - (int) depth); }

    /** moves the top {@code arity} values (flushed) to the label's slots and jumps there (or returns) */
    private void branch(Ctl c) {
        if (c.kind == FUNC) { emitReturn(); return; }
        int arity = c.kind == LOOP ? c.params : c.results;
        moveValues(sp - arity, c.height, arity);
        m.jump(c.kind == LOOP ? c.head : c.end);
    }

    private void moveValues(int from, int to, int n) {
        if (from == to) return;
        for (int k = 0; k < n; k++) {
            m.loadFrame(Abi.SCRATCH0, slot(from + k));
            m.storeFrame(slot(to + k), Abi.SCRATCH0);
        }
    }

    private boolean branchNeedsCode(Ctl c) {
        if (c.kind == FUNC) return true;
        int arity = c.kind == LOOP ? c.params : c.results;
        return arity > 0 && sp - arity != c.height;
    }

    /** returns the top results from wherever they are (flushed or not) */
    private void emitReturn() {
        int r = type.results().length;
        for (int k = 1; k < r; k++) {
            valueTo(Abi.SCRATCH1, sp - r + k);
            m.storeCtx(Abi.RESULTS + 8 * k, Abi.SCRATCH1);
        }
        if (r > 0) valueTo(Abi.RESULT, sp - r);
        restoreSaved();
        m.epilogue(nParams);
    }

    private void instruction(Op op, int i) {
        long a = code.a[i];
        switch (op) {
            case NOP -> {}
            case UNREACHABLE -> { flush(); callSite(m.trap(1 + TrapKind.UNREACHABLE.ordinal())); live = false; }
            case BLOCK -> { flush(); enter(BLOCK, a, 0); }
            case LOOP -> { flush(); Ctl c = enter(LOOP, a, 0); m.bind(c.head); forgetChecks(); }
            case IF -> {
                int cond = popRead();
                flush();
                Ctl c = enter(IF, a, 0);
                c.ifLive = true;
                if (c.params > 0) {
                    c.shadow = info.maxStackHeight() + shadowNext;
                    shadowNext += c.params;
                    moveValues(c.height, c.shadow, c.params);
                }
                m.branchIfZero(false, cond, true, c.elseLabel);
            }
            case ELSE -> {
                Ctl c = ctl.get(ctl.size() - 1);
                if (live) { flush(); m.jump(c.end); }
                c.hasElse = true;
                m.bind(c.elseLabel);
                forgetChecks();
                live = c.ifLive;
                resetTo(c.height + c.params);
                if (c.params > 0) moveValues(c.shadow, c.height, c.params);
            }
            case END -> end();
            case BR -> { flush(); branch(label(a)); live = false; }
            case BR_IF -> {
                int cond = popRead();
                flush();
                Ctl c = label(a);
                if (branchNeedsCode(c)) {
                    Label skip = new Label();
                    m.branchIfZero(false, cond, true, skip);
                    branch(c);
                    m.bind(skip);
                } else {
                    m.branchIfZero(false, cond, false, c.kind == LOOP ? c.head : c.end);
                }
            }
            case BR_TABLE -> brTable(code.brTables[(int) a]);
            case RETURN -> { emitReturn(); live = false; }
            case CALL -> call((int) a, false);
            case RETURN_CALL -> call((int) a, true);
            case CALL_INDIRECT -> callIndirect((int) a, (int) code.b[i], false);
            case RETURN_CALL_INDIRECT -> callIndirect((int) a, (int) code.b[i], true);
            case DROP -> drop();
            case SELECT, SELECT_T -> {
                int c = popRead(), y = popRead(), x = pop();
                m.select(x, y, c);
                pushReg(x);
            }
            case LOCAL_GET -> {
                if (localReg[(int) a] >= 0) pushLocal(localReg[(int) a]);
                else if (floatLocal[(int) a]) { int x = allocX(); m.loadFrameX(x, localOffset((int) a)); pushX(x); }
                else { int r = allocReg(); m.loadFrame(r, localOffset((int) a)); pushReg(r); }
            }
            case LOCAL_SET -> {
                if (localReg[(int) a] >= 0) setLocalReg(localReg[(int) a]);
                else if (kind[sp - 1] == XREG) { int x = popX(); m.storeFrameX(localOffset((int) a), x); }
                else { int r = popRead(); m.storeFrame(localOffset((int) a), r); }
            }
            case LOCAL_TEE -> {
                if (localReg[(int) a] >= 0) { int rl = localReg[(int) a]; setLocalReg(rl); pushLocal(rl); }
                else if (kind[sp - 1] == XREG) { int x = popX(); m.storeFrameX(localOffset((int) a), x); pushX(x); }
                else { int r = pop(); m.storeFrame(localOffset((int) a), r); pushReg(r); }
            }
            case GLOBAL_GET -> { int r = allocReg(); m.loadCtx(r, mc.globalsOffset + 8 * (int) a); pushReg(r); }
            case GLOBAL_SET -> { int r = popRead(); m.storeCtx(mc.globalsOffset + 8 * (int) a, r); }
            case TABLE_GET -> upcall(Abi.UP_TABLE_GET, (int) a, 1, 1);
            case TABLE_SET -> upcall(Abi.UP_TABLE_SET, (int) a, 2, 0);
            case TABLE_SIZE -> upcall(Abi.UP_TABLE_SIZE, (int) a, 0, 1);
            case TABLE_GROW -> upcall(Abi.UP_TABLE_GROW, (int) a, 2, 1);
            case TABLE_FILL -> upcall(Abi.UP_TABLE_FILL, (int) a, 3, 0);
            case TABLE_COPY -> upcall(Abi.UP_TABLE_COPY, (int) (a << 16 | code.b[i]), 3, 0);
            case TABLE_INIT -> upcall(Abi.UP_TABLE_INIT, (int) (a << 16 | code.b[i]), 3, 0);
            case ELEM_DROP -> upcall(Abi.UP_ELEM_DROP, (int) a, 0, 0);
            case MEMORY_SIZE -> { int r = allocReg(); m.loadCtx(r, Abi.C_MEM_SIZE); m.intOpImm(IntOp.SHR_U, true, r, 16); pushReg(r); }
            case MEMORY_GROW -> upcall(Abi.UP_MEMORY_GROW, 0, 1, 1);
            case MEMORY_FILL, MEMORY_COPY -> {   // inline (rep stosb / rep movsb), operands from their slots
                flush();
                Label oob = trapLabel(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
                if (op == Op.MEMORY_FILL) m.memoryFill(slot(sp - 3), slot(sp - 2), slot(sp - 1), oob);
                else m.memoryCopy(slot(sp - 3), slot(sp - 2), slot(sp - 1), oob);
                sp -= 3;
            }
            case MEMORY_INIT -> upcall(Abi.UP_MEMORY_INIT, (int) a, 3, 0);
            case DATA_DROP -> upcall(Abi.UP_DATA_DROP, (int) a, 0, 0);
            case I32_CONST, F32_CONST -> pushConst((int) a);
            case I64_CONST, F64_CONST -> pushConst(a);
            case REF_NULL -> pushConst(-1);
            case REF_IS_NULL -> { int r = pop(); m.intCmpImm(Cmp.EQ, true, r, -1); pushReg(r); }
            case REF_FUNC -> { int r = allocReg(); m.loadCtx(r, Abi.C_FUNCREFS); m.loadIndirect(r, r, 8 * (int) a); pushReg(r); }
            default -> {
                if (op.isMemoryAccess()) memoryAccess(op, a);
                else if (!Numeric.emit(this, op)) throw new IllegalStateException("native: no code for " + op.text);
            }
        }
    }

    /** pops the top value into local register {@code rl} */
    private void setLocalReg(int rl) {
        if (kind[sp - 1] == LREG && reg[sp - 1] == rl) { sp--; return; }   // local.get x; local.set x
        checked[rl] = 0;
        if (kind[sp - 1] == CONST) { long v = cval[--sp]; detach(rl); m.loadConst(rl, v); return; }
        if (kind[sp - 1] == ADDK) {   // local.get y; i32.const k; i32.add; local.set x: one lea
            int b = reg[--sp], k = (int) cval[sp];
            if (!isLocalReg(b)) { used &= ~(1 << b); pinned |= 1 << b; }
            detach(rl);   // (also when b is rl itself, x = x + k: entries reading the old x copy it first)
            m.addImm32(rl, b, k);
            return;
        }
        int v = popRead();
        detach(rl);
        m.move(true, rl, v);
    }

    /** an integer comparison (or eqz) whose only use is the next br_if / if / select: compare and jump (or cmov), no 0/1 value */
    private boolean fusible(Op op, int i) {
        if (i + 1 >= code.length) return false;
        Op next = code.opAt(i + 1);
        if (next != Op.BR_IF && next != Op.IF && next != Op.SELECT && next != Op.SELECT_T) return false;
        String n = op.name();
        if (!n.startsWith("I32_") && !n.startsWith("I64_")) return false;
        String rest = n.substring(4);
        return rest.equals("EQZ") || Numeric.cmp(rest) != null;
    }

    private void fuse(Op op, int i) {
        boolean w = op.name().startsWith("I64_");
        String rest = op.name().substring(4);
        Cmp c = rest.equals("EQZ") ? null : Numeric.cmp(rest);
        int x, y = -1, imm = 0;
        if (c != null && topFitsImm()) { imm = popConst(); x = popRead(); }
        else if (c != null) { y = popRead(); x = popRead(); }
        else x = popRead();
        wasmPos = code.pos[i + 1];
        Op next = code.opAt(i + 1);
        if (next == Op.SELECT || next == Op.SELECT_T) {
            int v2 = popRead(), v1 = pop();   // every pop before the compare: they may emit flag-clobbering code
            m.compareAndSelect(c, w, x, y, imm, v1, v2);
            pushReg(v1);
            return;
        }
        flush();
        // compareAndBranch's condition is the Wasm condition (for eqz: x == 0)
        if (code.opAt(i + 1) == Op.IF) {
            Ctl ct = enter(IF, code.a[i + 1], 0);
            ct.ifLive = true;
            if (ct.params > 0) {
                ct.shadow = info.maxStackHeight() + shadowNext;
                shadowNext += ct.params;
                moveValues(ct.height, ct.shadow, ct.params);
            }
            // to the else when the condition is false
            m.compareAndBranch(c, w, x, y, imm, true, ct.elseLabel);
            return;
        }
        Ctl ct = label(code.a[i + 1]);
        if (branchNeedsCode(ct)) {
            Label skip = new Label();
            m.compareAndBranch(c, w, x, y, imm, true, skip);
            branch(ct);
            m.bind(skip);
        } else {
            m.compareAndBranch(c, w, x, y, imm, false, ct.kind == LOOP ? ct.head : ct.end);
        }
    }

    private int localOffset(int idx) {
        return idx < nParams ? Abi.paramOffset(idx, nParams) : Abi.localOffset(idx - nParams);
    }

    private void end() {
        Ctl c = ctl.remove(ctl.size() - 1);
        if (c.kind == FUNC) {
            if (live) emitReturn();
            live = false;
            return;
        }
        if (live) flush();
        boolean reached = live || c.end.used() || (c.kind == IF && !c.hasElse && c.ifLive);
        if (c.kind == IF && !c.hasElse) m.bind(c.elseLabel);
        m.bind(c.end);
        forgetChecks();
        live = reached;
        resetTo(c.height + c.results);
    }

    private void brTable(int[] labels) {
        int idx = popRead();
        flush();
        Label[] targets = new Label[labels.length - 1];
        Label[] stubs = new Label[labels.length];
        for (int k = 0; k < labels.length; k++) {
            Ctl c = label(labels[k]);
            stubs[k] = branchNeedsCode(c) ? new Label() : (c.kind == LOOP ? c.head : c.end);
            if (k < targets.length) targets[k] = stubs[k];
        }
        m.jumpTable(idx, targets, stubs[labels.length - 1]);
        java.util.HashSet<Label> done = new java.util.HashSet<>();
        for (int k = 0; k < labels.length; k++) {
            Ctl c = label(labels[k]);
            if (branchNeedsCode(c) && done.add(stubs[k])) {
                m.bind(stubs[k]);
                branch(c);
            }
        }
        live = false;
    }

    // ---- calls ----

    /** pushes a call's results: result 0 from {@link Abi#RESULT} when {@code inRax} (Wasm callees), the rest from the context */
    private void takeResults(int n, boolean inRax) {
        for (int k = 0; k < n; k++) {
            int r = allocReg();
            if (k == 0 && inRax) m.move(true, r, Abi.RESULT);
            else m.loadCtx(r, Abi.RESULTS + 8 * k);
            pushReg(r);
        }
    }

    /** calls Java: pops {@code nargs} (flushed), pushes {@code nres} results */
    private void upcall(int kind, int imm, int nargs, int nres) {
        flush();
        callSite(upcallPreserving(kind, imm, sp > 0 ? slot(sp - 1) : 0));
        sp -= nargs;
        takeResults(nres, false);
    }

    /** {@link MacroAssembler#upcall} with the callee-saved registers it may clobber kept in the frame around it */
    private int upcallPreserving(int kind, int imm, int argsOff) {
        for (int k = 0; k < Abi.UPCALL_CLOBBERED.length; k++) m.storeFrame(upcallSaveOffset(k), Abi.UPCALL_CLOBBERED[k]);
        int pc = m.upcall(kind, imm, argsOff, pendingSite(), trapLabel(TrapKind.CALL_STACK_EXHAUSTED));
        for (int k = 0; k < Abi.UPCALL_CLOBBERED.length; k++) m.loadFrame(Abi.UPCALL_CLOBBERED[k], upcallSaveOffset(k));
        return pc;
    }

    private void call(int f, boolean tail) {
        FuncType ft = module.functionType(f);
        int n = ft.params().length, r = ft.results().length;
        if (f < module.importedFunctions()) {
            upcall(Abi.UP_CALL_IMPORT, f, n, r);
            if (tail) { flush(); emitReturn(); live = false; }
            return;
        }
        Label target = mc.functionLabel(f);
        if (tail && tailCalls) {   // the frame is replaced: nothing below the arguments needs flushing
            stageArgs(n);
            restoreSaved();
            m.tailCall(nParams, n, target, -1);
            live = false;
            return;
        }
        flushBelow(sp - n);
        for (int k = 0; k < n; k++) pushArg(sp - n + k);
        used = 0;
        xused = 0;
        m.callLabel(target);
        callSite(m.pos());
        sp -= n;
        takeResults(r, true);
        if (tail) { flush(); emitReturn(); live = false; }
    }

    /** pushes stack entry {@code i} as an outgoing argument, from wherever it is */
    private void pushArg(int i) {
        switch (kind[i]) {
            case REG, LREG -> m.pushReg(reg[i]);
            case SLOT -> m.pushFrameSlot(slot(i));
            default -> { valueTo(Abi.SCRATCH0, i); m.pushReg(Abi.SCRATCH0); }
        }
    }

    /** copies the top {@code n} values (from wherever they are) to the context's staging area for a tail call */
    private void stageArgs(int n) {
        for (int k = 0; k < n; k++) {
            valueTo(Abi.SCRATCH2, sp - n + k);
            m.storeCtx(Abi.RESULTS + 8 * k, Abi.SCRATCH2);
        }
    }

    /**
     * {@code call_indirect} / {@code return_call_indirect}: table lookup, checks, then a call (or tail jump) through the
     * entry's code address; an entry of another instance or the host goes through Java. At a site the tuning guards
     * (README "Tuning"), the lookup first compares the entry's code address with each target's and, on a hit, calls (or
     * tail-jumps to) that function directly, each hit with its own copy of the argument pushes (or staging).
     */
    private void callIndirect(int typeIndex, int table, boolean tail) {
        FuncType ft = module.types.get(typeIndex);
        int n = ft.params().length, r = ft.results().length;
        int[] guarded = mc.tuning.targets(funcIndex, wasmPos - bodyOffset);
        int idx = popRead();
        flush();
        m.storeFrame(slot(sp), idx);    // the index stays above the arguments for the slow path
        Label foreign = new Label(), join = new Label();
        Label[] targets = new Label[guarded.length], hits = new Label[guarded.length];
        for (int k = 0; k < guarded.length; k++) { targets[k] = mc.functionLabel(guarded[k]); hits[k] = new Label(); }
        Label undefined = trapLabel(TrapKind.UNDEFINED_ELEMENT), uninitialized = trapLabel(TrapKind.UNINITIALIZED_ELEMENT),
                mismatch = trapLabel(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        if (guarded.length == 0) m.tableLookup(idx, 16 * table, mc.typeId(ft), undefined, uninitialized, mismatch, foreign);
        else m.guardedTableLookup(idx, 16 * table, mc.typeId(ft), targets, hits, undefined, uninitialized, mismatch, foreign);
        if (tail && tailCalls) {
            m.move(true, org.tailbench.nativ.x64.Reg.R11, Abi.SCRATCH0);
            stageArgs(n);
            restoreSaved();
            m.tailCall(nParams, n, null, org.tailbench.nativ.x64.Reg.R11);
            for (int k = 0; k < guarded.length; k++) {   // a hit: the same frame replacement, then a direct jump
                m.bind(hits[k]);
                stageArgs(n);
                restoreSaved();
                m.tailCall(nParams, n, targets[k], -1);
            }
        } else {
            for (int k = 0; k < n; k++) m.pushFrameSlot(slot(sp - n + k));
            m.callReg(Abi.SCRATCH0);
            callSite(m.pos());
            m.jump(join);
            for (int k = 0; k < guarded.length; k++) {   // a hit: a direct call
                m.bind(hits[k]);
                for (int j = 0; j < n; j++) m.pushFrameSlot(slot(sp - n + j));
                m.callLabel(targets[k]);
                callSite(m.pos());
                m.jump(join);
            }
        }
        m.bind(foreign);
        callSite(upcallPreserving(Abi.UP_CALL_INDIRECT, typeIndex | table << 20, slot(sp)));
        if (r > 0) m.loadCtx(Abi.RESULT, Abi.RESULTS);   // the slow path's result 0, where the fast path has it
        m.bind(join);
        sp -= n;
        takeResults(r, true);
        if (tail) { flush(); emitReturn(); live = false; }
    }

    // ---- memory ----

    /**
     * The bounds check of an access at {@code zero-extend((addr + k) mod 2^32) + offset}, {@code width} bytes ({@code k}
     * an {@code i32.add} of a constant folded into the access, 0 for none). Skipped when {@code addr} is a register
     * local already checked for at least {@code k + offset + width} since its last {@code local.set} in straight-line
     * code, with {@code k >= 0}: then {@code addr + k + offset + width <= memory size <= 2^32}, so the 32-bit sum
     * does not wrap (memories never shrink, and the local's register is unchanged). Only checks of the plain local
     * ({@code k = 0}) are recorded: a check of {@code (addr + k) mod 2^32} passes for a wrapped sum too, which says
     * nothing about {@code addr} itself. @return the displacement to add
     */
    private int checkAddress(int addr, int k, long offset, int width) {
        boolean local = isLocalReg(addr);
        long extent = offset + width;
        if (local && k >= 0 && k + extent <= checked[addr]) return m.addressUnchecked(addr, (int) (k + offset));
        int disp = m.boundsCheck(addr, k, offset, width, trapLabel(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
        if (local && k == 0 && extent <= Integer.MAX_VALUE) checked[addr] = Math.max(checked[addr], (int) extent);
        return disp;
    }

    /** at a merge point (loop head, else, block end): nothing is known about checked addresses */
    private void forgetChecks() { java.util.Arrays.fill(checked, 0); }

    /** the popped address: its register (a local's, read-only, or owned by this instruction) and the folded constant */
    private int addrReg, addrK;

    /** pops an access's address, keeping an {@code i32.add} of a constant ({@code ADDK}) unevaluated for the access */
    private void popAddress() {
        if (kind[sp - 1] == ADDK) {
            sp--;
            addrReg = reg[sp];
            addrK = (int) cval[sp];
            if (!isLocalReg(addrReg)) { used &= ~(1 << addrReg); pinned |= 1 << addrReg; }
        } else {
            addrReg = popRead();
            addrK = 0;
        }
    }

    private void memoryAccess(Op op, long offset) {
        int width = op.width;
        boolean store = op.signature.endsWith(":");
        if (op == Op.F32_STORE || op == Op.F64_STORE) {
            int v = popX();
            popAddress();
            int disp = checkAddress(addrReg, addrK, offset, width);
            m.storeMemoryX(v, op == Op.F64_STORE, disp);
            return;
        }
        if (op == Op.F32_LOAD || op == Op.F64_LOAD) {
            popAddress();
            int disp = checkAddress(addrReg, addrK, offset, width);
            int x = allocX();
            m.loadMemoryX(x, op == Op.F64_LOAD, disp);
            pushX(x);
            return;
        }
        if (store) {
            int v = popRead();
            popAddress();
            int disp = checkAddress(addrReg, addrK, offset, width);
            m.storeMemory(v, width, disp);
        } else {
            popAddress();
            int addr = addrReg, k = addrK;
            int dst = isLocalReg(addr) ? allocReg() : addr;   // a local's register is read-only here
            int disp = checkAddress(addr, k, offset, width);
            boolean w = op.signature.endsWith("l") || op.signature.endsWith("d");
            boolean signed = op.text.endsWith("_s");
            m.loadMemory(dst, width, signed, w, disp);
            pushReg(dst);
        }
    }

    // ---- access for Numeric ----

    MacroAssembler masm() { return m; }
    int popReg() { return pop(); }
    /** pops into a register the instruction only reads (may be a local's register) */
    int popRegRead() { return popRead(); }
    void push(int r) { pushReg(r); }
    int popXmm() { return popX(); }
    void pushXmm(int x) { pushX(x); }
    int newXmm() { return allocX(); }
    int newReg() { return allocReg(); }
    boolean constOnTop() { return topFitsImm(); }
    int popConst() { sp--; return (int) cval[sp]; }
    /** whether the top value is one {@link #addConst32} can add to lazily: in a register (a local's or its own), or such a sum already */
    boolean addConstOnTopOfReg() { int t = kind[sp - 1]; return t == LREG || t == REG || t == ADDK; }
    /** replaces the top i32 value v (see {@link #addConstOnTopOfReg}) by the lazy {@code (v + k) mod 2^32}: no code yet */
    void addConst32(int k) {
        int t = sp - 1;
        cval[t] = kind[t] == ADDK ? (int) (cval[t] + k) : k;
        kind[t] = ADDK;
    }
    Label trap(TrapKind k) { return trapLabel(k); }
}
