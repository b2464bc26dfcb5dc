package org.tailbench.interp.rt;

import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.runtime.FunctionCalls;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.runtime.Trap;
import org.tailbench.wasm.FuncType;

/**
 * Call machinery shared by the interpreters of lowered code, whatever their dispatch: canonical
 * function types, {@code call_indirect}'s checks, calls that leave the engine (host functions or
 * another engine's functions), delegated to core's {@link FunctionCalls} (shared with aot), and backtrace frames.
 */
public final class Calls {
    private Calls() {}

    /**
     * @return the one JVM-wide {@link FuncType} object structurally equal to {@code t}, so that type
     *         checks between canonical types are usually an identity comparison
     */
    public static FuncType canonical(FuncType t) { return FunctionCalls.canonical(t); }

    /**
     * {@code call_indirect}'s checks (spec 2.0 §4.4.8): the element exists, is not null, and has the
     * expected type (structural equality; usually an identity hit on canonical types).
     * @param index the i32 operand (only its low 32 bits count, unsigned)
     * @throws Trap UNDEFINED_ELEMENT, UNINITIALIZED_ELEMENT or INDIRECT_CALL_TYPE_MISMATCH
     */
    public static FunctionInstance resolveIndirect(Table table, Store store, FuncType want, long index) {
        return FunctionCalls.resolveIndirect(table, store, want, index);
    }

    /**
     * Calls a function outside the calling engine: a host function (given {@code caller} as its
     * calling instance) or another engine's function. Exceptions of the callee pass through unchanged.
     * @param args one value per parameter
     * @return one value per result of {@code f}'s type
     * @throws Trap (HOST kind) when the callee returns null or the wrong number of values
     */
    public static long[] callForeign(FunctionInstance f, Instance caller, long[] args) {
        return FunctionCalls.callForeign(f, caller, args);
    }

    /** @return the backtrace frame of {@code fn} executing the instruction that occupies {@code code[pc]} */
    public static Trap.Frame frame(LoweredFunction fn, int pc) {
        return new Trap.Frame(fn.functionIndex(), fn.name(), fn.byteOffset(pc));
    }
}
