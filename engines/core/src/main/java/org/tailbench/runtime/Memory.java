package org.tailbench.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.tailbench.wasm.Limits;

/**
 * A linear memory instance (spec §4.2.8): a little-endian {@code byte[]} of {@code pages * 64 KiB}.
 * Addresses are unsigned 32-bit values passed as {@code long}; every access checks bounds and
 * traps with {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS}. Growth is limited by the declared
 * maximum and by the store's page limit (at most {@link #MAX_PAGES}, the largest {@code byte[]}).
 *
 * <p>Engines may read {@link #bytes()} directly for speed; it is replaced by {@link #grow}.
 */
public final class Memory implements Extern {
    public static final int PAGE_SIZE = 65536;
    /** 32767 pages = 2 GiB - 64 KiB, the most a Java array holds. */
    public static final int MAX_PAGES = 32767;

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private final long declaredMax;
    private final int limitPages;

    /**
     * @param limits     declared limits in pages
     * @param limitPages the implementation's page limit (the store's), at most {@link #MAX_PAGES}
     * @throws Trap (HOST kind) when {@code limits.min()} exceeds {@code limitPages}
     */
    public Memory(Limits limits, int limitPages) {
        this.declaredMax = limits.max();
        this.limitPages = Math.min(limitPages, MAX_PAGES);
        if (limits.min() > this.limitPages) {
            throw new Trap(TrapKind.HOST, "memory of " + limits.min() + " pages exceeds the limit of " + this.limitPages + " pages", null);
        }
        this.bytes = new byte[(int) limits.min() * PAGE_SIZE];
    }

    /** @return the current limits (min = current size), as import matching sees them */
    public Limits limits() { return new Limits(pages(), declaredMax); }

    public byte[] bytes() { return bytes; }
    public int pages() { return bytes.length / PAGE_SIZE; }
    public int byteSize() { return bytes.length; }

    /**
     * {@code memory.grow} (spec §4.4.7): grows by {@code delta} pages (an unsigned i32).
     * @return the old size in pages, or -1 when growing would exceed the declared max or the limit
     */
    public int grow(long delta) {
        int old = pages();
        long target = old + (delta & 0xFFFFFFFFL);
        if (target > limitPages || (declaredMax >= 0 && target > declaredMax)) return -1;
        if (target != old) bytes = Arrays.copyOf(bytes, (int) target * PAGE_SIZE);
        return old;
    }

    /** Throws the out-of-bounds trap unless {@code [addr, addr+len)} lies inside the memory (both unsigned, as long). */
    public void check(long addr, long len) {
        if (addr < 0 || len < 0 || addr + len > bytes.length) throw new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    public byte load8(long addr) { check(addr, 1); return bytes[(int) addr]; }
    public short load16(long addr) { check(addr, 2); return (short) I16.get(bytes, (int) addr); }
    public int load32(long addr) { check(addr, 4); return (int) I32.get(bytes, (int) addr); }
    public long load64(long addr) { check(addr, 8); return (long) I64.get(bytes, (int) addr); }
    public void store8(long addr, byte v) { check(addr, 1); bytes[(int) addr] = v; }
    public void store16(long addr, short v) { check(addr, 2); I16.set(bytes, (int) addr, v); }
    public void store32(long addr, int v) { check(addr, 4); I32.set(bytes, (int) addr, v); }
    public void store64(long addr, long v) { check(addr, 8); I64.set(bytes, (int) addr, v); }

    /** Copies {@code len} bytes out of memory. @throws Trap when out of bounds */
    public byte[] read(long addr, int len) {
        check(addr, len);
        return Arrays.copyOfRange(bytes, (int) addr, (int) addr + len);
    }

    /** Copies {@code src} into memory at {@code addr}. @throws Trap when out of bounds */
    public void write(long addr, byte[] src, int off, int len) {
        check(addr, len);
        System.arraycopy(src, off, bytes, (int) addr, len);
    }

    /** {@code memory.fill} (spec §4.4.7). */
    public void fill(long dst, int value, long len) {
        check(dst, len);
        Arrays.fill(bytes, (int) dst, (int) (dst + len), (byte) value);
    }

    /** {@code memory.copy} within this memory, overlap-safe (spec §4.4.7). */
    public void copy(long dst, long src, long len) {
        check(dst, len);
        check(src, len);
        System.arraycopy(bytes, (int) src, bytes, (int) dst, (int) len);
    }

    /** {@code memory.init} from a data segment's bytes (spec §4.4.7); a dropped segment is empty. */
    public void init(long dst, byte[] data, long src, long len) {
        if (src < 0 || len < 0 || src + len > data.length) throw new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        check(dst, len);
        System.arraycopy(data, (int) src, bytes, (int) dst, (int) len);
    }
}
