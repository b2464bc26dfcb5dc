package org.tailbench.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.tailbench.wasm.Limits;

/**
 * A linear memory instance (spec §4.2.8): {@code pages * 64 KiB} little-endian bytes, up to the spec's
 * 65,536 pages (4 GiB). Addresses are unsigned 32-bit values plus an unsigned offset, passed as
 * {@code long} (effective addresses up to 2^33); every access checks bounds against the current size
 * and traps with {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS}.
 *
 * <p>Two backings behind this one class (chosen at construction by {@link #backingFor}, from the declared
 * limits, unless the creator requires one):
 * <ul>
 *   <li><b>mapped</b> (off-heap): the whole range the memory may ever use (its page limit, 4 GiB when
 *       it declares no maximum, plus {@link #GUARD_BYTES}) is reserved once with
 *       {@code mmap(PROT_NONE, MAP_NORESERVE)} and committed with {@code mprotect(READ|WRITE)} on
 *       instantiation and {@code memory.grow}; the kernel zero-fills pages lazily, so a 4 GiB memory
 *       costs nothing until touched and its base address never moves (what a native backend needs).
 *       The mapping is released when the memory and every {@link #segment()} view of it are unreachable
 *       (an automatic {@link Arena}'s cleanup). Used when the declared max exceeds
 *       {@link #HEAP_LIMIT_PAGES} or the initial size exceeds {@link #EAGER_HEAP_MAX_PAGES}.</li>
 *   <li><b>heap</b>: a {@code byte[]} (copied on growth, {@link #heapArray()}), for every other memory,
 *       including those that declare no maximum: they may grow to at most {@link #HEAP_LIMIT_PAGES} pages,
 *       and {@code memory.grow} beyond that returns -1 (spec §4.4.7 lets it fail at any size). Also the
 *       fallback where mapping is unavailable.</li>
 * </ul>
 * {@code -Dtailbench.memory=heap|mapped|auto} (default auto) forces a backing, e.g. for measurements.
 *
 * <p>Engines and host functions access memory only through this class: the bounds-checked methods
 * below, or {@link #segment()}, a {@link MemorySegment} of exactly the current size, which engines
 * cache and must re-read after {@link #grow} (and after any call that may grow). Accesses through a
 * cached view check bounds against {@code segment.byteSize()} before touching it (the layouts
 * {@link #LE_I16}, {@link #LE_I32}, {@link #LE_I64} are unaligned little-endian).
 */
public final class Memory implements Extern {
    public static final int PAGE_SIZE = 65536;
    /** 65,536 pages = 4 GiB, the spec's limit for a 32-bit memory (spec §2.3.8 memory types). */
    public static final int MAX_PAGES = 65536;
    /** Largest heap ({@code byte[]}) memory: 32,767 pages = 2 GiB - 64 KiB, the most a Java array holds. */
    public static final int HEAP_LIMIT_PAGES = 32767;
    /**
     * Largest initial size (declared min) of a heap memory in the default (auto) mode: 1024 pages = 64 MiB.
     * A {@code byte[]} is zeroed eagerly at instantiation and occupies the Java heap (a first
     * {@code new byte[64 MiB]} in a fresh JVM took 48 ms), a mapped memory is zeroed lazily per touched page,
     * so larger initial memories are mapped.
     */
    public static final int EAGER_HEAP_MAX_PAGES = 1024;
    /** Inaccessible bytes reserved after the largest size a mapped memory may reach (for a native backend's unchecked offsets). */
    public static final long GUARD_BYTES = 1L << 31;

    public static final ValueLayout.OfShort LE_I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfInt LE_I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong LE_I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    /** The view engines use for "no memory": zero bytes, every access traps. */
    public static final MemorySegment EMPTY = MemorySegment.ofArray(new byte[0]);

    /** Which storage a memory uses. */
    public enum Backing { HEAP, MAPPED }

    /** engine option {@code memory} ({@code -Dtailbench.memory}), per JVM: auto, heap or mapped */
    private static final String MODE = EngineOptions.process().get(EngineOptions.MEMORY);

    private final long declaredMax;
    private final int limitPages;
    private final Backing backing;
    /** the current view: exactly {@code pages * PAGE_SIZE} bytes */
    private MemorySegment segment;
    private int pages;
    // heap backing
    private byte[] bytes;
    // mapped backing
    private final Arena arena;
    private final long base;

    /**
     * @param limits     declared limits in pages
     * @param limitPages the implementation's page limit (the store's), at most {@link #MAX_PAGES}
     * @throws Trap (HOST kind) when {@code limits.min()} exceeds the page limit, or when the address range
     *              cannot be reserved or committed (mmap/mprotect failed, e.g. out of address space)
     */
    public Memory(Limits limits, int limitPages) {
        this(limits, limitPages, null);
    }

