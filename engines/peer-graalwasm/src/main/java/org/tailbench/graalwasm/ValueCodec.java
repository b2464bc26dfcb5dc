package org.tailbench.graalwasm;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.ValType;

/**
 * Converts values between our encoding (one {@code long} per value, as {@link ValType} says) and the
 * polyglot values GraalWasm takes and returns: i32 {@code Integer}, i64 {@code Long}, f32 {@code Float},
 * f64 {@code Double} (raw bits kept, NaN payloads included), {@code GraalWasm's own null for a null reference, a GraalWasm
 * function for a funcref, and an {@link ExternRef} host object for an externref.
 */
final class ValueCodec {
    private ValueCodec() {}

    /** An externref made by the host: our handle, opaque to GraalWasm. */
    record ExternRef(long handle) {}

    /** @return the polyglot argument for {@code v} of type {@code t} */
    static Object toGuest(ValType t, long v, Store store, ContextState cs) {
        return switch (t) {
            case I32 -> (int) v;
            case I64 -> v;
            case F32 -> Float.intBitsToFloat((int) v);
            case F64 -> Double.longBitsToDouble(v);
            case FUNCREF -> v == ValType.NULL_REF ? cs.guestNull(t) : cs.guestFunction(store.function(v));
            case EXTERNREF -> v == ValType.NULL_REF ? cs.guestNull(t) : new ExternRef(v);
            case V128 -> throw new UnsupportedOperationException("graalwasm peer: v128 values do not cross the Engine interface");
        };
    }

    /** @return our encoding of the polyglot value {@code r} of type {@code t} */
    static long fromGuest(ValType t, Value r, Store store, ContextState cs) {
        return switch (t) {
            case I32 -> r.asInt();
            case I64 -> r.asLong();
            case F32 -> Float.floatToRawIntBits(r.asFloat());
            case F64 -> Double.doubleToRawLongBits(r.asDouble());
            case FUNCREF -> r.isNull() ? ValType.NULL_REF : store.register(cs.hostFunction(r));
            case EXTERNREF -> r.isNull() ? ValType.NULL_REF
                    : r.isHostObject() && r.asHostObject() instanceof ExternRef e ? e.handle()
                    : store.register(cs.hostFunction(r));
            case V128 -> throw new UnsupportedOperationException("graalwasm peer: v128 values do not cross the Engine interface");
        };
    }

    /** @return the results of a call that returned {@code r}: none, one value, or a multi-value array */
    static long[] results(ValType[] types, Value r, Store store, ContextState cs) {
        long[] out = new long[types.length];
        if (types.length == 1) {
            out[0] = fromGuest(types[0], r, store, cs);
        } else if (types.length > 1) {
            for (int i = 0; i < types.length; i++) out[i] = fromGuest(types[i], r.getArrayElement(i), store, cs);
        }
        return out;
    }

    /** @return what a host function returns to GraalWasm for {@code results}: null, one value, or an array */
    static Object guestResults(ValType[] types, long[] results, Store store, ContextState cs) {
        if (types.length == 0) return null;
        if (types.length == 1) return toGuest(types[0], results[0], store, cs);
        Object[] a = new Object[types.length];
        for (int i = 0; i < a.length; i++) a[i] = toGuest(types[i], results[i], store, cs);
        return ProxyArray.fromArray(a);
    }
}
