package org.tailbench.nativ;

import org.tailbench.nativ.x64.Reg;

/**
 * The internal calling convention and VM-context layout, as data (see the module README's frame picture).
 *
 * <ul>
 *   <li>Arguments: pushed by the caller in order (argument 0 first, at the highest address); the callee
 *       pops them when it returns ({@code ret 8*n}, callee-pops), so a tail call can reuse the area.</li>
 *   <li>Results: result 0 in {@link #RESULT} (rax), results 1.. in the context's results area at
 *       {@link #RESULTS} + 8*i (the entry stub stores rax there as result 0 for the host; upcalls write all
 *       their results there).</li>
 *   <li>Pinned: {@link #CTX} holds the VM context, {@link #MEM_BASE} memory 0's base address; {@link #FP} chains frames.</li>
 *   <li>Callee-saved: {@link #LOCAL_REGS} hold a function's most used integer locals; a function that writes one
 *       saves it in its frame first and restores it before returning or tail-calling, so they survive calls.
 *       Every other register is caller-saved (the operand stack is flushed at calls). Around an upcall the
 *       ones Java or the upcall sequence may clobber ({@link #UPCALL_CLOBBERED}) are saved in the frame.</li>
 *   <li>Values: one 64-bit slot each (i32/f32 in the low 32 bits, f64/i64 raw bits, references as store addresses, null -1).</li>
 * </ul>
 */
public final class Abi {
    private Abi() {}

    public static final int CTX = Reg.R14, MEM_BASE = Reg.R15, FP = Reg.RBP, SP = Reg.RSP;
    /** result 0 register; scratch registers the code generator uses between instructions */
    public static final int RESULT = Reg.RAX, SCRATCH0 = Reg.RAX, SCRATCH1 = Reg.RCX, SCRATCH2 = Reg.RDX;
    /** caller-saved registers that hold operand-stack values */
    public static final int[] VALUE_REGS = {Reg.RSI, Reg.RDI, Reg.R8, Reg.R11};
    /** callee-saved registers (internal convention) that hold register-allocated locals, in order of preference */
    public static final int[] LOCAL_REGS = {Reg.RBX, Reg.R12, Reg.R13, Reg.R10, Reg.R9};
    /**
     * {@link #LOCAL_REGS} an upcall does not preserve: r9/r10 are caller-saved in SysV, rbx holds the Wasm stack
     * pointer inside the upcall sequence; generated code saves and restores these around every upcall.
     */
    public static final int[] UPCALL_CLOBBERED = {Reg.RBX, Reg.R9, Reg.R10};

    // ---- VM context (native memory, one per instance), byte offsets ----
    public static final int C_MEM_BASE = 0, C_MEM_SIZE = 8, C_STACK_LIMIT = 16, C_SAVED_SP = 24, C_DEPTH = 32, C_MAX_DEPTH = 40,
            C_UPCALL = 48, C_TRAP_KIND = 56, C_TRAP_FP = 64, C_TRAP_PC = 72, C_WASM_SP = 80, C_TABLES = 88, C_FUNCREFS = 96,
            C_THREAD_LIMIT = 104;
    /** results (and entry arguments, and tail-call staging) area: 8 bytes per value */
    public static final int RESULTS = 128;

    /** @return the byte offset of the globals area in a context whose results area holds {@code maxValues} values */
    public static int globalsOffset(int maxValues) { return RESULTS + 8 * Math.max(8, maxValues); }

    /** Frame: parameter {@code i} of {@code n} lies above the return address (pushed first = highest). */
    public static int paramOffset(int i, int n) { return 16 + 8 * (n - 1 - i); }
    /** declared local {@code j} (0-based after the parameters) below the saved frame pointer */
    public static int localOffset(int j) { return -8 * (1 + j); }
    /** the home slot of operand-stack height {@code h} in a function with {@code declaredLocals} */
    public static int slotOffset(int declaredLocals, int h) { return -8 * (1 + declaredLocals + h); }

    /** Upcall kinds (the generated code's calls into Java, {@link NativeContext#upcall}). */
    public static final int UP_CALL_IMPORT = 1, UP_CALL_INDIRECT = 2, UP_MEMORY_GROW = 3, UP_MEMORY_FILL = 4, UP_MEMORY_COPY = 5,
            UP_MEMORY_INIT = 6, UP_DATA_DROP = 7, UP_TABLE_GET = 8, UP_TABLE_SET = 9, UP_TABLE_SIZE = 10, UP_TABLE_GROW = 11,
            UP_TABLE_FILL = 12, UP_TABLE_COPY = 13, UP_TABLE_INIT = 14, UP_ELEM_DROP = 15, UP_BACKTRACE = 17;

    /** Entry-stub status codes: 0 returned normally, 1 + {@link org.tailbench.runtime.TrapKind#ordinal()} trapped, {@link #PENDING} a host exception is pending. */
    public static final int PENDING = 100;
    /** Table mirror entry: type id (-1 null, -2 a function of another instance / the host), then code address. */
    public static final long NULL_ENTRY = -1, FOREIGN_ENTRY = -2;
}
