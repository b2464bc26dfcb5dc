package org.tailbench.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Reserve-then-commit anonymous mappings through libc (java.lang.foreign downcalls, Linux only):
 * {@code mmap(PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE)} reserves an address range that costs
 * no memory, {@code mprotect(PROT_READ|PROT_WRITE)} commits a prefix of it (the kernel zero-fills each
 * page on first touch), {@code munmap} releases it. Used by {@link Memory} for its off-heap backing.
 * Needs {@code --enable-native-access=ALL-UNNAMED} (else the JDK warns once).
 */
@SuppressWarnings("restricted") // downcalls to libc; callers run with --enable-native-access=ALL-UNNAMED
final class AddressSpace {
    private static final int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2;
    private static final int MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;

    private static final MethodHandle MMAP, MPROTECT, MUNMAP;
    private static final StructLayout CALL_STATE;
    private static final VarHandle ERRNO;
    /** why the off-heap backing is unavailable (not Linux, no libc symbols, native access denied), or null */
    static final String UNAVAILABLE;

    static {
        MethodHandle mmap = null, mprotect = null, munmap = null;
        StructLayout state = null;
        VarHandle errno = null;
        String why = null;
        try {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                throw new UnsupportedOperationException("not Linux (" + System.getProperty("os.name") + ")");
            }
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            Linker.Option errnoOpt = Linker.Option.captureCallState("errno");
            state = Linker.Option.captureStateLayout();
            errno = state.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
            ValueLayout.OfLong size = ValueLayout.JAVA_LONG;
            mmap = linker.downcallHandle(libc.findOrThrow("mmap"), FunctionDescriptor.of(ValueLayout.ADDRESS,
                    ValueLayout.ADDRESS, size, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, size), errnoOpt);
            mprotect = linker.downcallHandle(libc.findOrThrow("mprotect"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, size, ValueLayout.JAVA_INT), errnoOpt);
            munmap = linker.downcallHandle(libc.findOrThrow("munmap"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, size));
        } catch (RuntimeException | Error e) {
            why = e.getClass().getSimpleName() + ": " + e.getMessage();
            mmap = mprotect = munmap = null;
        }
        MMAP = mmap; MPROTECT = mprotect; MUNMAP = munmap; CALL_STATE = state; ERRNO = errno; UNAVAILABLE = why;
    }

    private AddressSpace() {}

    /** Thrown when a libc call fails; carries the errno. */
    static final class MapFailure extends Exception {
        final int errno;
        MapFailure(String call, int errno) { super(call + " failed (errno " + errno + ")"); this.errno = errno; }
    }

    /** @return the base address of {@code bytes} reserved, inaccessible bytes (page aligned) */
    static long reserve(long bytes) throws MapFailure {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CALL_STATE);
            MemorySegment p = (MemorySegment) MMAP.invokeExact(st, MemorySegment.NULL, bytes, PROT_NONE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            if (p.address() == -1L) throw new MapFailure("mmap(" + bytes + " bytes, PROT_NONE)", (int) ERRNO.get(st, 0L));
            return p.address();
        } catch (MapFailure e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap downcall", t);
        }
    }

    /** Makes {@code [base+from, base+to)} readable and writable (it reads as zeros until written). */
    static void commit(long base, long from, long to) throws MapFailure {
        if (to <= from) return;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CALL_STATE);
            int r = (int) MPROTECT.invokeExact(st, MemorySegment.ofAddress(base + from), to - from, PROT_READ | PROT_WRITE);
            if (r != 0) throw new MapFailure("mprotect(" + (to - from) + " bytes, READ|WRITE)", (int) ERRNO.get(st, 0L));
        } catch (MapFailure e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mprotect downcall", t);
        }
    }

    /** Releases a range {@link #reserve} returned. Never throws (runs in a Cleaner). */
    static void release(long base, long bytes) {
        try {
            int r = (int) MUNMAP.invokeExact(MemorySegment.ofAddress(base), bytes);
            assert r == 0;
        } catch (Throwable ignored) {
            // nothing to do: the range stays reserved (address space only)
        }
    }
}
