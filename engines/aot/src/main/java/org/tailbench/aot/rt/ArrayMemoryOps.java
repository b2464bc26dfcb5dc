package org.tailbench.aot.rt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loads and stores (spec 2.0 §4.4.7) on a heap memory's {@code byte[]} ({@code Memory#heapArray()}, exactly
 * the current size) through little-endian byte-array view {@link VarHandle}s: the access path aot generates
 * when the module defines its memory and {@code Memory.backingFor} makes it heap-backed (see
 * {@code MemoryGen}; by default the generated code writes these accesses out itself, {@code ArrayAccessGen},
 * and calls these methods only with {@code -Dtailbench.aot.inlineMemory=false}); {@link MemoryOps} is the {@code MemorySegment} path for the others. A byte-array
 * access is fewer C2 nodes than a segment access, so large generated methods stay under C2's inlining
 * cutoffs (measured in the engine README).
 *
 * <p>Each takes the i32 address operand, the static offset (the u32 immediate as an int) and the array;
 * the effective address {@code (addr & 0xFFFFFFFF) + (off & 0xFFFFFFFF)} is computed in 64 bits (up to
 * 2^33) and compared with the length as a long, so the access traps "out of bounds memory access" unless
 * {@code [ea, ea + width)} lies in the array; only then is it narrowed to the int index (below 2^31). An
 * {@code ArrayIndexOutOfBoundsException} cannot occur. Each method stays under HotSpot's MaxInlineSize
 * (35 bytecodes).
 */
public final class ArrayMemoryOps {
    private ArrayMemoryOps() {}

    /**
     * The little-endian byte-array views (short, int, long; {@code get(byte[], int)} / {@code set(byte[], int, v)},
     * index = byte offset, any alignment; they throw {@code IndexOutOfBoundsException} past the end). Public
     * because generated code calls them directly after its own bounds check (aot's {@code ArrayAccessGen}: an
     * access there is inlined by C2 whatever the method's inlining budget, unlike a call of the methods below).
     */
    public static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * @return the effective address {@code addr + off} (both unsigned) of an access of {@code width} bytes
     *         as an array index, after checking {@code [ea, ea + width)} lies in {@code m}
     */
    static int ea(int addr, int off, byte[] m, int width) {
        long ea = (addr & 0xFFFFFFFFL) + (off & 0xFFFFFFFFL);
        if (ea > m.length - width) throw Traps.outOfBounds();
        return (int) ea;
    }

    public static int i32Load(int addr, int off, byte[] m) {
        return (int) I32.get(m, ea(addr, off, m, 4));
    }
    public static long i64Load(int addr, int off, byte[] m) {
        return (long) I64.get(m, ea(addr, off, m, 8));
    }
    public static float f32Load(int addr, int off, byte[] m) {
        return Float.intBitsToFloat((int) I32.get(m, ea(addr, off, m, 4)));
    }
    public static double f64Load(int addr, int off, byte[] m) {
        return Double.longBitsToDouble((long) I64.get(m, ea(addr, off, m, 8)));
    }
    public static int i32Load8S(int addr, int off, byte[] m) {
        return m[ea(addr, off, m, 1)];
    }
    public static int i32Load8U(int addr, int off, byte[] m) {
        return m[ea(addr, off, m, 1)] & 0xFF;
    }
    public static int i32Load16S(int addr, int off, byte[] m) {
        return (short) I16.get(m, ea(addr, off, m, 2));
    }
    public static int i32Load16U(int addr, int off, byte[] m) {
        return (short) I16.get(m, ea(addr, off, m, 2)) & 0xFFFF;
    }
    public static long i64Load8S(int addr, int off, byte[] m) {
        return m[ea(addr, off, m, 1)];
    }
    public static long i64Load8U(int addr, int off, byte[] m) {
        return m[ea(addr, off, m, 1)] & 0xFFL;
    }
    public static long i64Load16S(int addr, int off, byte[] m) {
        return (short) I16.get(m, ea(addr, off, m, 2));
    }
    public static long i64Load16U(int addr, int off, byte[] m) {
        return (short) I16.get(m, ea(addr, off, m, 2)) & 0xFFFFL;
    }
    public static long i64Load32S(int addr, int off, byte[] m) {
        return (int) I32.get(m, ea(addr, off, m, 4));
    }
    public static long i64Load32U(int addr, int off, byte[] m) {
        return (int) I32.get(m, ea(addr, off, m, 4)) & 0xFFFFFFFFL;
    }
    public static void i32Store(int addr, int v, int off, byte[] m) {
        I32.set(m, ea(addr, off, m, 4), v);
    }
    public static void i64Store(int addr, long v, int off, byte[] m) {
        I64.set(m, ea(addr, off, m, 8), v);
    }
    public static void f32Store(int addr, float v, int off, byte[] m) {
        I32.set(m, ea(addr, off, m, 4), Float.floatToRawIntBits(v));
    }
    public static void f64Store(int addr, double v, int off, byte[] m) {
        I64.set(m, ea(addr, off, m, 8), Double.doubleToRawLongBits(v));
    }
    public static void i32Store8(int addr, int v, int off, byte[] m) {
        m[ea(addr, off, m, 1)] = (byte) v;
    }
    public static void i32Store16(int addr, int v, int off, byte[] m) {
        I16.set(m, ea(addr, off, m, 2), (short) v);
    }
    public static void i64Store8(int addr, long v, int off, byte[] m) {
        m[ea(addr, off, m, 1)] = (byte) v;
    }
    public static void i64Store16(int addr, long v, int off, byte[] m) {
        I16.set(m, ea(addr, off, m, 2), (short) v);
    }
    public static void i64Store32(int addr, long v, int off, byte[] m) {
        I32.set(m, ea(addr, off, m, 4), (int) v);
    }
}
