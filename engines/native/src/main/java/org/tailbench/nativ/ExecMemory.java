package org.tailbench.nativ;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Executable memory through libc (java.lang.foreign downcalls, Linux): {@code mmap(PROT_READ|PROT_WRITE)},
 * copy the code in, then {@code mprotect(PROT_READ|PROT_EXEC)}: never writable and executable at once.
 * The mapping is released ({@code munmap}) when the returned segment becomes unreachable (an automatic arena).
 */
final class ExecMemory {
    private static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    private static final int MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20;
    private static final MethodHandle MMAP, MPROTECT, MUNMAP;

    static {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        MMAP = linker.downcallHandle(libc.findOrThrow("mmap"), FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        MPROTECT = linker.downcallHandle(libc.findOrThrow("mprotect"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        MUNMAP = linker.downcallHandle(libc.findOrThrow("munmap"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    private ExecMemory() {}

    /**
     * @return a read-execute mapping holding {@code code} at its start (page-rounded length)
     * @throws IllegalStateException when mmap or mprotect fails
     */
    static MemorySegment load(byte[] code) {
        long len = Math.max(4096, (code.length + 4095L) & ~4095L);
        try {
            long addr = (long) MMAP.invokeExact(0L, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
            if (addr == -1L) throw new IllegalStateException("mmap of " + len + " bytes for native code failed");
            MemorySegment.copy(code, 0, MemorySegment.ofAddress(addr).reinterpret(len), ValueLayout.JAVA_BYTE, 0, code.length);
            int rc = (int) MPROTECT.invokeExact(addr, len, PROT_READ | PROT_EXEC);
            if (rc != 0) throw new IllegalStateException("mprotect(PROT_READ|PROT_EXEC) of native code failed");
            return MemorySegment.ofAddress(addr).reinterpret(len, Arena.ofAuto(), s -> unmap(s.address(), len));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void unmap(long addr, long len) {
        try {
            int ignored = (int) MUNMAP.invokeExact(addr, len);
        } catch (Throwable t) {
            // nothing to do in a cleaner
        }
    }
}
