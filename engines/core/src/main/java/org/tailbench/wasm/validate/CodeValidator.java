package org.tailbench.wasm.validate;

import org.tailbench.wasm.Code;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

import java.util.Arrays;

import static org.tailbench.wasm.validate.ModuleContext.FUNCREF;
import static org.tailbench.wasm.validate.ModuleContext.I32;
import static org.tailbench.wasm.validate.ModuleContext.UNKNOWN;

/**
 * Validates function bodies (spec 2.0 §3.3, §3.4.10) with the algorithm of the spec appendix
 * "Validation Algorithm": an operand stack of value types where {@code Unknown} stands for any type
 * in unreachable code, and a control stack of frames with their label types, the operand stack
 * height at entry and an unreachable flag. Adds the tail-call proposal's {@code return_call} and
 * {@code return_call_indirect} (the callee's results must equal the caller's).
 *
 * <p>Besides accepting or rejecting, it computes the {@link FunctionInfo} engines lower from. Its
 * {@code stackHeight[i]} is -1 exactly when no execution can reach instruction {@code i}:
 * <ul>
 *   <li>after {@code unreachable}, {@code br}, {@code br_table}, {@code return}, {@code return_call*}
 *       up to the end of the enclosing block (blocks nested in such code are dead too);</li>
 *   <li>an {@code else} whose then-branch cannot fall through;</li>
 *   <li>an {@code end} that is neither reached by falling through nor by a live branch to its block
 *       (for an {@code if} without {@code else}: nor by a live {@code if}; for an {@code if} with
 *       {@code else}: nor by a then-branch that falls through into the {@code else}); a live {@code end} has height
 *       {@code entryHeight + results}, the same whether reached by falling through or by branching.
 *       Code after an {@code end} is live exactly when the {@code end} is.</li>
 * </ul>
 * Heights exclude locals and count from the function's empty stack; a block's params stay on the
 * stack inside it. {@code return} does not make the function's final {@code end} live (it leaves the
 * function directly); a {@code br} to the function's outermost label does.
 *
 * <p>One instance is reused for all functions of a module; it allocates only the three
 * {@link FunctionInfo} arrays and a locals array per function (work arrays grow as needed).
 * Not thread-safe.
 */
final class CodeValidator {
    /** Frame kinds. */
    private static final int FUNC = 0, BLOCK = 1, LOOP = 2, IF = 3, ELSE = 4;

    /** Operand types of fixed-signature ops ({@link Op#signature}), by ordinal; null when not fixed. */
    private static final int[][] SIG_IN = new int[Op.count()][], SIG_OUT = new int[Op.count()][];
    static {
        for (int o = 0; o < Op.count(); o++) {
            String s = Op.of(o).signature;
            if (s == null) continue;
            int colon = s.indexOf(':');
            SIG_IN[o] = sigCodes(s.substring(0, colon));
            SIG_OUT[o] = sigCodes(s.substring(colon + 1));
        }
    }

    private final ModuleContext cx;

    // operand stack
    private int[] vals = new int[64];
    private int sp;
    private int[] scratch = new int[16];

    // control stack
    private int csp;
    private int[] cKind = new int[16], cHeight = new int[16], cStart = new int[16], cElse = new int[16];
    private int[][] cParams = new int[16][], cResults = new int[16][];
    private boolean[] cUnreachable = new boolean[16], cEntryLive = new boolean[16], cLive = new boolean[16],
            cTargeted = new boolean[16];

    // the function being validated
    private int funcIndex;
    private Code code;
    private int at;
    private int[] locals;
    private int[] returns;
    private int maxHeight;

    CodeValidator(ModuleContext cx) { this.cx = cx; }

