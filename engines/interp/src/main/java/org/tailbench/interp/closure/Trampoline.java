package org.tailbench.interp.closure;

import java.util.Arrays;
import org.tailbench.interp.rt.Calls;
import org.tailbench.interp.rt.InstanceContext;
import org.tailbench.jfr.WasmJfr;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/**
 * Calling conventions of the {@code closure} engine. A non-tail Wasm call recurses on the Java stack
 * through {@link #run}, which counts the frame against {@link org.tailbench.runtime.Store#maxCallDepth()};
 * a tail call leaves its callee frame in {@link Machine#tail} and returns, and the {@link #run} loop of
 * the frame being replaced re-dispatches, so tail calls take constant Java stack.
 */
final class Trampoline {
    private Trampoline() {}

    /**
     * Runs {@code fr} (args already in place) and the chain of tail calls it makes.
     * @return the frame that ran last, with the results at {@code s[code.localCount ..]}
     * @throws Trap "call stack exhausted" past the store's limit, or the callee's trap (with this frame appended)
     */
    static Frame run(Frame fr) {
        Machine m = fr.m;
        int depth = m.depth;
        if (depth >= fr.ctx.store.maxCallDepth()) throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        if ((depth >= Invoker.INLINE_DEPTH || fr.code.deep) && !m.bigStack) return Invoker.continueOnWorker(fr);
        m.depth = depth + 1;
        if (m.track) m.noteFrame(depth, fr.code.functionIndex);
        try {
            for (;;) {
                Stmt.run(fr.code.body, fr);
                Frame next = m.tail;
                if (next == null) return fr;
                m.tail = null;
                fr = next;
                if (fr.code.deep && !m.bigStack) break;   // a deeply nested callee: re-enter below, on a worker
                if (m.track) m.noteFrame(depth, fr.code.functionIndex);
            }
        } catch (Trap t) {
            FunctionCode c = fr.code;
            t.addFrame(new Trap.Frame(c.functionIndex, c.name, m.takeTrapOffset()));
            throw t;
        } finally {
            m.depth = depth;
        }
        return run(fr);   // the tail callee replaces this frame, at the same depth
    }

    /** {@code call_indirect}'s checks, through the shared {@link Calls#resolveIndirect}. */
    static FunctionInstance resolveIndirect(InstanceContext<ClosureFunction> ctx, int typeIndex, int tableIndex, long index) {
        return Calls.resolveIndirect(ctx.tables[tableIndex], ctx.store, ctx.types[typeIndex], index);
    }

    /**
     * Calls a host function (or another engine's function) from code of {@code caller}, through the
     * shared {@link Calls#callForeign}, and reloads the caller's memory view afterwards.
     * @return its results, checked against its type
     */
    static long[] callForeign(Frame caller, FunctionInstance f, long[] args) {
        long[] r = Calls.callForeign(f, caller.ctx.inst, args);
        caller.reloadMemory();
        return r;
    }

    /** Runs {@code f} from the host on the current thread's machine, which it restores however it ends. */
    static long[] invokeHere(ClosureFunction f, long[] args) {
        Machine m = Invoker.machine();
        int depth0 = m.depth;
        boolean jfr = WasmJfr.enter("closure", m);
        if (jfr) m.track = true;
        try {
            Frame fr = new Frame(f.code, f.ctx, m);
            System.arraycopy(args, 0, fr.s, 0, args.length);
            Frame last = run(fr);
            int base = last.code.localCount;
            return Arrays.copyOfRange(last.s, base, base + last.code.resultCount);
        } catch (StackOverflowError e) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        } finally {
            m.depth = depth0;
            m.tail = null;
            m.trapOffset = -1;
            if (jfr) {
                m.track = false;
                WasmJfr.exit(m);
            }
            f.ctx.tailCalls.invocationEnded();
        }
    }
}
