package org.tailbench.aot;

import org.tailbench.wasm.Code;
import org.tailbench.wasm.Op;

/**
 * Estimates the JVM bytecode bytes {@link FunctionGen} emits per Wasm instruction (line-number labels
 * cost no bytecode). Shaped as the splitter's size model ({@code FunctionSplitter.SizeModel}:
 * {@code int bytecodeBytes(Code code, int instr)}), so a split pass can be given {@code BytecodeSize::estimate}.
 * Upper-leaning: branches that must spill carried values cost more than estimated only for very deep stacks.
 */
public final class BytecodeSize {
    private BytecodeSize() {}

    /** JVM method size limit (JVMS §4.7.3 code_length < 65536). */
    public static final int JVM_METHOD_LIMIT = 65535;
    /** C2 does not compile methods larger than this (-XX:HugeMethodLimit default, with DontCompileHugeMethods). */
    public static final int HUGE_METHOD_LIMIT = 8000;
    /** prologue (depth check, slow path, memory view) plus zeroing of locals, per method */
    public static final int PROLOGUE = 40;
    /**
     * A load or store written out by {@link ArrayAccessGen}: bounds check (~20 B), VarHandle or array access
     * (~10 B), the value through a scratch local for stores, wide forms for slots above 255.
     */
    public static final int INLINE_ACCESS = 48;
    /** A load or store as a call of an {@code rt.ArrayMemoryOps} / {@code rt.MemoryOps} helper (offset, view, invokestatic). */
    public static final int HELPER_ACCESS = 7;

    /** the last body asked about, in which form, and the answer ({@link #writesAccessesOut}: the size model asks per instruction) */
    private record Decision(java.lang.ref.WeakReference<Code> code, boolean frameForm, boolean out) {}
    private static final ThreadLocal<Decision> LAST = new ThreadLocal<>();

    /**
     * Whether a method generated from {@code code} in the frame strategy's array form writes its loads and stores out:
     * {@link #writesAccessesOut(Code, boolean)} with every local access in that (larger) form. The split planner asks
     * this, since it does not know yet which pieces will be frame pieces.
     */
    public static boolean writesAccessesOut(Code code) {
        return writesAccessesOut(code, true);
    }

    /**
     * Whether the method generated from {@code code} writes its loads and stores out ({@link ArrayAccessGen}) rather than
     * calling the helpers: when {@link ArrayAccessGen#INLINE}, the helpers would use up C2's inlining budget
     * ({@link #exhaustsInliningBudget}; not asked in mode {@code always}) and the body, with every access at {@link #INLINE_ACCESS}
     * and every local access as it is generated ({@code frameForm}: the frame strategy's array form,
     * {@link #estimateFrame}; otherwise JVM locals, {@link #estimate}), stays under {@link #HUGE_METHOD_LIMIT}. A larger
     * body (a split piece of CPython's interpreter loop) keeps the helper calls. Decided on the body that is generated,
     * so a split piece decides for itself, and every method stays under the limit by this check.
     */
    public static boolean writesAccessesOut(Code code, boolean frameForm) {
        if (!ArrayAccessGen.INLINE) return false;
        Decision last = LAST.get();
        if (last != null && last.code().get() == code && last.frameForm() == frameForm) return last.out();
        int n = PROLOGUE;
        for (int i = 0; i < code.length && n <= HUGE_METHOD_LIMIT; i++) {
            Op op = code.opAt(i);
            n += op.isMemoryAccess() ? INLINE_ACCESS : frameForm ? switch (op) {
                case LOCAL_GET, LOCAL_SET, LOCAL_TEE, CALL -> estimateFrame(code, i);
                default -> estimate(code, i);
            } : estimate(code, i);
        }
        boolean out = n <= HUGE_METHOD_LIMIT && (ArrayAccessGen.ALWAYS || exhaustsInliningBudget(code));
        LAST.set(new Decision(new java.lang.ref.WeakReference<>(code), frameForm, out));
        return out;
    }

    /** Bytecode bytes of C2's inlining budget one helper access spends when inlined: the {@code ArrayMemoryOps} helper,
     *  {@code ea} and the VarHandle chain (LogCompilation of nbody's {@code main}, engines/aot/README.md "Steady state"). */
    static final int HELPER_INLINED_BYTES = 274;
    /** C2's {@code DesiredMethodLimit}: inlined bytecode per compilation above which ordinary callees are not inlined */
    static final int DESIRED_METHOD_LIMIT = 8000;

