package org.tailbench.interp.tailcall;

import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * One pre-decoded instruction of the {@code tailcall} engine: a handler bound to its operands (final
 * fields of the subclass) and to its successor(s). {@link #exec} performs the instruction and then
 * hands control directly to the next handler with {@code return next.exec(m, s, sp', fp)}: the
 * tail-call shape of CPython 3.14's {@code musttail} handlers. The JVM does not eliminate these
 * calls, so every handoff pushes a Java frame; {@link Decoder} routes some handoffs through a
 * {@link Bounce} instead, which unwinds the chain back to the trampoline in {@link Machine#run} (see
 * {@link TailCallEngine} for the bounce policy and the resulting stack bound).
 *
 * <p>Registers travel as arguments, so HotSpot keeps them in machine registers along a chain:
 * {@code s} the value stack ({@link Machine#stack}), {@code sp} its first free slot, {@code fp} the
 * current frame base (local 0). Whatever leaves the chain (a bounce, a call, a return) stores them in
 * the {@link Machine} first.
 */
abstract class Instr {
    /** index of this instruction's opcode in the lowered code, for trap backtraces; -1 for a bounce */
    int pc = -1;
    /** the fall-through successor (possibly a {@link Bounce}); null after the last instruction */
    Instr next;

    /**
     * Executes this instruction and, by direct handoff, its successors up to the next bounce, call or
     * return.
     * @return the instruction the trampoline runs next ({@link Machine#sp} / {@link Machine#fp} hold
     *         the registers for it), or null when the entry frame of the current run returned
     * @throws Trap on a trap, after recording the trapping instruction in {@link Machine#fault}
     */
    abstract Instr exec(Machine m, long[] s, int sp, int fp);

    /** Resolves branch targets once every instruction of the function exists (see {@link Decoder}). */
    void link(Decoder.Linker l) {}

    /** @return a new trap of {@code kind}, this instruction being recorded as where it happened */
    final Trap trap(Machine m, TrapKind kind) {
        m.fault = this;
        return new Trap(kind);
    }

    /** @return {@code t}, after recording this instruction as where it happened */
    final Trap fault(Machine m, Trap t) {
        m.fault = this;
        return t;
    }
}