    /**
     * Validates defined function {@code f} whose index in the function index space is {@code funcIndex}.
     * @return the function's {@link FunctionInfo} (see the class comment for the exact meaning of heights)
     * @throws InvalidModuleException with the spec's message, {@code funcIndex} and the offending instruction's byte offset
     */
    FunctionInfo validate(int funcIndex, Module.Function f) {
        this.funcIndex = funcIndex;
        this.code = f.body();
        String where = "function " + funcIndex;
        int type = cx.funcType[funcIndex];
        int[] params = cx.typeParams[type];
        returns = cx.typeResults[type];
        ValType[] declared = f.locals();
        locals = Arrays.copyOf(params, params.length + declared.length);
        for (int i = 0; i < declared.length; i++) locals[params.length + i] = ModuleContext.valueType(declared[i], where);

        int n = code.length;
        if (n == 0 || code.op[n - 1] != Op.END.ordinal()) throw new InvalidModuleException("function body must end with end", where);
        int[] height = new int[n], end = new int[n], elseIndex = new int[n];
        Arrays.fill(end, -1);
        Arrays.fill(elseIndex, -1);
        sp = 0;
        csp = 0;
        maxHeight = 0;
        pushCtrl(FUNC, ModuleContext.NO_TYPES, returns, -1);
        for (int i = 0; i < n; i++) {
            at = i;
            if (csp == 0) throw fail("operators remaining after end of function");
            boolean live = cLive[csp - 1];
            height[i] = live ? sp : -1;
            if (live && sp > maxHeight) maxHeight = sp;
            step(i, height, end, elseIndex);
            if (csp > 0 && cLive[csp - 1] && sp > maxHeight) maxHeight = sp;
        }
        if (csp != 0) throw fail("unclosed block at end of function");
        return new FunctionInfo(maxHeight, height, end, elseIndex);
    }