    /**
     * A memory with a required backing: a native backend needs {@link Backing#MAPPED} (a fixed base address),
     * aot's {@code byte[]} access path {@link Backing#HEAP}.
     * @param required the backing to use, or null for the default choice ({@link #backingFor})
     * @throws Trap (HOST kind) as {@link #Memory(Limits, int)}, and when {@code required} is MAPPED but
     *              mapping is unavailable ({@link #mappedUnavailableReason()})
     */
    @SuppressWarnings("restricted") // reinterpret: the reserved range becomes a segment of the automatic arena
    public Memory(Limits limits, int limitPages, Backing required) {
        this.declaredMax = limits.max();
        int limit = Math.min(Math.max(limitPages, 0), MAX_PAGES);
        if (declaredMax >= 0 && declaredMax < limit) limit = (int) declaredMax;
        if (required == Backing.MAPPED && AddressSpace.UNAVAILABLE != null) {
            throw new Trap(TrapKind.HOST, "an off-heap (mapped) memory is unavailable: " + AddressSpace.UNAVAILABLE, null);
        }
        this.backing = required != null ? required : backingFor(limits);
        if (backing == Backing.HEAP) limit = Math.min(limit, HEAP_LIMIT_PAGES);
        this.limitPages = limit;
        long min = limits.min();
        if (min > limit) {
            throw new Trap(TrapKind.HOST, "memory of " + min + " pages exceeds the limit of " + limit + " pages", null);
        }
        this.pages = (int) min;
        if (backing == Backing.HEAP) {
            this.arena = null;
            this.base = 0;
            this.bytes = new byte[pages * PAGE_SIZE];
            this.segment = MemorySegment.ofArray(bytes);
        } else {
            long reserve = (long) limit * PAGE_SIZE + GUARD_BYTES;
            long b = reserveWithRetry(reserve, min);
            Arena auto = Arena.ofAuto();
            MemorySegment.ofAddress(b).reinterpret(reserve, auto, s -> AddressSpace.release(s.address(), reserve));
            this.arena = auto;
            this.base = b;
            try {
                AddressSpace.commit(b, 0, (long) pages * PAGE_SIZE);
            } catch (AddressSpace.MapFailure e) {
                throw new Trap(TrapKind.HOST, "cannot commit a memory of " + min + " pages: " + e.getMessage(), null);
            }
            this.segment = view();
        }
    }

    /**
     * The default backing rule, a function of the declared limits only (so a compiler can apply it ahead of
     * instantiation, as aot does to pick its access path):
     * <ul>
     *   <li>{@link Backing#MAPPED} when the declared max exceeds {@link #HEAP_LIMIT_PAGES} (only a mapping
     *       reaches 4 GiB) or the declared min exceeds {@link #EAGER_HEAP_MAX_PAGES} (a {@code byte[]} is
     *       zeroed eagerly, a mapping lazily);</li>
     *   <li>{@link Backing#HEAP} otherwise, including no declared max (growth then stops at
     *       {@link #HEAP_LIMIT_PAGES} pages: {@code memory.grow} returns -1, which spec §4.4.7 allows).</li>
     * </ul>
     * {@code -Dtailbench.memory=heap|mapped} overrides the rule; heap wherever mapping is unavailable.
     * @param declared the memory type's limits in pages (max -1: none)
     */
    public static Backing backingFor(Limits declared) {
        if (AddressSpace.UNAVAILABLE != null || MODE.equals("heap")) return Backing.HEAP;
        if (MODE.equals("mapped")) return Backing.MAPPED;
        return declared.max() > HEAP_LIMIT_PAGES || declared.min() > EAGER_HEAP_MAX_PAGES ? Backing.MAPPED : Backing.HEAP;
    }

    /** @return why {@link Backing#MAPPED} memories cannot be made here (not Linux, no native access), or null when they can */
    public static String mappedUnavailableReason() { return AddressSpace.UNAVAILABLE; }

