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
 * locations (constant, register, or the value's home slot in the frame), registers allocated from
 * {@link Abi#VALUE_REGS} and spilled to home slots when they run out. At every control-flow point (block
 * boundaries, branches, calls) the whole value stack is flushed to its home slots, so that merges agree.
 */
final class FunctionCompiler {
    private static final int SLOT = 0, REG = 1, CONST = 2, XREG = 3;
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
    private final boolean tailCalls;

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
        for (int i = 0; i < code.length; i++) {
            if (code.opAt(i) == Op.IF) shadow += Code.blockType(module, code.a[i]).params().length;
        }
        this.frameSlots = nDecl + info.maxStackHeight() + shadow + 1;
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
            if (kind[i] == REG) {
                int r = reg[i];
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
            default -> { int r = allocReg(); m.loadFrame(r, slot(sp)); return r; }
        }
    }

    private boolean topFitsImm() { return kind[sp - 1] == CONST && cval[sp - 1] == (int) cval[sp - 1]; }

    private void drop() {
        sp--;
        if (kind[sp] == REG) used &= ~(1 << reg[sp]);
        if (kind[sp] == XREG) xused &= ~(1 << reg[sp]);
    }

    private void flush() {
        for (int i = 0; i < sp; i++) {
            if (kind[i] == REG) m.storeFrame(slot(i), reg[i]);
            else if (kind[i] == XREG) m.storeFrameX(slot(i), reg[i]);
            else if (kind[i] == CONST) m.storeFrameConst(slot(i), cval[i]);
            kind[i] = SLOT;
        }
        used = 0;
        xused = 0;
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

    private void emitReturn() {
        int r = type.results().length;
        for (int k = 1; k < r; k++) {
            m.loadFrame(Abi.SCRATCH1, slot(sp - r + k));
            m.storeCtx(Abi.RESULTS + 8 * k, Abi.SCRATCH1);
        }
        if (r > 0) m.loadFrame(Abi.RESULT, slot(sp - r));
        m.epilogue(nParams);
    }

    private void instruction(Op op, int i) {
        long a = code.a[i];
        switch (op) {
            case NOP -> {}
            case UNREACHABLE -> { flush(); callSite(m.trap(1 + TrapKind.UNREACHABLE.ordinal())); live = false; }
            case BLOCK -> { flush(); enter(BLOCK, a, 0); }
            case LOOP -> { flush(); Ctl c = enter(LOOP, a, 0); m.bind(c.head); }
            case IF -> {
                int cond = pop();
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
                live = c.ifLive;
                resetTo(c.height + c.params);
                if (c.params > 0) moveValues(c.shadow, c.height, c.params);
            }
            case END -> end();
            case BR -> { flush(); branch(label(a)); live = false; }
            case BR_IF -> {
                int cond = pop();
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
            case RETURN -> { flush(); emitReturn(); live = false; }
            case CALL -> call((int) a, false);
            case RETURN_CALL -> call((int) a, true);
            case CALL_INDIRECT -> callIndirect((int) a, (int) code.b[i], false);
            case RETURN_CALL_INDIRECT -> callIndirect((int) a, (int) code.b[i], true);
            case DROP -> drop();
            case SELECT, SELECT_T -> {
                int c = pop(), y = pop(), x = pop();
                m.select(x, y, c);
                pushReg(x);
            }
            case LOCAL_GET -> {
                if (floatLocal[(int) a]) { int x = allocX(); m.loadFrameX(x, localOffset((int) a)); pushX(x); }
                else { int r = allocReg(); m.loadFrame(r, localOffset((int) a)); pushReg(r); }
            }
            case LOCAL_SET -> {
                if (kind[sp - 1] == XREG) { int x = popX(); m.storeFrameX(localOffset((int) a), x); }
                else { int r = pop(); m.storeFrame(localOffset((int) a), r); }
            }
            case LOCAL_TEE -> {
                if (kind[sp - 1] == XREG) { int x = popX(); m.storeFrameX(localOffset((int) a), x); pushX(x); }
                else { int r = pop(); m.storeFrame(localOffset((int) a), r); pushReg(r); }
            }
            case GLOBAL_GET -> { int r = allocReg(); m.loadCtx(r, mc.globalsOffset + 8 * (int) a); pushReg(r); }
            case GLOBAL_SET -> { int r = pop(); m.storeCtx(mc.globalsOffset + 8 * (int) a, r); }
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
            case MEMORY_FILL -> upcall(Abi.UP_MEMORY_FILL, 0, 3, 0);
            case MEMORY_COPY -> upcall(Abi.UP_MEMORY_COPY, 0, 3, 0);
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

    /** an integer comparison (or eqz) whose only use is the next br_if / if: compare and jump, no 0/1 value */
    private boolean fusible(Op op, int i) {
        if (i + 1 >= code.length) return false;
        Op next = code.opAt(i + 1);
        if (next != Op.BR_IF && next != Op.IF) return false;
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
        if (c != null && topFitsImm()) { imm = popConst(); x = pop(); }
        else if (c != null) { y = pop(); x = pop(); }
        else x = pop();
        flush();
        wasmPos = code.pos[i + 1];
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
            if (live) { flush(); emitReturn(); }
            live = false;
            return;
        }
        if (live) flush();
        boolean reached = live || c.end.used() || (c.kind == IF && !c.hasElse && c.ifLive);
        if (c.kind == IF && !c.hasElse) m.bind(c.elseLabel);
        m.bind(c.end);
        live = reached;
        resetTo(c.height + c.results);
    }

    private void brTable(int[] labels) {
        int idx = pop();
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
        callSite(m.upcall(kind, imm, sp > 0 ? slot(sp - 1) : 0, pendingSite(), trapLabel(TrapKind.CALL_STACK_EXHAUSTED)));
        sp -= nargs;
        takeResults(nres, false);
    }

    private void call(int f, boolean tail) {
        FuncType ft = module.functionType(f);
        int n = ft.params().length, r = ft.results().length;
        if (f < module.importedFunctions()) {
            upcall(Abi.UP_CALL_IMPORT, f, n, r);
            if (tail) { flush(); emitReturn(); live = false; }
            return;
        }
        flush();
        Label target = mc.functionLabel(f);
        if (tail && tailCalls) {
            stageArgs(n);
            m.tailCall(nParams, n, target, -1);
            live = false;
            return;
        }
        for (int k = 0; k < n; k++) m.pushFrameSlot(slot(sp - n + k));
        m.callLabel(target);
        callSite(m.pos());
        sp -= n;
        takeResults(r, true);
        if (tail) { flush(); emitReturn(); live = false; }
    }

    private void stageArgs(int n) {
        for (int k = 0; k < n; k++) {
            m.loadFrame(Abi.SCRATCH2, slot(sp - n + k));
            m.storeCtx(Abi.RESULTS + 8 * k, Abi.SCRATCH2);
        }
    }

    private void callIndirect(int typeIndex, int table, boolean tail) {
        FuncType ft = module.types.get(typeIndex);
        int n = ft.params().length, r = ft.results().length;
        int idx = pop();
        flush();
        m.storeFrame(slot(sp), idx);    // the index stays above the arguments for the slow path
        Label foreign = new Label(), join = new Label();
        m.tableLookup(idx, 16 * table, mc.typeId(ft), trapLabel(TrapKind.UNDEFINED_ELEMENT),
                trapLabel(TrapKind.UNINITIALIZED_ELEMENT), trapLabel(TrapKind.INDIRECT_CALL_TYPE_MISMATCH), foreign);
        if (tail && tailCalls) {
            m.move(true, org.tailbench.nativ.x64.Reg.R11, Abi.SCRATCH0);
            stageArgs(n);
            m.tailCall(nParams, n, null, org.tailbench.nativ.x64.Reg.R11);
        } else {
            for (int k = 0; k < n; k++) m.pushFrameSlot(slot(sp - n + k));
            m.callReg(Abi.SCRATCH0);
            callSite(m.pos());
            m.jump(join);
        }
        m.bind(foreign);
        callSite(m.upcall(Abi.UP_CALL_INDIRECT, typeIndex | table << 20, slot(sp), pendingSite(), trapLabel(TrapKind.CALL_STACK_EXHAUSTED)));
        if (r > 0) m.loadCtx(Abi.RESULT, Abi.RESULTS);   // the slow path's result 0, where the fast path has it
        m.bind(join);
        sp -= n;
        takeResults(r, true);
        if (tail) { flush(); emitReturn(); live = false; }
    }

    // ---- memory ----

    private void memoryAccess(Op op, long offset) {
        int width = op.width;
        boolean store = op.signature.endsWith(":");
        if (op == Op.F32_STORE || op == Op.F64_STORE) {
            int v = popX(), addr = pop();
            int disp = m.boundsCheck(addr, offset, width, trapLabel(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
            m.storeMemoryX(v, op == Op.F64_STORE, disp);
            return;
        }
        if (op == Op.F32_LOAD || op == Op.F64_LOAD) {
            int addr = pop();
            int disp = m.boundsCheck(addr, offset, width, trapLabel(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
            int x = allocX();
            m.loadMemoryX(x, op == Op.F64_LOAD, disp);
            pushX(x);
            return;
        }
        if (store) {
            int v = pop(), addr = pop();
            int disp = m.boundsCheck(addr, offset, width, trapLabel(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
            m.storeMemory(v, width, disp);
        } else {
            int addr = pop();
            int disp = m.boundsCheck(addr, offset, width, trapLabel(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
            boolean w = op.signature.endsWith("l") || op.signature.endsWith("d");
            boolean signed = op.text.endsWith("_s");
            m.loadMemory(addr, width, signed, w, disp);
            pushReg(addr);
        }
    }

    // ---- access for Numeric ----

    MacroAssembler masm() { return m; }
    int popReg() { return pop(); }
    void push(int r) { pushReg(r); }
    int popXmm() { return popX(); }
    void pushXmm(int x) { pushX(x); }
    int newXmm() { return allocX(); }
    int newReg() { return allocReg(); }
    boolean constOnTop() { return topFitsImm(); }
    int popConst() { sp--; return (int) cval[sp]; }
    Label trap(TrapKind k) { return trapLabel(k); }
    /** a numeric op done in Java (conversions): pops {@code nargs}, pushes one result */
    void numericUpcall(Op op, int nargs) { upcall(Abi.UP_NUMERIC, op.ordinal(), nargs, 1); }
}