    private void step(int i, int[] height, int[] end, int[] elseIndex) {
        Op op = Op.of(code.op[i]);
        long a = code.a[i];
        switch (op) {
            case UNREACHABLE -> unreachable();
            case NOP -> { }
            case BLOCK, LOOP -> {
                int bt = blockType(a);
                int[] in = blockParams(bt);
                popVals(in);
                pushCtrl(op == Op.BLOCK ? BLOCK : LOOP, in, blockResults(bt), i);
            }
            case IF -> {
                int bt = blockType(a);
                int[] in = blockParams(bt);
                pop(I32);
                popVals(in);
                pushCtrl(IF, in, blockResults(bt), i);
            }
            case ELSE -> {
                int f = csp - 1;
                if (cKind[f] != IF) throw fail("else without matching if");
                popVals(cResults[f]);
                if (sp != cHeight[f]) throw fail("type mismatch: values remaining on the stack at else");
                // a then-branch that falls through reaches the end just as a branch to the if's label does
                if (cLive[f]) cTargeted[f] = true;
                cKind[f] = ELSE;
                cElse[f] = i;
                cUnreachable[f] = false;
                cLive[f] = cEntryLive[f];
                pushVals(cParams[f]);
            }
            case END -> end(i, height, end, elseIndex);
            case BR -> {
                int f = label(a);
                popVals(labelTypes(f));
                if (cLive[csp - 1]) cTargeted[f] = true;
                unreachable();
            }
            case BR_IF -> {
                int f = label(a);
                pop(I32);
                int[] lt = labelTypes(f);
                popVals(lt);
                pushVals(lt);
                if (cLive[csp - 1]) cTargeted[f] = true;
            }
            case BR_TABLE -> brTable(code.brTables[(int) a]);
            case RETURN -> {
                popVals(returns);
                unreachable();
            }
            case CALL -> {
                int t = cx.funcType[function(a)];
                popVals(cx.typeParams[t]);
                pushVals(cx.typeResults[t]);
            }
            case CALL_INDIRECT -> {
                int t = callIndirectType(a, code.b[i]);
                pop(I32);
                popVals(cx.typeParams[t]);
                pushVals(cx.typeResults[t]);
            }
            case RETURN_CALL -> {
                int t = cx.funcType[function(a)];
                requireReturns(cx.typeResults[t]);
                popVals(cx.typeParams[t]);
                unreachable();
            }
            case RETURN_CALL_INDIRECT -> {
                int t = callIndirectType(a, code.b[i]);
                requireReturns(cx.typeResults[t]);
                pop(I32);
                popVals(cx.typeParams[t]);
                unreachable();
            }
            case DROP -> pop();
            case SELECT -> {
                pop(I32);
                int t1 = pop(), t2 = pop();
                if (!(ModuleContext.isNum(t1) || t1 == UNKNOWN) || !(ModuleContext.isNum(t2) || t2 == UNKNOWN)) {
                    throw fail("type mismatch: select without a type needs numeric operands, got "
                            + ModuleContext.name(t2) + " and " + ModuleContext.name(t1));
                }
                if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) {
                    throw fail("type mismatch: select operands " + ModuleContext.name(t2) + " and " + ModuleContext.name(t1));
                }
                push(t1 == UNKNOWN ? t2 : t1);
            }
            case SELECT_T -> {
                if (code.b[i] != 1) throw fail("invalid result arity");
                int t = valueTypeImmediate(a);
                pop(I32);
                pop(t);
                pop(t);
                push(t);
            }
            case LOCAL_GET -> push(locals[local(a)]);
            case LOCAL_SET -> pop(locals[local(a)]);
            case LOCAL_TEE -> {
                int t = locals[local(a)];
                pop(t);
                push(t);
            }
            case GLOBAL_GET -> push(cx.globalType[global(a)]);
            case GLOBAL_SET -> {
                int g = global(a);
                if (!cx.globalMutable[g]) throw fail("global is immutable");
                pop(cx.globalType[g]);
            }
            case TABLE_GET -> {
                int t = cx.tableElem[table(a)];
                pop(I32);
                push(t);
            }
            case TABLE_SET -> {
                int t = cx.tableElem[table(a)];
                pop(t);
                pop(I32);
            }
            case TABLE_GROW -> {
                int t = cx.tableElem[table(a)];
                pop(I32);
                pop(t);
                push(I32);
            }
            case TABLE_FILL -> {
                int t = cx.tableElem[table(a)];
                pop(I32);
                pop(t);
                pop(I32);
            }
            case REF_NULL -> push(valueTypeImmediate(a));
            case REF_IS_NULL -> {
                int t = pop();
                if (t != UNKNOWN && !ModuleContext.isRef(t)) throw fail("type mismatch: ref.is_null needs a reference, got " + ModuleContext.name(t));
                push(I32);
            }
            case REF_FUNC -> {
                int x = function(a);
                if (!cx.declaredRefs[x]) throw fail("undeclared function reference " + x);
                push(FUNCREF);
            }
            default -> {
                checkImmediates(op, i);
                int[] in = SIG_IN[op.ordinal()];
                if (in == null) throw fail("unsupported instruction " + op.text);
                popVals(in);
                pushVals(SIG_OUT[op.ordinal()]);
            }
        }
    }

    /** Index checks of the fixed-signature instructions that have index or alignment immediates. */
    private void checkImmediates(Op op, int i) {
        long a = code.a[i], b = code.b[i];
        switch (op.imm) {
            case MEMARG -> {
                memory(0);
                int natural = Integer.numberOfTrailingZeros(op.width);
                if (b < 0 || b > natural) throw fail("alignment must not be larger than natural");
            }
            case MEMIDX, MEMORY_FILL -> memory(a);
            case MEMORY_COPY -> { memory(a); memory(b); }
            case MEMORY_INIT -> { memory(b); data(a); }
            case DATA -> data(a);
            case ELEM -> elem(a);
            case TABLE -> table(a);
            case TABLE_INIT -> {
                int t = cx.tableElem[table(b)];
                int e = cx.elemType[elem(a)];
                if (t != e) throw fail("type mismatch: table.init of a " + ModuleContext.name(e) + " segment into a " + ModuleContext.name(t) + " table");
            }
            case TABLE_COPY -> {
                int dst = cx.tableElem[table(a)], src = cx.tableElem[table(b)];
                if (dst != src) throw fail("type mismatch: table.copy from " + ModuleContext.name(src) + " to " + ModuleContext.name(dst));
            }
            default -> { }
        }
    }

    private void end(int i, int[] height, int[] end, int[] elseIndex) {
        int f = csp - 1;
        int[] results = cResults[f];
        popVals(results);
        if (sp != cHeight[f]) throw fail("type mismatch: values remaining on the stack at end");
        if (cKind[f] == IF && !Arrays.equals(cParams[f], results)) {
            throw fail("type mismatch: if without else must have equal params and results");
        }
        boolean endLive = cLive[f] || (cKind[f] != LOOP && cTargeted[f]) || (cKind[f] == IF && cEntryLive[f]);
        height[i] = endLive ? cHeight[f] + results.length : -1;
        if (cStart[f] >= 0) end[cStart[f]] = i;
        if (cElse[f] >= 0) {
            end[cElse[f]] = i;
            elseIndex[cStart[f]] = cElse[f];
        }
        csp--;
        pushVals(results);
        if (endLive && sp > maxHeight) maxHeight = sp;
        if (csp > 0) cLive[csp - 1] = endLive;
    }

    private void brTable(int[] labels) {
        pop(I32);
        int m = label(labels[labels.length - 1]);
        int[] mt = labelTypes(m);
        int arity = mt.length;
        boolean live = cLive[csp - 1];
        if (scratch.length < arity) scratch = new int[Math.max(arity, scratch.length * 2)];
        for (int k = 0; k < labels.length - 1; k++) {
            int f = label(labels[k]);
            int[] lt = labelTypes(f);
            if (lt.length != arity) throw fail("type mismatch: br_table labels have different arities");
            for (int j = arity - 1; j >= 0; j--) scratch[j] = pop(lt[j]);
            for (int j = 0; j < arity; j++) push(scratch[j]);
            if (live) cTargeted[f] = true;
        }
        popVals(mt);
        if (live) cTargeted[m] = true;
        unreachable();
    }

    private void requireReturns(int[] calleeResults) {
        if (!Arrays.equals(calleeResults, returns)) throw fail("type mismatch: tail call callee results differ from the caller's");
    }

    // ---- index checks (spec lookup messages "unknown <space> <index>") ----

    private int label(long l) {
        if (l < 0 || l >= csp) throw fail("unknown label " + l);
        return csp - 1 - (int) l;
    }

    private int function(long x) {
        if (x < 0 || x >= cx.funcType.length) throw fail("unknown function " + x);
        return (int) x;
    }

    private int table(long x) {
        if (x < 0 || x >= cx.tableElem.length) throw fail("unknown table " + x);
        return (int) x;
    }

    private void memory(long x) {
        if (x < 0 || x >= cx.memoryCount) throw fail("unknown memory " + x);
    }

    private int local(long x) {
        if (x < 0 || x >= locals.length) throw fail("unknown local " + x);
        return (int) x;
    }

    private int global(long x) {
        if (x < 0 || x >= cx.globalType.length) throw fail("unknown global " + x);
        return (int) x;
    }

    private int elem(long x) {
        if (x < 0 || x >= cx.elemType.length) throw fail("unknown elem segment " + x);
        return (int) x;
    }

    private void data(long x) {
        if (x < 0 || x >= cx.dataSegments) throw fail("unknown data segment " + x);
    }

    private int callIndirectType(long type, long table) {
        int t = cx.tableElem[table(table)];
        if (type < 0 || type >= cx.typeParams.length) throw fail("unknown type " + type);
        if (t != FUNCREF) throw fail("type mismatch: indirect call through a " + ModuleContext.name(t) + " table");
        return (int) type;
    }

    /** Block type immediate (see {@link Op.Imm#BLOCK}): a type index, or -0x40, or -(value type code); encoded as below. */
    private int blockType(long bt) {
        if (bt >= 0) {
            if (bt >= cx.typeParams.length) throw fail("unknown type " + bt);
            return (int) bt;
        }
        if (bt == Code.BLOCK_EMPTY) return -1;
        return -1 - valueTypeImmediate(-bt);
    }

    /** {@code bt} from {@link #blockType}: >= 0 a type index, -1 empty, -1-c a single result of code c. */
    private int[] blockParams(int bt) { return bt >= 0 ? cx.typeParams[bt] : ModuleContext.NO_TYPES; }

    private int[] blockResults(int bt) {
        if (bt >= 0) return cx.typeResults[bt];
        return bt == -1 ? ModuleContext.NO_TYPES : ModuleContext.single(-1 - bt);
    }

    private int valueTypeImmediate(long binaryCode) {
        ValType t = binaryCode > 0 && binaryCode < 0x80 ? ValType.fromCode((int) binaryCode) : null;
        if (t == null) throw fail("malformed value type 0x" + Long.toHexString(binaryCode));
        if (t == ValType.V128) throw fail("SIMD is not supported (v128)");
        return ModuleContext.code(t);
    }

    // ---- the appendix algorithm's stacks ----

    private void push(int t) {
        if (sp == vals.length) vals = Arrays.copyOf(vals, sp * 2);
        vals[sp++] = t;
    }

    private void pushVals(int[] ts) {
        for (int t : ts) push(t);
    }

    private int pop() {
        int f = csp - 1;
        if (sp == cHeight[f]) {
            if (cUnreachable[f]) return UNKNOWN;
            throw fail("type mismatch: operand stack is empty");
        }
        return vals[--sp];
    }

    private int pop(int expect) {
        int actual = pop();
        if (actual != expect && actual != UNKNOWN && expect != UNKNOWN) {
            throw fail("type mismatch: expected " + ModuleContext.name(expect) + ", got " + ModuleContext.name(actual));
        }
        return actual;
    }

    private void popVals(int[] ts) {
        for (int j = ts.length - 1; j >= 0; j--) pop(ts[j]);
    }

    private int[] labelTypes(int f) { return cKind[f] == LOOP ? cParams[f] : cResults[f]; }

    private void pushCtrl(int kind, int[] params, int[] results, int start) {
        if (csp == cKind.length) growCtrl();
        boolean live = csp == 0 || cLive[csp - 1];
        cKind[csp] = kind;
        cParams[csp] = params;
        cResults[csp] = results;
        cHeight[csp] = sp;
        cStart[csp] = start;
        cElse[csp] = -1;
        cUnreachable[csp] = false;
        cEntryLive[csp] = live;
        cLive[csp] = live;
        cTargeted[csp] = false;
        csp++;
        pushVals(params);
    }

    private void unreachable() {
        int f = csp - 1;
        sp = cHeight[f];
        cUnreachable[f] = true;
        cLive[f] = false;
    }

    private void growCtrl() {
        int n = cKind.length * 2;
        cKind = Arrays.copyOf(cKind, n);
        cHeight = Arrays.copyOf(cHeight, n);
        cStart = Arrays.copyOf(cStart, n);
        cElse = Arrays.copyOf(cElse, n);
        cParams = Arrays.copyOf(cParams, n);
        cResults = Arrays.copyOf(cResults, n);
        cUnreachable = Arrays.copyOf(cUnreachable, n);
        cEntryLive = Arrays.copyOf(cEntryLive, n);
        cLive = Arrays.copyOf(cLive, n);
        cTargeted = Arrays.copyOf(cTargeted, n);
    }

    private InvalidModuleException fail(String message) {
        return new InvalidModuleException(message, funcIndex, code.pos[at]);
    }

    private static int[] sigCodes(String s) {
        int[] out = new int[s.length()];
        for (int k = 0; k < s.length(); k++) {
            out[k] = switch (s.charAt(k)) {
                case 'i' -> I32;
                case 'l' -> ModuleContext.I64;
                case 'f' -> ModuleContext.F32;
                case 'd' -> ModuleContext.F64;
                default -> throw new IllegalStateException("bad signature char in " + s);
            };
        }
        return out;
    }
}
