package org.tailbench.aot;

import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.util.EnumMap;
import org.tailbench.aot.MethodRefs.StaticCall;
import org.tailbench.aot.rt.ArrayMemoryOps;
import org.tailbench.aot.rt.MemoryOps;
import org.tailbench.wasm.Op;

/**
 * The load and store methods generated code calls ({@code rt.MemoryOps} on a {@code MemorySegment} view,
 * {@code rt.ArrayMemoryOps} on a {@code byte[]} view, see {@link MemoryGen}), named by method references the Java
 * compiler checks ({@link MethodRefs}). Built at class initialisation, which checks that every memory access
 * instruction ({@link Op#isMemoryAccess}) has one method per view, of the shape its {@link Op#signature} gives:
 * a load {@code (addr, offset, view) value}, a store {@code (addr, value, offset, view) void}.
 */
final class MemoryCalls {
    private MemoryCalls() {}

    /** A load of a value of JVM type int, long, float or double from view {@code V}. */
    interface LoadI<V> extends Serializable { int apply(int addr, int off, V m); }
    interface LoadJ<V> extends Serializable { long apply(int addr, int off, V m); }
    interface LoadF<V> extends Serializable { float apply(int addr, int off, V m); }
    interface LoadD<V> extends Serializable { double apply(int addr, int off, V m); }
    /** A store of a value of JVM type int, long, float or double to view {@code V}. */
    interface StoreI<V> extends Serializable { void apply(int addr, int v, int off, V m); }
    interface StoreJ<V> extends Serializable { void apply(int addr, long v, int off, V m); }
    interface StoreF<V> extends Serializable { void apply(int addr, float v, int off, V m); }
    interface StoreD<V> extends Serializable { void apply(int addr, double v, int off, V m); }
    interface Size extends Serializable { int apply(MemorySegment m); }

    /** {@code MemoryOps.memorySize}: pages of a segment view (an array view's size is its length) */
    static final StaticCall MEMORY_SIZE = MethodRefs.resolve((Size) MemoryOps::memorySize);

    /** by instruction: the {@code MemorySegment} view's method */
    private static final EnumMap<Op, StaticCall> SEGMENT = new EnumMap<>(Op.class);
    /** by instruction: the {@code byte[]} view's method */
    private static final EnumMap<Op, StaticCall> ARRAY = new EnumMap<>(Op.class);

