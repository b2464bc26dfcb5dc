package org.tailbench.interp.threaded;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.tailbench.interp.rt.Calls;
import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.interp.rt.LoweredFunctionInstance;
import org.tailbench.interp.rt.MachineState;
import org.tailbench.interp.rt.Stacks;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * One thread's execution state for the {@code threaded} engine, and its dispatch loop
 * {@code pc = TABLE[code[pc]].exec(this, stack, code, pc)}: the JVM's nearest analogue of
 * direct-threaded code / computed goto. The handler table ({@link Handlers#TABLE}) is indexed by the
 * lowered opcode; each {@link Handler} executes one instruction and returns the next position.
 *
 * <p>What this measures and what keeps it fast on HotSpot:
 * <ul>
 *   <li>The call site in {@link #dispatch} reaches about 130 handler classes (one per opcode; aliases
 *       and the grouped rare opcodes share one), and any real program uses far more than the two
 *       receiver types C2 profiles, so it is compiled as a megamorphic virtual call: load the handler's
 *       class, load the vtable entry, indirect call. That indirect branch per instruction (predicted by
 *       the CPU from the history of previous targets, as with computed goto) is exactly what this
 *       engine exists to compare with the {@code switch} engine's single {@code tableswitch}; handler
 *       bodies are small and each is compiled on its own (C2 inlines one into the loop only when it
 *       dominates the profile). {@link Handler} is an abstract class, not an interface, so the call
 *       is a vtable call rather than a slower itable search.</li>
 *   <li>The machine registers ({@link #sp}, {@link #fp}: {@link MachineState}, shared with {@code tailcall}; the
 *       current function, memory bytes) live in fields of this per-thread object, since the megamorphic call
 *       prevents the JIT from keeping them in registers across instructions; each handler loads and stores the few it needs. The value
 *       stack and the code array are passed as arguments instead (register-passed under HotSpot's
 *       calling convention), and the loop only reloads them when a handler signals a frame change by
 *       returning a negative {@code ~pc}: one sign test per instruction serves both that and exit.</li>
 *   <li>Handlers are immutable and shared by all threads; nothing allocates per instruction, and
 *       the rare instructions delegate to the same {@code rt} helpers as {@code switch}, so both
 *       engines run identical lowered code and differ only in dispatch.</li>
 * </ul>
 *
 * <p>Wasm frames live on an explicit frame stack ({@link #retPc}, {@link #fps}, {@link #fns}); calls
 * between functions of this engine, even across instances, never recurse on the Java stack, and
 * {@code return_call*} reuse the current frame. A re-entrant call (host → Wasm → host → Wasm) runs a
 * nested loop on top of the same stacks; {@link #invoke} saves and restores the outer loop's
 * registers. A {@code fns} entry of null marks a return to the host.
 */
final class Machine extends MachineState {
    /** Returned by a handler when the entry frame of the current loop returned. */
    static final int EXIT = Integer.MIN_VALUE;
    private static final ThreadLocal<Machine> MACHINE = ThreadLocal.withInitial(Machine::new);

    /** the executing function, and its context, code and constants */
    ThreadedFunction cur;
    InstanceContext<ThreadedFunction> ctx;
    int[] code;
    long[] consts;
    /** the current instance's memory 0 (null when it has none) and its bytes, reloaded after calls and grow */
    Memory memory;
    MemorySegment mem = Memory.EMPTY;
    /** frame stack (with {@link #fps}): for the caller of frame {@code d + 1}, its return pc and function */
    int[] retPc = new int[64];
    ThreadedFunction[] fns = new ThreadedFunction[64];

    private Machine() {}

    /**
     * Runs {@code f} from the host on this thread's machine and restores the machine however it ends.
     * @throws Trap on a trap, with the Wasm backtrace of this loop appended
     */
    static long[] invoke(ThreadedFunction f, long[] args) {
        Machine m = MACHINE.get();
        int sp0 = m.sp, fp0 = m.fp, depth0 = m.depth, max0 = m.maxDepth;
        ThreadedFunction cur0 = m.cur;
        InstanceContext<ThreadedFunction> ctx0 = m.ctx;
        int[] code0 = m.code;
        long[] consts0 = m.consts;
        Memory memory0 = m.memory;
        boolean jfr = WasmJfr.enter("threaded", m);
        try {
            m.maxDepth = f.ctx.store.maxCallDepth();
            return m.run(f, args);
        } catch (StackOverflowError e) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        } finally {
            m.sp = sp0; m.fp = fp0; m.depth = depth0; m.maxDepth = max0;
            m.cur = cur0; m.ctx = ctx0; m.code = code0; m.consts = consts0;
            m.memory = memory0;
            m.mem = bytes(memory0);
            if (jfr) WasmJfr.exit(m);
            f.ctx.tailCalls.invocationEnded();
        }
    }

    /** Counts a tail call made by {@link #cur} for the JFR event {@code tailbench.TailCalls} (call only when it is on). */
    private void countTailCall() { ctx.tailCalls.count(cur.fn.functionIndex()); }

    @Override public int innermostFunction() { return LoweredFunctionInstance.functionIndexOf(cur); }

    @Override public int stack(int[] out) { return LoweredFunctionInstance.wasmStack(cur, fns, depth, out); }

    static MemorySegment bytes(Memory memory) { return memory == null ? Memory.EMPTY : memory.segment(); }

    private long[] run(ThreadedFunction entry, long[] args) {
        if (depth >= maxDepth) throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        if (depth >= fns.length) growFrames();
        fns[depth++] = null;   // marks the return to the host
        int base = sp;
        long[] s = stack;
        if ((long) base + entry.frameSize > s.length) s = growStack((long) base + entry.frameSize);
        System.arraycopy(args, 0, s, base, args.length);
        long[] init = entry.localInit;
        System.arraycopy(init, 0, s, base + args.length, init.length);
        sp = base + args.length + init.length;
        fp = base;
        ctx = entry.ctx;
        memory = ctx.memory();
        setFunction(entry);
        dispatch(entry.code, s);
        return Arrays.copyOfRange(stack, fp, sp);
    }

    /** The dispatch loop; returns when the entry frame returns. */
    private void dispatch(int[] code, long[] s) {
        final Handler[] table = Handlers.TABLE;
        int pc = 0;
        try {
            for (;;) {
                pc = table[code[pc]].exec(this, s, code, pc);
                if (pc < 0) {
                    if (pc == EXIT) return;
                    pc = ~pc;
                    code = this.code;
                    s = this.stack;
                }
            }
        } catch (Trap t) {
            addFrames(t, pc);
            throw t;
        }
    }

    /** Makes {@code f} the current function (code, constants, instance, memory). */
    void setFunction(ThreadedFunction f) {
        cur = f;
        code = f.code;
        consts = f.consts;
        if (f.ctx != ctx) { ctx = f.ctx; memory = ctx.memory(); }
        mem = bytes(memory);
    }

    /**
     * Enters {@code callee} with its parameters on top of the stack: pushes a frame returning to
     * {@code next}, or for a tail call replaces the current frame.
     * @return {@code ~0}, the handler result for "continue at 0 of the new frame"
     * @throws Trap CALL_STACK_EXHAUSTED (before changing anything) past the store's frame limit
     */
    int enter(ThreadedFunction callee, boolean tail, long[] s, int next) {
        int np = callee.paramCount;
        int sp = this.sp, fp;
        if (tail) {
            if (WasmJfr.countTailCalls()) countTailCall();
            fp = this.fp;
            System.arraycopy(s, sp - np, s, fp, np);
            sp = fp + np;
        } else {
            int d = depth;
            if (d >= maxDepth) throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
            if (d >= fns.length) growFrames();
            retPc[d] = next;
            fps[d] = this.fp;
            fns[d] = cur;
            depth = d + 1;
            fp = sp - np;
        }
        if ((long) fp + callee.frameSize > s.length) s = growStack((long) fp + callee.frameSize);
        long[] init = callee.localInit;
        for (int k = 0; k < init.length; k++) s[sp++] = init[k];
        this.sp = sp;
        this.fp = fp;
        setFunction(callee);
        return ~0;
    }

    /**
     * Returns from the current frame: moves its {@code n} results to the frame base and resumes the caller.
     * @return the handler result: {@code ~retPc} of the caller, or {@link #EXIT} when the caller is the host
     */
    int leave(long[] s) {
        int n = cur.resultCount, fp = this.fp, sp = this.sp;
        if (n == 1) s[fp] = s[sp - 1]; else System.arraycopy(s, sp - n, s, fp, n);
        this.sp = fp + n;
        int d = --depth;
        ThreadedFunction caller = fns[d];
        if (caller == null) return EXIT;
        this.fp = fps[d];
        setFunction(caller);
        return ~retPc[d];
    }

    /**
     * Calls a host function (or another engine's function) with the top parameters of the stack and
     * pushes its results; a re-entrant call runs above {@link #sp}.
     * @return the handler result: {@code ~next}, or for a tail call {@code ~returnPc} of the current function
     */
    int callForeign(FunctionInstance f, long[] s, int next, boolean tail) {
        if (tail && WasmJfr.countTailCalls()) countTailCall();
        int np = f.type().params().length;
        int sp = this.sp - np;
        long[] args = Arrays.copyOfRange(s, sp, sp + np);
        this.sp = sp;
        long[] r = Calls.callForeign(f, ctx.inst, args);
        long[] st = stack;   // a re-entrant call may have grown it
        if ((long) sp + r.length > st.length) st = growStack((long) sp + r.length);
        System.arraycopy(r, 0, st, sp, r.length);
        this.sp = sp + r.length;
        mem = bytes(memory);
        return ~(tail ? cur.returnPc : next);
    }

    /** Appends the active frames of the current loop to {@code t}, innermost first. */
    private void addFrames(Trap t, int pc) {
        t.addFrame(Calls.frame(cur.fn, pc));
        for (int d = depth - 1; d >= 0 && fns[d] != null; d--) {
            t.addFrame(Calls.frame(fns[d].fn, retPc[d] - 1));
        }
    }

    /** Grows the frame stack (called when {@code depth == fns.length}), up to {@code maxDepth} + 1 entries. */
    private void growFrames() {
        int cap = Stacks.framesCapacity(fns.length, maxDepth);
        retPc = Arrays.copyOf(retPc, cap);
        fps = Arrays.copyOf(fps, cap);
        fns = Arrays.copyOf(fns, cap);
    }
}
