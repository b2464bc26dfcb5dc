package org.tailbench.interp.lower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tailbench.jfr.CompileEvent;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.FunctionInfo;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Lowers validated function bodies to {@link LoweredFunction}s (done once per module, shared by
 * every instance and by every dispatch strategy that reads {@link LOp} code).
 *
 * <p>Structured control flow (spec 2.0 §4.4.8) becomes jumps to absolute positions: each
 * {@code br}/{@code br_if}/{@code br_table} carries the label's arity ({@code keep}) and how many
 * operand slots below those values leave the stack ({@code drop}), computed from the validator's
 * per-instruction stack heights ({@link FunctionInfo#stackHeight()}), so no label stack exists at run
 * time. A branch to the function's outermost label becomes {@code return}. Code that cannot be
 * reached (after an unconditional branch, {@code return}, {@code unreachable} or a tail call, up to
 * the end of the enclosing block, and whole blocks nested there) is not emitted.
 */
public final class Lowerer {
    private static final int[] FROM_OP = new int[Op.count()];
    private static final int[] OPERANDS = new int[LOp.COUNT];
    /** the {@link LOp} of each {@link Superinstructions#CATALOG} entry */
    private static final int[] SUPER = new int[Superinstructions.CATALOG.size()];

    static {
        for (Op op : Op.values()) {
            try {
                FROM_OP[op.ordinal()] = LOp.class.getField(op.name()).getInt(null);
            } catch (NoSuchFieldException e) {
                FROM_OP[op.ordinal()] = -1;
            } catch (IllegalAccessException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        for (Op op : Op.values()) {
            int l = FROM_OP[op.ordinal()];
            if (l < 0) continue;
            OPERANDS[l] = switch (op.imm) {
                case NONE, MEMIDX, REFTYPE, MEMORY_COPY, MEMORY_FILL, SELECT_T -> 0;
                case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> 2;
                default -> 1;
            };
        }
        OPERANDS[LOp.JMP] = 1; OPERANDS[LOp.BR_IF] = 1; OPERANDS[LOp.BR_UNLESS] = 1;
        OPERANDS[LOp.BR_DROP] = 3; OPERANDS[LOp.BR_IF_DROP] = 3;
        OPERANDS[LOp.CALL_LOCAL] = 1; OPERANDS[LOp.CALL_IMPORT] = 1;
        OPERANDS[LOp.RETURN_CALL_LOCAL] = 1; OPERANDS[LOp.RETURN_CALL_IMPORT] = 1;
        OPERANDS[LOp.MEMORY_INIT] = 1;
        for (int f = LOp.BR_IF_I32_EQ; f <= LOp.BR_IF_I32_GE_U; f++) OPERANDS[f] = 1;
        OPERANDS[LOp.PROBE] = 2;
        for (int k = 0; k < SUPER.length; k++) {
            List<Op> p = Superinstructions.CATALOG.get(k);
            try {
                SUPER[k] = LOp.class.getField(Superinstructions.lopName(p)).getInt(null);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);   // LOp not regenerated after a catalog change
            }
            OPERANDS[SUPER[k]] = Superinstructions.operandCount(p);
        }
    }

    /** @return the {@link LOp} of superinstruction {@code k} (index into {@link Superinstructions#CATALOG}) */
    public static int superinstruction(int k) { return SUPER[k]; }

    private Lowerer() {}

    /** @return the {@link LOp} for {@code op} when it lowers one-to-one (numeric, memory, ...), else -1 */
    public static int lop(Op op) { return FROM_OP[op.ordinal()]; }

    /** @return how many operand slots follow the opcode at {@code code[pc]} */
    public static int operandCount(int[] code, int pc) {
        int op = code[pc];
        if (op == LOp.BR_TABLE) return 1 + 3 * (code[pc + 1] + 1);
        return OPERANDS[op];
    }

    /** Lowers every defined function of {@code vm}; element {@code i} belongs to defined function {@code i}. */
    public static LoweredFunction[] lowerAll(ValidatedModule vm) {
        LoweredFunction[] out = new LoweredFunction[vm.module().functions.size()];
        for (int i = 0; i < out.length; i++) out[i] = lower(vm.module(), i, vm.functions()[i]);
        return out;
    }

    /**
     * {@link #lowerAll(ValidatedModule)}, writing one JFR {@code tailbench.Compile} event per function
     * (lowering is the interpreters' compile step) when a recording enables it.
     * @param engine the engine name the events carry
     */
    public static LoweredFunction[] lowerAll(ValidatedModule vm, String engine) { return lowerAll(vm, engine, null); }

    /**
     * {@link #lowerAll(ValidatedModule, String)} with superinstructions.
     * @param superinstructions selected {@link Superinstructions#CATALOG} entries by index ({@link Superinstructions#parse}),
     *                          or null for none: then the code is exactly what {@link #lower} makes
     */
    public static LoweredFunction[] lowerAll(ValidatedModule vm, String engine, boolean[] superinstructions) {
        Module m = vm.module();
        LoweredFunction[] out = new LoweredFunction[m.functions.size()];
        for (int i = 0; i < out.length; i++) {
            CompileEvent ev = new CompileEvent();
            ev.begin();
            out[i] = lower(m, i, vm.functions()[i], superinstructions);
            ev.end();
            if (ev.shouldCommit()) {
                compileEvent(ev, engine, m, i);
                ev.commit();
            }
        }
        return out;
    }

    /**
     * Fills a {@code tailbench.Compile} event for an interpreter: no JVM bytecode is made, so
     * {@code bytecodeBytes} and {@code methods} are 0 and nothing is split.
     */
    public static void compileEvent(CompileEvent ev, String engine, Module m, int definedIndex) {
        Module.Function f = m.functions.get(definedIndex);
        Code body = f.body();
        ev.engine = engine;
        ev.functionIndex = m.importedFunctions() + definedIndex;
        ev.functionName = m.functionName(ev.functionIndex);
        ev.wasmBytes = body.length == 0 ? 0 : Math.max(0, body.pos[body.length - 1] + 1 - f.bodyOffset());
        ev.bytecodeBytes = 0;
        ev.methods = 0;
        ev.split = false;
        ev.reason = "";
    }

    /**
     * Lowers defined function {@code definedIndex} for exact Wasm-level opcode counting: no fusion,
     * and before every reachable Wasm instruction {@code i} a {@link LOp#PROBE}{@code  i, slot}, where
     * {@code slot} is one extra hidden local (after the declared ones, initially -1) that holds the
     * previous instruction executed in this activation. Branch targets land after the probes of
     * {@code loop} and {@code end}/{@code else}, so a structured {@code end} or {@code else} counts
     * when control falls into it, not when a branch (or a false {@code if} without else) skips past it;
     * {@code block}, {@code loop}, {@code if} count on entry. A trapping instruction counts (its probe ran).
     */
    public static LoweredFunction lowerCounting(Module m, int definedIndex, FunctionInfo info) {
        Run r = new Lowerer.Run(m, definedIndex, info);
        r.probes = true;
        return r.run();
    }
    /**
     * Lowers defined function {@code definedIndex} of {@code m}.
     * @param info the validator's facts about that function
     * @throws IllegalStateException when {@code info} contradicts the code (a validator bug)
     */
    public static LoweredFunction lower(Module m, int definedIndex, FunctionInfo info) {
        return new Lowerer.Run(m, definedIndex, info).run();
    }

    /**
     * {@link #lower(Module, int, FunctionInfo)} fusing the selected superinstructions: at each reachable instruction, the
     * longest selected {@link Superinstructions#CATALOG} pattern that starts there (ties: catalog order) becomes its one
     * fused {@link LOp}, left to right, so an earlier match wins over an overlapping later one. A pattern ending in
     * {@code br_if} fuses only when the branch moves no values (its {@code drop} is 0). Each operand slot carries the byte
     * offset of the instruction it came from, so a trap inside a fused opcode reports the trapping instruction's offset.
     * @param superinstructions selected entries by catalog index, or null for none
     */
    public static LoweredFunction lower(Module m, int definedIndex, FunctionInfo info, boolean[] superinstructions) {
        Run r = new Lowerer.Run(m, definedIndex, info);
        r.fuse = superinstructions == null ? null : Superinstructions.order(superinstructions);
        return r.run();
    }

    /**
     * For an i32 comparison {@link LOp} (EQ .. GE_U, in {@link org.tailbench.wasm.Op} order): the fused
     * compare-and-branch that jumps when it holds ({@code negate == false}) or when it fails.
     * @return the fused opcode, or -1 when {@code cmp} is no i32 comparison
     */
    static int fusedBranch(int cmp, boolean negate) {
        if (cmp < LOp.I32_EQ || cmp > LOp.I32_GE_U) return -1;
        int k = cmp - LOp.I32_EQ;                    // EQ NE LT_S LT_U GT_S GT_U LE_S LE_U GE_S GE_U
        if (negate) k = NEGATED[k];
        return LOp.BR_IF_I32_EQ + k;
    }

    /** index of the negation of each comparison: EQ<->NE, LT<->GE, GT<->LE */
    private static final int[] NEGATED = {1, 0, 8, 9, 6, 7, 4, 5, 2, 3};

    /** An open block while lowering. */
    private static final class Ctrl {
        final boolean function, loop;
        final int base, arity, start;
        int elseFixup = -1;
        int[] fixups = new int[4];
        int fixupCount;

        Ctrl(boolean function, boolean loop, int base, int arity, int start) {
            this.function = function; this.loop = loop; this.base = base; this.arity = arity; this.start = start;
        }

        void addFixup(int pos) {
            if (fixupCount == fixups.length) fixups = Arrays.copyOf(fixups, fixupCount * 2);
            fixups[fixupCount++] = pos;
        }
    }

    /** State of one function's lowering. */
    private static final class Run {
        private final Module m;
        private final int definedIndex;
        private final FunctionInfo info;
        private final Code c;
        private int[] code = new int[64];
        private int[] offs = new int[64];
        private int size;
        private long[] consts = new long[4];
        private int constCount;
        private int curOffset;
        /** position of the last emitted opcode when it is a fusable i32 test (eqz or a comparison), else -1 */
        private int lastTest = -1;
        private final List<Ctrl> ctrls = new ArrayList<>();
        /** opcode-profile mode ({@link #lowerCounting}) */
        boolean probes;
        /** selected superinstructions, longest first ({@link Superinstructions#order}), or null */
        int[] fuse;

        Run(Module m, int definedIndex, FunctionInfo info) {
            this.m = m; this.definedIndex = definedIndex; this.info = info;
            this.c = m.functions.get(definedIndex).body();
        }

        private void emit(int v) {
            if (size == code.length) {
                code = Arrays.copyOf(code, size * 2);
                offs = Arrays.copyOf(offs, size * 2);
            }
            code[size] = v;
            offs[size++] = curOffset;
        }

        private int constant(long v) {
            if (constCount == consts.length) consts = Arrays.copyOf(consts, constCount * 2);
            consts[constCount] = v;
            return constCount++;
        }

        private int height(int i) {
            int h = info.stackHeight()[i];
            if (h < 0) {
                throw new IllegalStateException("function " + (m.importedFunctions() + definedIndex)
                        + ": instruction " + i + " (" + c.opAt(i) + ") is reachable but has no stack height");
            }
            return h;
        }

        private void target(Ctrl l) {
            if (l.loop) {
                emit(l.start);
            } else {
                l.addFixup(size);
                emit(-1);
            }
        }

        /** Emits a branch to {@code l} with {@code h} operands on the stack (condition already popped). */
        private void branch(Ctrl l, int h, boolean conditional) {
            if (l.function) {
                if (conditional) { emit(LOp.BR_IF); target(l); } else emit(LOp.RETURN);
                return;
            }
            int drop = h - l.arity - l.base;
            if (drop < 0) throw new IllegalStateException("branch with too few operands at byte " + curOffset);
            if (drop == 0) {
                if (!conditional || !fuseTest(false)) emit(conditional ? LOp.BR_IF : LOp.JMP);
                target(l);
            } else {
                emit(conditional ? LOp.BR_IF_DROP : LOp.BR_DROP);
                target(l);
                emit(l.arity);
                emit(drop);
            }
        }

        /**
         * Replaces a just-emitted {@code i32.eqz} or i32 comparison (the condition of the branch being
         * emitted) by a compare-and-branch opcode; the caller then emits the target.
         * @param negate jump when the test fails ({@code if}) instead of when it holds ({@code br_if})
         * @return whether the test was fused
         */
        private boolean fuseTest(boolean negate) {
            if (lastTest < 0 || lastTest != size - 1) return false;
            int test = code[lastTest];
            int fused = test == LOp.I32_EQZ ? (negate ? LOp.BR_IF : LOp.BR_UNLESS) : fusedBranch(test, negate);
            if (fused < 0) return false;
            code[lastTest] = fused;
            lastTest = -1;
            return true;
        }

        private Ctrl label(long depth) { return ctrls.get(ctrls.size() - 1 - (int) depth); }

        private void patch(Ctrl l, int to) {
            for (int k = 0; k < l.fixupCount; k++) code[l.fixups[k]] = to;
            if (l.elseFixup >= 0) code[l.elseFixup] = to;
        }

        LoweredFunction run() {
            Module.Function f = m.functions.get(definedIndex);
            FuncType type = m.types.get(f.typeIndex());
            int params = type.params().length;
            ctrls.add(new Ctrl(true, false, 0, type.results().length, 0));
            boolean live = true;
            int dead = 0;
            int returnPc = -1;
            int probeSlot = params + f.locals().length;
            for (int i = 0; i < c.length; i++) {
                Op op = c.opAt(i);
                curOffset = c.pos[i];
                int test = lastTest;
                lastTest = -1;
                if (!live) {
                    if (op == Op.BLOCK || op == Op.LOOP || op == Op.IF) { dead++; continue; }
                    if (op == Op.END && dead > 0) { dead--; continue; }
                    if (dead > 0 || (op != Op.ELSE && op != Op.END)) continue;
                }
                if (probes) { emit(LOp.PROBE); emit(i); emit(probeSlot); }
                if (fuse != null) {
                    int k = match(i);
                    if (k >= 0) {
                        i += fused(k, i) - 1;
                        continue;
                    }
                }
                switch (op) {
                    case NOP, I32_REINTERPRET_F32, I64_REINTERPRET_F64, F32_REINTERPRET_I32, F64_REINTERPRET_I64 -> { }
                    case BLOCK, LOOP -> {
                        FuncType bt = Code.blockType(m, c.a[i]);
                        int base = height(i) - bt.params().length;
                        boolean loop = op == Op.LOOP;
                        ctrls.add(new Ctrl(false, loop, base, loop ? bt.params().length : bt.results().length, size));
                    }
                    case IF -> {
                        FuncType bt = Code.blockType(m, c.a[i]);
                        Ctrl ctl = new Ctrl(false, false, height(i) - 1 - bt.params().length, bt.results().length, size);
                        lastTest = test;
                        if (!fuseTest(true)) emit(LOp.BR_UNLESS);
                        ctl.elseFixup = size;
                        emit(-1);
                        ctrls.add(ctl);
                    }
                    case ELSE -> {
                        Ctrl ctl = ctrls.getLast();
                        if (live) { emit(LOp.JMP); ctl.addFixup(size); emit(-1); }
                        if (ctl.elseFixup >= 0) code[ctl.elseFixup] = size;
                        ctl.elseFixup = -1;
                        live = true;
                    }
                    case END -> {
                        Ctrl ctl = ctrls.removeLast();
                        if (ctl.function) {
                            returnPc = size;
                            emit(LOp.RETURN);
                            patch(ctl, returnPc);
                        } else {
                            live = live || ctl.fixupCount > 0 || ctl.elseFixup >= 0;
                            patch(ctl, size);
                        }
                    }
                    case BR -> { branch(label(c.a[i]), height(i), false); live = false; }
                    case BR_IF -> { lastTest = test; branch(label(c.a[i]), height(i) - 1, true); lastTest = -1; }
                    case BR_TABLE -> { brTable(c.brTables[(int) c.a[i]], height(i) - 1); live = false; }
                    case RETURN, UNREACHABLE -> { emit(lop(op)); live = false; }
                    case CALL, RETURN_CALL -> {
                        int idx = (int) c.a[i];
                        boolean local = idx >= m.importedFunctions();
                        emit(op == Op.CALL ? (local ? LOp.CALL_LOCAL : LOp.CALL_IMPORT)
                                : (local ? LOp.RETURN_CALL_LOCAL : LOp.RETURN_CALL_IMPORT));
                        emit(local ? idx - m.importedFunctions() : idx);
                        if (op == Op.RETURN_CALL) live = false;
                    }
                    case CALL_INDIRECT, RETURN_CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> {
                        emit(lop(op)); emit((int) c.a[i]); emit((int) c.b[i]);
                        if (op == Op.RETURN_CALL_INDIRECT) live = false;
                    }
                    case SELECT, SELECT_T -> emit(LOp.SELECT);
                    case I64_CONST, F64_CONST -> { emit(lop(op)); emit(constant(c.a[i])); }
                    default -> {
                        int l = lop(op);
                        if (l < 0) throw new IllegalStateException("no lowering for " + op);
                        emit(l);
                        if (OPERANDS[l] == 1) emit((int) c.a[i]);
                        if (l == LOp.I32_EQZ || fusedBranch(l, false) >= 0) lastTest = size - 1;
                    }
                }
                if (returnPc >= 0) break;
            }
            if (returnPc < 0) throw new IllegalStateException("function body has no final end");
            ValType[] declared = f.locals();
            long[] init = new long[declared.length + (probes ? 1 : 0)];
            for (int k = 0; k < declared.length; k++) init[k] = declared[k].isRef() ? ValType.NULL_REF : 0;
            if (probes) init[declared.length] = -1;
            int funcIndex = m.importedFunctions() + definedIndex;
            return new LoweredFunction(funcIndex, m.functionName(funcIndex), type, Arrays.copyOf(code, size),
                    Arrays.copyOf(offs, size), Arrays.copyOf(consts, constCount), params, params + init.length,
                    init, info.maxStackHeight(), returnPc);
        }

        /** @return the first of {@link #fuse} whose pattern starts at instruction {@code i} and can fuse there, or -1 */
        private int match(int i) {
            for (int k : fuse) {
                List<Op> p = Superinstructions.CATALOG.get(k);
                int n = p.size();
                if (i + n > c.length) continue;
                boolean same = true;
                for (int j = 0; j < n && same; j++) same = c.opAt(i + j) == p.get(j);
                if (!same) continue;
                int last = i + n - 1;
                if (p.get(n - 1) == Op.BR_IF) {
                    Ctrl l = label(c.a[last]);
                    if (!l.function && height(last) - 1 - l.arity - l.base != 0) continue;   // the branch moves values
                }
                return k;
            }
            return -1;
        }

        /**
         * Emits superinstruction {@code k} for the instructions from {@code i}: its opcode (at the first one's offset),
         * then each component's immediate at that component's offset.
         * @return the number of Wasm instructions it replaces
         */
        private int fused(int k, int i) {
            List<Op> p = Superinstructions.CATALOG.get(k);
            curOffset = c.pos[i];
            emit(SUPER[k]);
            for (int j = 0; j < p.size(); j++) {
                Op op = p.get(j);
                if (!Superinstructions.hasOperand(op)) continue;
                curOffset = c.pos[i + j];
                if (op == Op.BR_IF) target(label(c.a[i + j])); else emit((int) c.a[i + j]);
            }
            return p.size();
        }

        private void brTable(int[] labels, int h) {
            emit(LOp.BR_TABLE);
            emit(labels.length - 1);
            for (int depth : labels) {
                Ctrl l = label(depth);
                if (l.function) {
                    l.addFixup(size); emit(-1); emit(0); emit(0);
                } else {
                    target(l);
                    emit(l.arity);
                    emit(h - l.arity - l.base);
                }
            }
        }
    }
}
