package org.tailbench.wasi;

import java.nio.charset.StandardCharsets;
import org.tailbench.runtime.Memory;

/**
 * Bounds-checked access to the calling instance's linear memory for WASI host functions.
 * Guest pointers and lengths are unsigned 32-bit values (passed as the sign-extended i32 {@code long}
 * of the value encoding); any range that is not fully inside memory, or a caller without memory,
 * ends the host call with {@link Errno#FAULT} via {@link WasiError} — never a trap or Java exception.
 * All multi-byte values are little-endian (WASI ABI).
 */
final class GuestMemory {
    private final Memory memory;

    /** @param memory the caller's memory 0, or null when it has none (every access then faults) */
    GuestMemory(Memory memory) { this.memory = memory; }

    /** @return {@code v} as an unsigned 32-bit guest address or length */
    static long u32(long v) { return v & 0xFFFFFFFFL; }

    Memory memory() {
        if (memory == null) throw new WasiError(Errno.FAULT);
        return memory;
    }

    /** @return {@code addr} as an unsigned address, after checking {@code [addr, addr+len)} is inside memory */
    long check(long addr, long len) {
        Memory m = memory();
        addr = u32(addr);
        len = u32(len);
        if (addr + len > m.byteSize()) throw new WasiError(Errno.FAULT);
        return addr;
    }

    /** @return a buffer over {@code len} guest bytes at {@code addr} (checked; valid for the whole host call) */
    java.nio.ByteBuffer buffer(IoVec iov) { return memory().buffer(iov.offset(), iov.length()); }

    int u8(long addr) { check(addr, 1); return memory.load8(u32(addr)) & 0xFF; }
    int u16(long addr) { check(addr, 2); return memory.load16(u32(addr)) & 0xFFFF; }
    int i32(long addr) { check(addr, 4); return memory.load32(u32(addr)); }
    long i64(long addr) { check(addr, 8); return memory.load64(u32(addr)); }

    void put8(long addr, int v) { check(addr, 1); memory.store8(u32(addr), (byte) v); }
    void put16(long addr, int v) { check(addr, 2); memory.store16(u32(addr), (short) v); }
    void put32(long addr, int v) { check(addr, 4); memory.store32(u32(addr), v); }
    void put64(long addr, long v) { check(addr, 8); memory.store64(u32(addr), v); }

    /** Zeroes {@code len} bytes at {@code addr}. */
    void zero(long addr, int len) { memory().fill(check(addr, len), 0, len); }

    /** Copies {@code len} bytes of {@code src} to guest {@code addr}. */
    void write(long addr, byte[] src, int off, int len) { memory().write(check(addr, len), src, off, len); }

    /** @return a copy of {@code len} guest bytes at {@code addr} */
    byte[] read(long addr, long len) { return memory().read(check(addr, len), (int) u32(len)); }

    /**
     * Reads a guest string (UTF-8, not NUL-terminated).
     * @throws WasiError {@link Errno#ILSEQ} when the bytes are not valid UTF-8, {@link Errno#INVAL} when they contain NUL
     */
    String string(long addr, long len) {
        byte[] b = read(addr, len);
        var dec = StandardCharsets.UTF_8.newDecoder();
        String s;
        try {
            s = dec.decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new WasiError(Errno.ILSEQ);
        }
        if (s.indexOf('\0') >= 0) throw new WasiError(Errno.INVAL);
        return s;
    }

    /** One {@code iovec}/{@code ciovec} (witx: buf: pointer u8 at 0, buf_len: size at 4; 8 bytes). */
    record IoVec(long offset, int length) {}

    /** @return the {@code count} io vectors at {@code iovs}, each checked to lie inside memory */
    IoVec[] iovecs(long iovs, long count) {
        count = u32(count);
        check(iovs, count * 8);
        if (count > 1024) throw new WasiError(Errno.INVAL); // IOV_MAX
        IoVec[] v = new IoVec[(int) count];
        for (int i = 0; i < count; i++) {
            long base = u32(iovs) + 8L * i;
            long buf = u32(i32(base)), len = u32(i32(base + 4));
            v[i] = new IoVec(check(buf, len), (int) len);
        }
        return v;
    }
}
