package org.tailbench.aot.rt;

import static org.tailbench.runtime.Memory.I8;
import static org.tailbench.runtime.Memory.LE_I16;
import static org.tailbench.runtime.Memory.LE_I32;
import static org.tailbench.runtime.Memory.LE_I64;

import java.lang.foreign.MemorySegment;

/**
 * Loads and stores (spec 2.0 §4.4.7) on a memory's {@link MemorySegment} view
 * ({@code org.tailbench.runtime.Memory#segment()}, exactly the current size, heap- or mmap-backed) with
 * unaligned little-endian layouts. Each takes the i32 address operand, the static offset (the u32
 * immediate as an int) and the view; the effective address {@code (addr & 0xFFFFFFFF) + (off & 0xFFFFFFFF)}
 * is computed in 64 bits (up to 2^33) and the access traps "out of bounds memory access" unless
 * {@code [ea, ea + width)} lies in the view. One explicit check per access; C2 inlines these and drops
 * the segment's own check. (Generated; the access path was chosen by measurement, see the engine README.)
 */
public final class MemoryOps {
    private MemoryOps() {}

    /**
     * @return the effective address {@code addr + off} (both unsigned, up to 2^33) of an access of {@code width}
     *         bytes, after checking it lies in {@code m}. Kept apart so each load/store method stays under
     *         HotSpot's MaxInlineSize (35 bytecodes) and is inlined even at call sites that are not hot.
     */
    static long ea(int addr, int off, MemorySegment m, int width) {
        long ea = Integer.toUnsignedLong(addr) + Integer.toUnsignedLong(off);
        if (ea > m.byteSize() - width) throw Traps.outOfBounds();
        return ea;
    }

    /** {@code memory.size}: the view's size in 64 KiB pages (0 .. 65536). */
    public static int memorySize(MemorySegment m) { return (int) (m.byteSize() >>> 16); }

    public static int i32Load(int addr, int off, MemorySegment m) {
        return m.get(LE_I32, ea(addr, off, m, 4));
    }
    public static long i64Load(int addr, int off, MemorySegment m) {
        return m.get(LE_I64, ea(addr, off, m, 8));
    }
    public static float f32Load(int addr, int off, MemorySegment m) {
        return Float.intBitsToFloat(m.get(LE_I32, ea(addr, off, m, 4)));
    }
    public static double f64Load(int addr, int off, MemorySegment m) {
        return Double.longBitsToDouble(m.get(LE_I64, ea(addr, off, m, 8)));
    }
    public static int i32Load8S(int addr, int off, MemorySegment m) {
        return m.get(I8, ea(addr, off, m, 1));
    }
    public static int i32Load8U(int addr, int off, MemorySegment m) {
        return m.get(I8, ea(addr, off, m, 1)) & 0xFF;
    }
    public static int i32Load16S(int addr, int off, MemorySegment m) {
        return m.get(LE_I16, ea(addr, off, m, 2));
    }
    public static int i32Load16U(int addr, int off, MemorySegment m) {
        return m.get(LE_I16, ea(addr, off, m, 2)) & 0xFFFF;
    }
    public static long i64Load8S(int addr, int off, MemorySegment m) {
        return m.get(I8, ea(addr, off, m, 1));
    }
    public static long i64Load8U(int addr, int off, MemorySegment m) {
        return m.get(I8, ea(addr, off, m, 1)) & 0xFFL;
    }
    public static long i64Load16S(int addr, int off, MemorySegment m) {
        return m.get(LE_I16, ea(addr, off, m, 2));
    }
    public static long i64Load16U(int addr, int off, MemorySegment m) {
        return m.get(LE_I16, ea(addr, off, m, 2)) & 0xFFFFL;
    }
    public static long i64Load32S(int addr, int off, MemorySegment m) {
        return m.get(LE_I32, ea(addr, off, m, 4));
    }
    public static long i64Load32U(int addr, int off, MemorySegment m) {
        return m.get(LE_I32, ea(addr, off, m, 4)) & 0xFFFFFFFFL;
    }
    public static void i32Store(int addr, int v, int off, MemorySegment m) {
        m.set(LE_I32, ea(addr, off, m, 4), v);
    }
    public static void i64Store(int addr, long v, int off, MemorySegment m) {
        m.set(LE_I64, ea(addr, off, m, 8), v);
    }
    public static void f32Store(int addr, float v, int off, MemorySegment m) {
        m.set(LE_I32, ea(addr, off, m, 4), Float.floatToRawIntBits(v));
    }
    public static void f64Store(int addr, double v, int off, MemorySegment m) {
        m.set(LE_I64, ea(addr, off, m, 8), Double.doubleToRawLongBits(v));
    }
    public static void i32Store8(int addr, int v, int off, MemorySegment m) {
        m.set(I8, ea(addr, off, m, 1), (byte) v);
    }
    public static void i32Store16(int addr, int v, int off, MemorySegment m) {
        m.set(LE_I16, ea(addr, off, m, 2), (short) v);
    }
    public static void i64Store8(int addr, long v, int off, MemorySegment m) {
        m.set(I8, ea(addr, off, m, 1), (byte) v);
    }
    public static void i64Store16(int addr, long v, int off, MemorySegment m) {
        m.set(LE_I16, ea(addr, off, m, 2), (short) v);
    }
    public static void i64Store32(int addr, long v, int off, MemorySegment m) {
        m.set(LE_I32, ea(addr, off, m, 4), (int) v);
    }
}
