package org.tailbench.interp.tailcall;

/**
 * An instruction that may push a Wasm frame; the frame stack remembers it so that the callee's return
 * resumes at {@link #after} and a backtrace can name the call.
 */
abstract class CallInstr extends Instr {
    /** the instruction after the call, unrouted (returns always come back through the trampoline) */
    Instr after;
}
