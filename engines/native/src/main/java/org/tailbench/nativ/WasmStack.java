package org.tailbench.nativ;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The native stack Wasm code runs on: one per thread, {@link #BYTES} of address space reserved with
 * {@code mmap(PROT_READ|PROT_WRITE, MAP_NORESERVE)} (the kernel commits pages as recursion touches them),
 * released when the thread's state is collected. The entry stub switches to it; upcalls switch back to the
 * thread's own stack (below the entry stub's frame), so Java code never runs on it and the JVM never sees it.
 * Wasm recursion is therefore bounded by {@link org.tailbench.runtime.Store#maxCallDepth()} and this size, not by
 * the Java thread's stack size. Host re-entrance continues below the Wasm frames already on it.
 */
final class WasmStack {
    /** 256 MiB: the default frame limit (200,000) times frames of up to ~1.3 KiB */
    static final long BYTES = 256L << 20;
    /** kept free below the limit for the trap stub's call and signal handlers that run on this stack */
    static final long MARGIN = 64 * 1024;
    /** bytes left free below the recorded stack pointer of an upcall before a nested entry's frames */
    private static final long RED_ZONE = 256;

    private static final int PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;
    private static final MethodHandle MMAP, MUNMAP;
    static {
        Linker l = Linker.nativeLinker();
        var libc = l.defaultLookup();
        MMAP = l.downcallHandle(libc.findOrThrow("mmap"), FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        MUNMAP = l.downcallHandle(libc.findOrThrow("munmap"), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    private static final ThreadLocal<WasmStack> CURRENT = ThreadLocal.withInitial(WasmStack::new);

    private final MemorySegment mapping;
    /** the stack pointer the next entry starts from: the top, or below the Wasm frames of an upcall in progress */
    private long next;

    private WasmStack() {
        long addr;
        try {
            addr = (long) MMAP.invokeExact(0L, BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (addr == -1L) throw new IllegalStateException("native: cannot reserve " + BYTES + " bytes for a Wasm stack");
        long len = BYTES;
        this.mapping = MemorySegment.ofAddress(addr).reinterpret(len, Arena.ofAuto(), s -> unmap(s.address(), len));
        this.next = top();
    }

    private static void unmap(long addr, long len) {
        try {
            int ignored = (int) MUNMAP.invokeExact(addr, len);
        } catch (Throwable t) {
            // nothing to do in a cleaner
        }
    }

    static WasmStack current() { return CURRENT.get(); }

    long top() { return (mapping.address() + BYTES) & ~15L; }
    /** the lowest stack pointer generated code may reach (prologues compare with it) */
    long limit() { return mapping.address() + MARGIN; }
    /** @return where an entry's Wasm frames start */
    long entrySp() { return next; }

    /** An upcall from Wasm code whose stack pointer was {@code sp}: nested entries go below it. @return the previous value, for {@link #restore} */
    long upcallAt(long sp) {
        long old = next;
        if (sp > limit() && sp <= top()) next = (sp - RED_ZONE) & ~15L;
        return old;
    }

    void restore(long old) { next = old; }

    /** keeps the mapping reachable while code runs on it */
    MemorySegment mapping() { return mapping; }
}
