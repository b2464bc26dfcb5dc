package org.tailbench.runtime;

import java.util.concurrent.ConcurrentHashMap;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ValType;

/**
 * Call machinery every engine needs, whatever it compiles to: canonical function types,
 * {@code call_indirect}'s checks, and calls that leave the engine (host functions or another engine's
 * functions). Shared by the interpreters ({@code interp.rt.Calls}) and {@code aot}.
 */
public final class FunctionCalls {
    private static final ConcurrentHashMap<FuncType, FuncType> CANONICAL = new ConcurrentHashMap<>();

    private FunctionCalls() {}

    /**
     * @return the one JVM-wide {@link FuncType} object structurally equal to {@code t}, so that type
     *         checks between canonical types are usually an identity comparison
     */
    public static FuncType canonical(FuncType t) { return CANONICAL.computeIfAbsent(t, k -> k); }

    /**
     * {@code call_indirect}'s checks (spec 2.0 §4.4.8): the element exists, is not null, and has the
     * expected type (structural equality; usually an identity hit on canonical types).
     * @param index the i32 operand (only its low 32 bits count, unsigned)
     * @throws Trap UNDEFINED_ELEMENT, UNINITIALIZED_ELEMENT or INDIRECT_CALL_TYPE_MISMATCH
     */
    public static FunctionInstance resolveIndirect(Table table, Store store, FuncType want, long index) {
        long[] elements = table.elements();
        long i = index & 0xFFFFFFFFL;
        if (i >= elements.length) throw new Trap(TrapKind.UNDEFINED_ELEMENT);
        long ref = elements[(int) i];
        if (ref == ValType.NULL_REF) throw new Trap(TrapKind.UNINITIALIZED_ELEMENT);
        FunctionInstance f = store.function(ref);
        FuncType have = f.type();
        if (have != want && !have.equals(want)) throw new Trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        return f;
    }

    /**
     * Calls a function outside the calling engine: a host function (given {@code caller} as its
     * calling instance) or another engine's function. Exceptions of the callee pass through unchanged.
     * @param args one value per parameter
     * @return one value per result of {@code f}'s type
     * @throws Trap (HOST kind) when the callee returns null or the wrong number of values
     */
    public static long[] callForeign(FunctionInstance f, Instance caller, long[] args) {
        long[] r = f instanceof HostFunction h ? h.call(caller, args) : f.invoke(args);
        int nr = f.type().results().length;
        if (r == null || r.length != nr) {
            throw new Trap(TrapKind.HOST, f.name() + " returned " + (r == null ? "null" : r.length + " values")
                    + ", expected " + nr, null);
        }
        return r;
    }
}
