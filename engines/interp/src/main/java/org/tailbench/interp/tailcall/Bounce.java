package org.tailbench.interp.tailcall;

/**
 * A handoff that returns to the trampoline instead of calling the next handler: it stores the
 * registers in the {@link Machine} and returns {@link #to}, which unwinds the Java frames of the
 * current chain. {@link Decoder} places one wherever the bounce policy ({@link TailCallEngine}) says.
 */
final class Bounce extends Instr {
    final Instr to;

    Bounce(Instr to) { this.to = to; }

    @Override Instr exec(Machine m, long[] s, int sp, int fp) {
        m.sp = sp;
        return to;
    }
}