    /**
     * Whether the helper calls of {@code code}'s loads and stores alone would use up C2's inlining budget
     * ({@link #DESIRED_METHOD_LIMIT}): its own size with helper calls plus {@link #HELPER_INLINED_BYTES} per access.
     * Only then are accesses written out: in a method below the budget C2 inlines the helpers anyway, and writing them
     * out only makes the method larger (CPython's small functions: py_pystone and py_go 16–17 % slower, JMH, when every
     * method that fit wrote its accesses out).
     */
    static boolean exhaustsInliningBudget(Code code) {
        long n = PROLOGUE;
        for (int i = 0; i < code.length && n <= DESIRED_METHOD_LIMIT; i++) {
            Op op = code.opAt(i);
            n += op.isMemoryAccess() ? HELPER_ACCESS + HELPER_INLINED_BYTES : estimate(code, i);
        }
        return n > DESIRED_METHOD_LIMIT;
    }

    /** @return estimated bytecode bytes for instruction {@code instr} of {@code code} */
    public static int estimate(Code code, int instr) {
        Op op = code.opAt(instr);
        return switch (op) {
            case NOP, BLOCK, LOOP, END, ELSE -> 0;
            case UNREACHABLE -> 4;
            case IF, BR_IF, BR -> 3;
            case BR_TABLE -> brTable(code.brTables[(int) code.a[instr]]);
            case RETURN -> 12;
            case CALL -> 22;
            case CALL_INDIRECT, RETURN_CALL, RETURN_CALL_INDIRECT -> 24;
            case DROP -> 1;
            case SELECT, SELECT_T -> 9;
            // from FunctionGen.ARRAY_LOCALS_FROM on, declared locals are frame-array elements: aload, sipush,
            // laload, convert / convert, lstore, aload, sipush, lload, lastore, in wide forms (slots above 255)
            case LOCAL_GET -> code.a[instr] < 4 ? 1 : code.a[instr] < FunctionGen.ARRAY_LOCALS_FROM ? 2 : 12;
            case LOCAL_SET -> code.a[instr] < 4 ? 1 : code.a[instr] < FunctionGen.ARRAY_LOCALS_FROM ? 2 : 20;
            case LOCAL_TEE -> code.a[instr] < FunctionGen.ARRAY_LOCALS_FROM ? 3 : 22;
            case GLOBAL_GET -> 10;
            case GLOBAL_SET -> 8;
            case I32_CONST, F32_CONST -> 3;
            case I64_CONST, F64_CONST -> 3;
            case MEMORY_GROW -> 14;
            case MEMORY_SIZE -> 5;
            default -> {
                if (op.isMemoryAccess()) yield writesAccessesOut(code) ? INLINE_ACCESS : HELPER_ACCESS;
                if (NumericGen.isComparison(op)) yield 9;
                if (op.signature != null && op.signature.length() == 4 && op.imm == Op.Imm.NONE) yield 3;
                yield 6;
            }
        };
    }

    /**
     * The estimate under the frame strategy: every local access is a frame-array element (as from
     * {@link FunctionGen#ARRAY_LOCALS_FROM} on), and a call may first store the frame into the context (6 B).
     */
    public static int estimateFrame(Code code, int instr) {
        return switch (code.opAt(instr)) {
            case LOCAL_GET -> 12;   // aload, sipush, laload, l2i (wide forms); leans high like the rest
            case LOCAL_SET -> 20;   // i2l, lstore, aload, sipush, lload, lastore
            case LOCAL_TEE -> 22;
            case CALL -> 28;
            default -> estimate(code, instr);
        };
    }

    /**
     * {@link BrTableGen}: up to {@link BrTableGen#BIG_BR_TABLE} entries a tableswitch (4 B per entry), above that
     * a string-constant lookup and a tableswitch over the distinct targets; plus a branch stub (~5 B) per
     * distinct target. So a wide table whose entries mostly go to one label (a shared-frame piece's replay of
     * an interpreter's dispatch, see the splitter's BRT exits) costs by its distinct targets.
     */
    static int brTable(int[] depths) {
        int n = depths.length - 1;
        java.util.BitSet seen = new java.util.BitSet();
        int distinct = 0;
        for (int d : depths) if (!seen.get(d)) { seen.set(d); distinct++; }
        return n <= BrTableGen.BIG_BR_TABLE ? 16 + 4 * n + 5 * distinct
                : 40 + 12 * (n / BrTableGen.CHUNK + 1) + 9 * distinct;
    }

    /** @return the estimate for a whole function body */
    public static int estimate(Code code) {
        int n = PROLOGUE;
        for (int i = 0; i < code.length; i++) n += estimate(code, i);
        return n;
    }
}
