package org.tailbench.interp.tailcall;

import java.util.Arrays;
import org.tailbench.interp.rt.Calls;
import org.tailbench.interp.rt.LoweredFunctionInstance;
import org.tailbench.interp.rt.MachineState;
import org.tailbench.interp.rt.Stacks;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * One thread's execution state for the {@code tailcall} engine, and its trampoline ({@link #run}).
 *
 * <p>The value stack {@link #stack} ({@link MachineState}, shared with {@code threaded}) holds each frame's
 * locals followed by its operand stack; Wasm frames live on an explicit frame stack ({@link #calls},
 * {@link #fps}, {@link #fns}: the call instruction to resume after, the caller's frame base, the caller), so
 * Wasm calls between functions of this engine, even across instances, never recurse on the Java stack, and
 * {@code return_call*} reuse the current frame. A {@code fns} entry of null marks a return to the host. A re-entrant call
 * (host → Wasm → host → Wasm) runs a nested trampoline on top of the same stacks;
 * {@link #invoke} saves and restores the outer one's registers around it.
 *
 * <p>Registers: handlers carry {@code sp} and {@code fp} as arguments; {@link #sp} is only current
 * when control is back in the trampoline (stored by a {@link Bounce}, a call or a return), while
 * {@link #fp} and {@link #cur} always describe the executing frame.
 */
final class Machine extends MachineState {
    private static final ThreadLocal<Machine> MACHINE = ThreadLocal.withInitial(Machine::new);

    /** the executing function */
    TailCallFunction cur;
    /** the instruction that raised the trap being thrown, or null when unknown */
    Instr fault;
    /** frame stack (with {@link #fps}): for the caller of frame {@code d + 1}, its call instruction and function */
    CallInstr[] calls = new CallInstr[64];
    TailCallFunction[] fns = new TailCallFunction[64];

    /**
     * Runs {@code f} from the host on this thread's machine and restores the machine however it ends.
     * @throws Trap on a trap, with the Wasm backtrace; a Java stack overflow (deep host re-entrance)
     *              becomes {@link TrapKind#CALL_STACK_EXHAUSTED}
     */
    static long[] invoke(TailCallFunction f, long[] args) {
        Machine m = MACHINE.get();
        int sp0 = m.sp, fp0 = m.fp, depth0 = m.depth, max0 = m.maxDepth;
        TailCallFunction cur0 = m.cur;
        boolean jfr = WasmJfr.enter("tailcall", m);
        try {
            return m.run(f, args);
        } catch (StackOverflowError e) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        } finally {
            m.sp = sp0; m.fp = fp0; m.depth = depth0; m.maxDepth = max0; m.cur = cur0;
            if (jfr) WasmJfr.exit(m);
            f.ctx.tailCalls.invocationEnded();
        }
    }

    /** Counts a tail call made by {@link #cur} for the JFR event {@code tailbench.TailCalls} (call only when it is on). */
    void countTailCall() { cur.ctx.tailCalls.count(cur.fn.functionIndex()); }

    @Override public int innermostFunction() { return LoweredFunctionInstance.functionIndexOf(cur); }

    @Override public int stack(int[] out) { return LoweredFunctionInstance.wasmStack(cur, fns, depth, out); }

    /** The trampoline: pushes the entry frame, then runs chains of handlers until the entry frame returns. */
    private long[] run(TailCallFunction entry, long[] args) {
        maxDepth = entry.ctx.store.maxCallDepth();
        int d = depth;
        if (d >= maxDepth) throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        if (d >= fns.length) growFrames();
        fns[d] = null;
        calls[d] = null;
        fps[d] = fp;
        depth = d + 1;
        int base = sp;
        ensure((long) base + entry.frameSize);
        System.arraycopy(args, 0, stack, base, args.length);
        fault = null;
        Instr i = enter(entry, base, base + args.length);
        try {
            while (i != null) i = i.exec(this, stack, sp, fp);
        } catch (Trap t) {
            addFrames(t);
            throw t;
        }
        return Arrays.copyOfRange(stack, fp, sp);
    }

    /** Appends this run's active frames to {@code t}, innermost first. */
    private void addFrames(Trap t) {
        Instr at = fault;
        fault = null;
        t.addFrame(Calls.frame(cur.fn, at != null ? at.pc : -1));
        for (int d = depth - 1; d >= 0 && fns[d] != null; d--) t.addFrame(Calls.frame(fns[d].fn, calls[d].pc));
    }

    /**
     * A call from {@code site} (in {@link #cur}, frame {@code fp}) with the arguments on top of the
     * stack: pushes a frame and returns the callee's first instruction to the trampoline.
     * @throws Trap CALL_STACK_EXHAUSTED beyond {@link #maxDepth} frames
     */
    Instr call(TailCallFunction callee, CallInstr site, int sp, int fp) {
        int d = depth;
        if (d >= maxDepth) throw site.trap(this, TrapKind.CALL_STACK_EXHAUSTED);
        if (d >= fns.length) growFrames();
        calls[d] = site;
        fps[d] = fp;
        fns[d] = cur;
        depth = d + 1;
        return enter(callee, sp - callee.paramCount, sp);
    }

    /** {@code return_call}: moves the arguments down to {@code fp}, replacing the current frame. */
    Instr tailCall(TailCallFunction callee, int sp, int fp) {
        if (WasmJfr.countTailCalls()) countTailCall();
        int np = callee.paramCount;
        System.arraycopy(stack, sp - np, stack, fp, np);
        return enter(callee, fp, fp + np);
    }

    /** Makes {@code callee}'s frame at {@code fp} (arguments already in place up to {@code sp}) current. */
    private Instr enter(TailCallFunction callee, int fp, int sp) {
        long[] s = stack;
        if ((long) fp + callee.frameSize > s.length) s = ensure((long) fp + callee.frameSize);
        long[] init = callee.localInit;
        for (int k = 0; k < init.length; k++) s[sp++] = init[k];
        this.sp = sp;
        this.fp = fp;
        cur = callee;
        Instr e = callee.entry;
        return e != null ? e : callee.decode();
    }

    /**
     * Returns the top {@code n} values of the frame at {@code fp} to the caller.
     * @return the instruction after the caller's call, or null when the caller is the host
     */
    Instr ret(int n, long[] s, int sp, int fp) {
        for (int k = 0; k < n; k++) s[fp + k] = s[sp - n + k];
        this.sp = fp + n;
        int d = --depth;
        TailCallFunction caller = fns[d];
        if (caller == null) return null;
        cur = caller;
        this.fp = fps[d];
        return calls[d].after;
    }

    /** Grows the value stack to at least {@code needed} slots and returns it. */
    long[] ensure(long needed) { return needed <= stack.length ? stack : growStack(needed); }

    private void growFrames() {
        int cap = Stacks.framesCapacity(fns.length, maxDepth);
        calls = Arrays.copyOf(calls, cap);
        fps = Arrays.copyOf(fps, cap);
        fns = Arrays.copyOf(fns, cap);
    }
}