    /** Reserves {@code bytes}; on failure collects garbage (unreachable memories release theirs) and retries. */
    private static long reserveWithRetry(long bytes, long minPages) {
        AddressSpace.MapFailure last = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            try {
                return AddressSpace.reserve(bytes);
            } catch (AddressSpace.MapFailure e) {
                last = e;
                System.gc();
                try { Thread.sleep(1L << (2 * attempt)); } catch (InterruptedException ie) { Thread.currentThread().interrupt(); break; }
            }
        }
        throw new Trap(TrapKind.HOST, "cannot reserve " + bytes + " bytes of address space for a memory of "
                + minPages + " pages: " + last.getMessage(), null);
    }

    @SuppressWarnings("restricted")
    private MemorySegment view() {
        return MemorySegment.ofAddress(base).reinterpret((long) pages * PAGE_SIZE, arena, null);
    }

    /** @return the current limits (min = current size), as import matching sees them */
    public Limits limits() { return new Limits(pages, declaredMax); }

    /** @return the current view, exactly {@link #byteSize()} bytes; replaced by {@link #grow} (a mapped memory's base address stays) */
    public MemorySegment segment() { return segment; }
    public Backing backing() { return backing; }

    /**
     * @return a heap memory's {@code byte[]} of exactly {@link #byteSize()} bytes (the same bytes as
     *         {@link #segment()}; replaced by {@link #grow}, so holders re-read it after any call that may
     *         grow), or null for a mapped memory
     */
    public byte[] heapArray() { return bytes; }

    /**
     * @return a mapped memory's base address (fixed for its lifetime; {@link #reservedBytes()} of address
     *         space follow it, the first {@link #byteSize()} readable and writable), or -1 for a heap memory
     */
    public long baseAddress() { return backing == Backing.MAPPED ? base : -1; }

    /** @return the address range a mapped memory reserved (its page limit plus {@link #GUARD_BYTES}), 0 for a heap memory */
    public long reservedBytes() { return backing == Backing.MAPPED ? (long) limitPages * PAGE_SIZE + GUARD_BYTES : 0; }
    public int pages() { return pages; }
    /** @return the size in bytes, {@code pages * 65536} (up to 2^32) */
    public long byteSize() { return (long) pages * PAGE_SIZE; }

    /**
     * {@code memory.grow} (spec §4.4.7): grows by {@code delta} pages (an unsigned i32), keeping the contents.
     * @return the old size in pages, or -1 when growing would exceed the declared max or the limit (or the commit failed)
     */
    public int grow(long delta) {
        int old = pages;
        long target = old + (delta & 0xFFFFFFFFL);
        if (target > limitPages) return -1;
        if (target == old) return old;
        if (backing == Backing.HEAP) {
            bytes = Arrays.copyOf(bytes, (int) target * PAGE_SIZE);
            pages = (int) target;
            segment = MemorySegment.ofArray(bytes);
        } else {
            try {
                AddressSpace.commit(base, (long) old * PAGE_SIZE, target * PAGE_SIZE);
            } catch (AddressSpace.MapFailure e) {
                return -1;
            }
            pages = (int) target;
            segment = view();
        }
        return old;
    }

    /** Throws the out-of-bounds trap unless {@code [addr, addr+len)} lies inside the memory (both unsigned, as long). */
    public void check(long addr, long len) {
        if (addr < 0 || len < 0 || addr + len > byteSize() || addr + len < 0) throw new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    public byte load8(long addr) { check(addr, 1); return segment.get(I8, addr); }
    public short load16(long addr) { check(addr, 2); return segment.get(LE_I16, addr); }
    public int load32(long addr) { check(addr, 4); return segment.get(LE_I32, addr); }
    public long load64(long addr) { check(addr, 8); return segment.get(LE_I64, addr); }
    public void store8(long addr, byte v) { check(addr, 1); segment.set(I8, addr, v); }
    public void store16(long addr, short v) { check(addr, 2); segment.set(LE_I16, addr, v); }
    public void store32(long addr, int v) { check(addr, 4); segment.set(LE_I32, addr, v); }
    public void store64(long addr, long v) { check(addr, 8); segment.set(LE_I64, addr, v); }

    /** Copies {@code len} bytes out of memory. @throws Trap when out of bounds */
    public byte[] read(long addr, int len) {
        check(addr, len);
        byte[] out = new byte[len];
        MemorySegment.copy(segment, I8, addr, out, 0, len);
        return out;
    }

    /** Copies {@code len} bytes of {@code src} from {@code off} into memory at {@code addr}. @throws Trap when out of bounds */
    public void write(long addr, byte[] src, int off, int len) {
        check(addr, len);
        MemorySegment.copy(src, off, segment, I8, addr, len);
    }

    /**
     * @return a little-endian {@link ByteBuffer} over {@code [addr, addr+len)} (for channel I/O), valid until
     *         the next {@link #grow}. @throws Trap when out of bounds
     */
    public ByteBuffer buffer(long addr, int len) {
        check(addr, len);
        return segment.asSlice(addr, len).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code memory.fill} (spec §4.4.7). */
    public void fill(long dst, int value, long len) {
        check(dst, len);
        segment.asSlice(dst, len).fill((byte) value);
    }

    /** {@code memory.copy} within this memory, overlap-safe (spec §4.4.7). */
    public void copy(long dst, long src, long len) {
        check(dst, len);
        check(src, len);
        MemorySegment.copy(segment, src, segment, dst, len);
    }

    /** {@code memory.init} from a data segment's bytes (spec §4.4.7); a dropped segment is empty. */
    public void init(long dst, byte[] data, long src, long len) {
        if (src < 0 || len < 0 || src + len > data.length) throw new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        check(dst, len);
        MemorySegment.copy(data, (int) src, segment, I8, dst, (int) len);
    }
}
