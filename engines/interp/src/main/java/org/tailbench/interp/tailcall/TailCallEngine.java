package org.tailbench.interp.tailcall;

import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.rt.LoweredModule;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The {@code tailcall} interpreter: the shape of CPython 3.14's tail-calling interpreter
 * ({@code Python/generated_cases}, handlers marked {@code musttail}, CPython gh-128563) on a JVM that
 * has no guaranteed tail calls. Functions are lowered once ({@link Lowerer}, the same code the
 * {@code switch} engine runs, so a comparison isolates dispatch) and, on first call, decoded into
 * {@link Instr} objects, each bound to its handler, its operands and its successors. A handler
 * performs its instruction and hands control directly to the next one: {@code return next.exec(m,
 * s, sp, fp)}. Every such handoff pushes a Java frame, so handoffs are periodically routed through a
 * {@link Bounce}, which returns to the trampoline ({@link Machine}'s loop {@code while (i != null)
 * i = i.exec(...)}) and unwinds the chain.
 *
 * <p><b>Bounce policy.</b> Number the instructions of a function 0, 1, 2 ... in code order and cut
 * them into segments of N consecutive instructions. A handoff from instruction {@code a} to
 * instruction {@code b}, by fall-through or by a taken branch, is a direct call only when
 * {@code b > a} and {@code a} and {@code b} lie in the same segment; otherwise it bounces. Hence:
 * <ul>
 *   <li>every backward branch (each loop iteration) bounces, and so does every forward branch or
 *       fall-through that crosses a segment boundary, i.e. straight-line code bounces at least once
 *       every N instructions;</li>
 *   <li>calls, tail calls and returns always bounce: they change the Wasm frame (explicit frame stack,
 *       see {@link Machine}) and hand the callee's first instruction, or the caller's continuation,
 *       to the trampoline, so Wasm recursion and {@code return_call} chains run in constant Java
 *       stack;</li>
 *   <li>calls to host functions (or other engines' functions) are ordinary Java calls from the
 *       handler, after which the chain continues.</li>
 * </ul>
 * The decision is made once, at decode time, by pointing {@code next}/{@code target} at either the
 * successor or a {@link Bounce} wrapping it, so a handler pays nothing for the policy (no depth
 * counter): the cost of bouncing is one extra virtual call and trampoline iteration per bounce, and
 * the benefit of a larger N is fewer of them in long straight-line code.
 *
 * <p><b>N</b> is the engine option {@code tailcall.bounce} (system property {@value Decoder#INTERVAL_PROPERTY}; default
 * {@value Decoder#DEFAULT_INTERVAL}, read once per JVM when the engine's classes load, 1..65536). Since a
 * chain visits strictly increasing instructions of one segment, it runs at most N handlers, so the
 * worst-case Java stack of one Wasm activation from the host is the trampoline plus at most N handler
 * frames, plus one {@link Bounce} or a constant few frames of call/return helpers (and on a first call
 * the decoder) on top. A host function called from Wasm runs above that; if it re-enters Wasm, a
 * nested trampoline adds the same bound again. A {@link StackOverflowError} (only possible through
 * unbounded host re-entrance or a tiny -Xss) becomes the {@code call stack exhausted} trap.
 */
public final class TailCallEngine implements Engine {
    @Override public String name() { return "tailcall"; }

    @Override public int order() { return 30; }

    @Override public String description() {
        return "interpreter: pre-decoded instruction objects, handlers tail-call the next handler, trampoline bounce every "
                + Decoder.INTERVAL + " instrs / back-edge / call";
    }

    @Override public CompiledModule compile(ValidatedModule module) {
        return LoweredModule.lower(module, name(), TailCallFunction[]::new, TailCallFunction::new);
    }

    @Override public org.tailbench.runtime.FrameAttribution frameAttribution(ValidatedModule module) { return TailCallAttribution.INSTANCE; }
}
