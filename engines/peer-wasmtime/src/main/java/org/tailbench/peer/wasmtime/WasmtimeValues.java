package org.tailbench.peer.wasmtime;

import io.github.kawamuray.wasmtime.Val;
import org.tailbench.wasm.ValType;

/** Values between our encoding ({@link ValType}: one {@code long} per value) and wasmtime-java's {@link Val}. */
final class WasmtimeValues {
    private WasmtimeValues() {}

    static Val.Type type(ValType t) {
        return switch (t) {
            case I32 -> Val.Type.I32;
            case I64 -> Val.Type.I64;
            case F32 -> Val.Type.F32;
            case F64 -> Val.Type.F64;
            case V128 -> Val.Type.V128;
            case FUNCREF -> Val.Type.FUNC_REF;
            case EXTERNREF -> Val.Type.EXTERN_REF;
        };
    }

    static Val.Type[] types(ValType[] ts) {
        Val.Type[] out = new Val.Type[ts.length];
        for (int i = 0; i < ts.length; i++) out[i] = type(ts[i]);
        return out;
    }

    /** @throws UnsupportedOperationException for reference and vector values, which wasmtime-java 0.19.0 cannot pass */
    static Val toVal(ValType t, long v) {
        return switch (t) {
            case I32 -> Val.fromI32((int) v);
            case I64 -> Val.fromI64(v);
            case F32 -> Val.fromF32(Float.intBitsToFloat((int) v));
            case F64 -> Val.fromF64(Double.longBitsToDouble(v));
            default -> throw new UnsupportedOperationException("wasmtime-java 0.19.0 cannot pass " + t + " values between Java and Wasm");
        };
    }

    static long fromVal(ValType t, Val v) {
        return switch (t) {
            case I32 -> v.i32();
            case I64 -> v.i64();
            case F32 -> Float.floatToRawIntBits(v.f32());
            case F64 -> Double.doubleToRawLongBits(v.f64());
            default -> throw new UnsupportedOperationException("wasmtime-java 0.19.0 cannot pass " + t + " values between Wasm and Java");
        };
    }

    static Val[] toVals(ValType[] ts, long[] vs) {
        Val[] out = new Val[ts.length];
        for (int i = 0; i < out.length; i++) out[i] = toVal(ts[i], vs[i]);
        return out;
    }

    static long[] fromVals(ValType[] ts, Val[] vs) {
        long[] out = new long[ts.length];
        for (int i = 0; i < out.length; i++) out[i] = fromVal(ts[i], vs[i]);
        return out;
    }
}
