package org.tailbench.aot.rt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loads and stores (spec 2.0 §4.4.7) on a memory's {@code byte[]} through little-endian byte-array view
 * {@link VarHandle}s. Each takes the i32 address operand, the static offset (the u32 immediate as an
 * int: values from 2^31 up never fit in a memory of at most 2 GiB - 64 KiB, and the sign test below
 * rejects them) and traps "out of bounds memory access" unless {@code [addr + offset, +width)} lies in
 * the memory. One explicit check per access; C2 inlines these and drops the VarHandle's own check.
 * (Generated; the access path was chosen by measurement, see the engine README.)
 */
public final class MemoryOps {
    private MemoryOps() {}

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    public static int i32Load(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 4) throw Traps.outOfBounds();
        return (int) I32.get(m, ea);
    }
    public static long i64Load(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 8) throw Traps.outOfBounds();
        return (long) I64.get(m, ea);
    }
    public static float f32Load(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 4) throw Traps.outOfBounds();
        return Float.intBitsToFloat((int) I32.get(m, ea));
    }
    public static double f64Load(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 8) throw Traps.outOfBounds();
        return Double.longBitsToDouble((long) I64.get(m, ea));
    }
    public static int i32Load8S(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 1) throw Traps.outOfBounds();
        return m[ea];
    }
    public static int i32Load8U(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 1) throw Traps.outOfBounds();
        return m[ea] & 0xFF;
    }
    public static int i32Load16S(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 2) throw Traps.outOfBounds();
        return (short) I16.get(m, ea);
    }
    public static int i32Load16U(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 2) throw Traps.outOfBounds();
        return (short) I16.get(m, ea) & 0xFFFF;
    }
    public static long i64Load8S(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 1) throw Traps.outOfBounds();
        return m[ea];
    }
    public static long i64Load8U(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 1) throw Traps.outOfBounds();
        return m[ea] & 0xFFL;
    }
    public static long i64Load16S(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 2) throw Traps.outOfBounds();
        return (short) I16.get(m, ea);
    }
    public static long i64Load16U(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 2) throw Traps.outOfBounds();
        return (short) I16.get(m, ea) & 0xFFFFL;
    }
    public static long i64Load32S(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 4) throw Traps.outOfBounds();
        return (int) I32.get(m, ea);
    }
    public static long i64Load32U(int addr, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 4) throw Traps.outOfBounds();
        return (int) I32.get(m, ea) & 0xFFFFFFFFL;
    }
    public static void i32Store(int addr, int v, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 4) throw Traps.outOfBounds();
        I32.set(m, ea, v);
    }
    public static void i64Store(int addr, long v, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 8) throw Traps.outOfBounds();
        I64.set(m, ea, v);
    }
    public static void f32Store(int addr, float v, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 4) throw Traps.outOfBounds();
        I32.set(m, ea, Float.floatToRawIntBits(v));
    }
    public static void f64Store(int addr, double v, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 8) throw Traps.outOfBounds();
        I64.set(m, ea, Double.doubleToRawLongBits(v));
    }
    public static void i32Store8(int addr, int v, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 1) throw Traps.outOfBounds();
        m[ea] = (byte) v;
    }
    public static void i32Store16(int addr, int v, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 2) throw Traps.outOfBounds();
        I16.set(m, ea, (short) v);
    }
    public static void i64Store8(int addr, long v, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 1) throw Traps.outOfBounds();
        m[ea] = (byte) v;
    }
    public static void i64Store16(int addr, long v, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 2) throw Traps.outOfBounds();
        I16.set(m, ea, (short) v);
    }
    public static void i64Store32(int addr, long v, int off, byte[] m) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 4) throw Traps.outOfBounds();
        I32.set(m, ea, (int) v);
    }
}