    static {
        put(Op.I32_LOAD, (LoadI<MemorySegment>) MemoryOps::i32Load, (LoadI<byte[]>) ArrayMemoryOps::i32Load);
        put(Op.I64_LOAD, (LoadJ<MemorySegment>) MemoryOps::i64Load, (LoadJ<byte[]>) ArrayMemoryOps::i64Load);
        put(Op.F32_LOAD, (LoadF<MemorySegment>) MemoryOps::f32Load, (LoadF<byte[]>) ArrayMemoryOps::f32Load);
        put(Op.F64_LOAD, (LoadD<MemorySegment>) MemoryOps::f64Load, (LoadD<byte[]>) ArrayMemoryOps::f64Load);
        put(Op.I32_LOAD8_S, (LoadI<MemorySegment>) MemoryOps::i32Load8S, (LoadI<byte[]>) ArrayMemoryOps::i32Load8S);
        put(Op.I32_LOAD8_U, (LoadI<MemorySegment>) MemoryOps::i32Load8U, (LoadI<byte[]>) ArrayMemoryOps::i32Load8U);
        put(Op.I32_LOAD16_S, (LoadI<MemorySegment>) MemoryOps::i32Load16S, (LoadI<byte[]>) ArrayMemoryOps::i32Load16S);
        put(Op.I32_LOAD16_U, (LoadI<MemorySegment>) MemoryOps::i32Load16U, (LoadI<byte[]>) ArrayMemoryOps::i32Load16U);
        put(Op.I64_LOAD8_S, (LoadJ<MemorySegment>) MemoryOps::i64Load8S, (LoadJ<byte[]>) ArrayMemoryOps::i64Load8S);
        put(Op.I64_LOAD8_U, (LoadJ<MemorySegment>) MemoryOps::i64Load8U, (LoadJ<byte[]>) ArrayMemoryOps::i64Load8U);
        put(Op.I64_LOAD16_S, (LoadJ<MemorySegment>) MemoryOps::i64Load16S, (LoadJ<byte[]>) ArrayMemoryOps::i64Load16S);
        put(Op.I64_LOAD16_U, (LoadJ<MemorySegment>) MemoryOps::i64Load16U, (LoadJ<byte[]>) ArrayMemoryOps::i64Load16U);
        put(Op.I64_LOAD32_S, (LoadJ<MemorySegment>) MemoryOps::i64Load32S, (LoadJ<byte[]>) ArrayMemoryOps::i64Load32S);
        put(Op.I64_LOAD32_U, (LoadJ<MemorySegment>) MemoryOps::i64Load32U, (LoadJ<byte[]>) ArrayMemoryOps::i64Load32U);
        put(Op.I32_STORE, (StoreI<MemorySegment>) MemoryOps::i32Store, (StoreI<byte[]>) ArrayMemoryOps::i32Store);
        put(Op.I64_STORE, (StoreJ<MemorySegment>) MemoryOps::i64Store, (StoreJ<byte[]>) ArrayMemoryOps::i64Store);
        put(Op.F32_STORE, (StoreF<MemorySegment>) MemoryOps::f32Store, (StoreF<byte[]>) ArrayMemoryOps::f32Store);
        put(Op.F64_STORE, (StoreD<MemorySegment>) MemoryOps::f64Store, (StoreD<byte[]>) ArrayMemoryOps::f64Store);
        put(Op.I32_STORE8, (StoreI<MemorySegment>) MemoryOps::i32Store8, (StoreI<byte[]>) ArrayMemoryOps::i32Store8);
        put(Op.I32_STORE16, (StoreI<MemorySegment>) MemoryOps::i32Store16, (StoreI<byte[]>) ArrayMemoryOps::i32Store16);
        put(Op.I64_STORE8, (StoreJ<MemorySegment>) MemoryOps::i64Store8, (StoreJ<byte[]>) ArrayMemoryOps::i64Store8);
        put(Op.I64_STORE16, (StoreJ<MemorySegment>) MemoryOps::i64Store16, (StoreJ<byte[]>) ArrayMemoryOps::i64Store16);
        put(Op.I64_STORE32, (StoreJ<MemorySegment>) MemoryOps::i64Store32, (StoreJ<byte[]>) ArrayMemoryOps::i64Store32);
        for (Op op : Op.values()) {
            if (op.isMemoryAccess() && !SEGMENT.containsKey(op)) throw new IllegalStateException("aot: no load/store method for " + op.text);
        }
    }

    private static void put(Op op, Serializable segment, Serializable array) {
        if (!op.isMemoryAccess()) throw new IllegalStateException("aot: " + op.text + " is no load or store");
        SEGMENT.put(op, check(op, MethodRefs.resolve(segment), MemoryGen.SEG));
        ARRAY.put(op, check(op, MethodRefs.resolve(array), MemoryGen.ARRAY));
    }

    /** @throws IllegalStateException when {@code c} does not have the shape {@code op}'s signature asks for */
    private static StaticCall check(Op op, StaticCall c, String view) {
        String jvm = MethodRefs.descriptor(op.signature);   // e.g. "(I)J" for a load, "(IJ)V" for a store
        int close = jvm.indexOf(')');
        String expected = jvm.endsWith("V")
                ? jvm.substring(0, close) + "I" + view + ")V"              // (addr, value, offset, view)
                : "(II" + view + ")" + jvm.substring(close + 1);           // (addr, offset, view)
        if (!c.desc().equals(expected)) {
            throw new IllegalStateException("aot: " + op.text + " needs " + expected + " but " + c.owner() + "." + c.name() + " is " + c.desc());
        }
        return c;
    }

    /**
     * @param array true for the {@code byte[]} view ({@link ModulePlan#arrayMemory()}), false for the segment view
     * @return the method that performs load or store {@code op} on that view
     */
    static StaticCall of(Op op, boolean array) { return (array ? ARRAY : SEGMENT).get(op); }
}
