package org.tailbench.wasm.split;

import java.util.Arrays;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.FunctionInfo;

/**
 * One defined function prepared for splitting: its body without dead code, with per instruction the
 * operand-stack types, resolved branch targets and the lowest stack height it touches.
 *
 * <p>Dead code ({@link FunctionInfo#stackHeight()} {@code == -1}, except {@code else}/{@code end}) is
 * dropped first: it never runs, and the validator accepts the code without it (after an unconditional
 * branch the stack is polymorphic up to the block's {@code end}). Without it every remaining instruction
 * has a precise type stack. Types are kept as a persistent linked stack ({@link #top} is the node before
 * each instruction, nodes are never changed), so all stacks together take O(instructions) memory.
 *
 * <p>Labels are named by the clean index of their {@code block}/{@code loop}/{@code if}; the function's
 * own label is {@code -1}.
 */
final class FunctionAnalysis {
    final Module module;
    final int funcIndex;
    final FuncType type;
    /** params then declared locals */
    final ValType[] localTypes;
    /** the dead-code-free body; {@code pos} are the original byte offsets */
    final Code code;
    final int n;
    /** for block/loop/if: index of the matching end; for if: its else or -1 */
    final int[] end, elseAt;
    /** block type of block/loop/if starts */
    final FuncType[] blockType;
    /** true where execution can reach the instruction (false only for some end/else) */
    final boolean[] live;
    /** persistent type stack node before each instruction (-1 = empty) */
    final int[] top;
    /** lowest operand-stack height the instruction reaches at its own block level (blocks: their base) */
    final int[] low;
    /** resolved label ids of br/br_if (one) and br_table (labels then default); null elsewhere */
    final int[][] targets;
    private int[] nodeType = new int[1024], nodeParent = new int[1024], nodeDepth = new int[1024];
    private int nodes;
    private static final ValType[] VT = ValType.values();

    FunctionAnalysis(Module m, int funcIndex, FunctionInfo info) {
        this.module = m;
        this.funcIndex = funcIndex;
        Module.Function f = m.functions.get(funcIndex - m.importedFunctions());
        this.type = m.types.get(f.typeIndex());
        localTypes = new ValType[type.params().length + f.locals().length];
        System.arraycopy(type.params(), 0, localTypes, 0, type.params().length);
        System.arraycopy(f.locals(), 0, localTypes, type.params().length, f.locals().length);
        code = removeDeadCode(f.body(), info);
        n = code.length;
        end = new int[n];
        elseAt = new int[n];
        blockType = new FuncType[n];
        live = new boolean[n];
        top = new int[n];
        low = new int[n];
        targets = new int[n][];
        track(f.body(), info);
    }

    private int[] orig;

    private Code removeDeadCode(Code c, FunctionInfo info) {
        Code.Builder out = new Code.Builder();
        int[] map = new int[c.length + 1];
        int k = 0;
        boolean lastUnconditional = false;
        for (int i = 0; i < c.length; ) {
            Op op = c.opAt(i);
            if (info.stackHeight()[i] == -1 && op != Op.END && op != Op.ELSE) {
                // Dead code after a dead block end is not stack-polymorphic for the validator (only an
                // unconditional instruction makes its own frame so); an unreachable keeps the rest valid.
                if (!lastUnconditional) {
                    out.add(Op.UNREACHABLE, c.pos[i], 0, 0);
                    map[k++] = -1;
                    lastUnconditional = true;
                }
                i = (op == Op.BLOCK || op == Op.LOOP || op == Op.IF) ? info.end()[i] + 1 : i + 1;
                continue;
            }
            lastUnconditional = unconditional(op);
            out.add(op, c.pos[i], c.a[i], c.b[i]);
            map[k++] = i;
            i++;
        }
        orig = Arrays.copyOf(map, k);
        Code built = out.build();
        // br_table immediates index the original label vectors
        return new Code(built.length, built.op, built.pos, built.a, built.b, c.brTables);
    }

    int height(int i) { return top[i] < 0 ? 0 : nodeDepth[top[i]]; }

    /** @return the types of the {@code count} values on top of the stack before instruction {@code i}, bottom first */
    ValType[] stackTop(int i, int count) {
        ValType[] t = new ValType[count];
        int node = top[i];
        for (int k = count - 1; k >= 0; k--) {
            t[k] = VT[nodeType[node]];
            node = nodeParent[node];
        }
        return t;
    }

    /** @return the values a branch to label {@code id} carries */
    ValType[] labelTypes(int id) {
        if (id == -1) return type.results();
        return code.opAt(id) == Op.LOOP ? blockType[id].params() : blockType[id].results();
    }

    private int push(int node, ValType t) {
        if (nodes == nodeType.length) {
            int cap = nodes * 2;
            nodeType = Arrays.copyOf(nodeType, cap);
            nodeParent = Arrays.copyOf(nodeParent, cap);
            nodeDepth = Arrays.copyOf(nodeDepth, cap);
        }
        nodeType[nodes] = t.ordinal();
        nodeParent[nodes] = node;
        nodeDepth[nodes] = node < 0 ? 1 : nodeDepth[node] + 1;
        return nodes++;
    }

    private int push(int node, ValType[] ts) {
        for (ValType t : ts) node = push(node, t);
        return node;
    }

    private int pop(int node, int count) {
        for (int k = 0; k < count; k++) node = nodeParent[node];
        return node;
    }

