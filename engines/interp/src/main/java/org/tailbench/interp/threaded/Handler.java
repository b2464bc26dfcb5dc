package org.tailbench.interp.threaded;

/**
 * Executes one lowered instruction ({@link org.tailbench.interp.lower.LOp}) of the {@code threaded}
 * engine. There is one final subclass per opcode (or per group of opcodes with one body), named after
 * the opcode, so that profiles and JFR stacks read as opcodes ({@code IntHandlers$I32_ADD.exec}).
 *
 * <p>Handlers keep no state of their own: everything lives in the thread's {@link Machine} (stack
 * pointer, frame base, current function, memory bytes) or is passed in ({@code s}, {@code code},
 * {@code pc}), so one table serves every thread and no instruction allocates.
 */
abstract class Handler {
    /**
     * Executes the instruction at {@code code[pc]}.
     * @param m    the thread's machine; {@code m.sp} is the first free slot of {@code s}
     * @param s    the value stack ({@code m.stack}, passed to save a load per instruction)
     * @param code the current function's code ({@code m.code})
     * @param pc   index of the opcode in {@code code}; its operands follow
     * @return the index of the next instruction in the same frame, {@code ~pc} (negative) for the
     *         next instruction after the frame, code or stack array changed (call, return, host call:
     *         the loop then reloads them from the machine), or {@link Machine#EXIT} when the entry
     *         frame returned to the host
     * @throws org.tailbench.runtime.Trap on a trap, with the machine still describing the trapping frame
     */
    abstract int exec(Machine m, long[] s, int[] code, int pc);
}