    private void track(Code original, FunctionInfo info) {
        int[] ctrl = new int[16], base = new int[16];
        int csp = 1;
        ctrl[0] = -1;
        base[0] = -1;
        int node = -1;
        for (int i = 0; i < n; i++) {
            top[i] = node;
            live[i] = orig[i] >= 0 && info.stackHeight()[orig[i]] != -1;
            int h = height(i);
            Op op = code.opAt(i);
            long a = code.a[i];
            switch (op) {
                case BLOCK, LOOP, IF -> {
                    FuncType bt = Code.blockType(module, a);
                    blockType[i] = bt;
                    end[i] = -1;
                    elseAt[i] = -1;
                    int pops = bt.params().length + (op == Op.IF ? 1 : 0);
                    low[i] = h - pops;
                    node = pop(node, pops);
                    if (csp == ctrl.length) { ctrl = Arrays.copyOf(ctrl, csp * 2); base = Arrays.copyOf(base, csp * 2); }
                    ctrl[csp] = i;
                    base[csp++] = node;
                    node = push(node, bt.params());
                }
                case ELSE -> {
                    int s = ctrl[csp - 1];
                    elseAt[s] = i;
                    node = push(base[csp - 1], blockType[s].params());
                    low[i] = h;
                }
                case END -> {
                    low[i] = h;
                    csp--;
                    if (csp == 0) break;
                    int s = ctrl[csp];
                    end[s] = i;
                    node = push(base[csp], blockType[s].results());
                }
                case BR, BR_IF -> {
                    int id = ctrl[csp - 1 - (int) a];
                    targets[i] = new int[] {id};
                    int arity = labelTypes(id).length;
                    low[i] = h - arity - (op == Op.BR_IF ? 1 : 0);
                    node = pop(node, op == Op.BR_IF ? 1 : 0);
                }
                case BR_TABLE -> {
                    int[] labels = code.brTables[(int) a];
                    int[] ids = new int[labels.length];
                    for (int k = 0; k < labels.length; k++) ids[k] = ctrl[csp - 1 - labels[k]];
                    targets[i] = ids;
                    low[i] = h - 1 - labelTypes(ids[ids.length - 1]).length;
                }
                default -> {
                    Effect e = effect(op, i, node);
                    low[i] = h - e.pops;
                    node = pop(node, e.pops);
                    if (e.push != null) node = push(node, e.push);
                }
            }
        }
    }

    private record Effect(int pops, ValType[] push) {}

    private static final ValType[] NONE = new ValType[0];
    private static final Effect[] FIXED = new Effect[Op.count()];
    static {
        for (Op op : Op.values()) {
            if (op.signature == null) continue;
            int colon = op.signature.indexOf(':');
            String out = op.signature.substring(colon + 1);
            ValType[] push = new ValType[out.length()];
            for (int k = 0; k < push.length; k++) {
                push[k] = switch (out.charAt(k)) {
                    case 'i' -> ValType.I32; case 'l' -> ValType.I64; case 'f' -> ValType.F32; default -> ValType.F64;
                };
            }
            FIXED[op.ordinal()] = new Effect(colon, push);
        }
    }

    private Effect effect(Op op, int i, int node) {
        long a = code.a[i];
        return switch (op) {
            case UNREACHABLE -> new Effect(0, NONE);
            case RETURN -> new Effect(type.results().length, NONE);
            case CALL -> {
                FuncType t = module.functionType((int) a);
                yield new Effect(t.params().length, t.results());
            }
            case CALL_INDIRECT -> {
                FuncType t = module.types.get((int) a);
                yield new Effect(t.params().length + 1, t.results());
            }
            case RETURN_CALL -> new Effect(module.functionType((int) a).params().length, NONE);
            case RETURN_CALL_INDIRECT -> new Effect(module.types.get((int) a).params().length + 1, NONE);
            case DROP -> new Effect(1, NONE);
            case SELECT -> new Effect(3, new ValType[] {VT[nodeType[nodeParent[node]]]});
            case SELECT_T -> new Effect(3, new ValType[] {ValType.fromCode((int) a)});
            case LOCAL_GET -> new Effect(0, new ValType[] {localTypes[(int) a]});
            case LOCAL_SET -> new Effect(1, NONE);
            case LOCAL_TEE -> new Effect(1, new ValType[] {localTypes[(int) a]});
            case GLOBAL_GET -> new Effect(0, new ValType[] {module.globalType((int) a).type()});
            case GLOBAL_SET -> new Effect(1, NONE);
            case TABLE_GET -> new Effect(1, new ValType[] {module.tableType((int) a).elemType()});
            case TABLE_SET -> new Effect(2, NONE);
            case TABLE_GROW -> new Effect(2, new ValType[] {ValType.I32});
            case TABLE_FILL -> new Effect(3, NONE);
            case REF_NULL -> new Effect(0, new ValType[] {ValType.fromCode((int) a)});
            case REF_IS_NULL -> new Effect(1, new ValType[] {ValType.I32});
            case REF_FUNC -> new Effect(0, new ValType[] {ValType.FUNCREF});
            default -> {
                Effect e = FIXED[op.ordinal()];
                if (e == null) throw new IllegalStateException("no stack effect for " + op.text);
                yield e;
            }
        };
    }

    /** @return true when {@code op} never falls through to the next instruction */
    static boolean unconditional(Op op) {
        return switch (op) {
            case BR, BR_TABLE, RETURN, UNREACHABLE, RETURN_CALL, RETURN_CALL_INDIRECT -> true;
            default -> false;
        };
    }

    /** @return true when execution can continue after the item starting at {@code i} */
    boolean fallsThrough(int i) {
        Op op = code.opAt(i);
        if (op == Op.BLOCK || op == Op.LOOP || op == Op.IF) return live[end[i]];
        return !unconditional(op);
    }

    /** @return the index just past the item starting at {@code i} (a whole block for block/loop/if) */
    int itemEnd(int i) {
        Op op = code.opAt(i);
        return (op == Op.BLOCK || op == Op.LOOP || op == Op.IF) ? end[i] + 1 : i + 1;
    }
}
