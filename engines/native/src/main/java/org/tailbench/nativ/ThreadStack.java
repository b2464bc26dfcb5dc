package org.tailbench.nativ;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The lowest usable address of the current thread's own stack (glibc {@code pthread_getattr_np} +
 * {@code pthread_attr_getstack}), cached per thread, plus {@link #MARGIN}: generated code traps "call stack
 * exhausted" instead of making an upcall when the thread's stack (where Java runs) has less than that left, so
 * host functions re-entering Wasm never run the JVM out of stack inside an upcall (which would be fatal).
 */
final class ThreadStack {
    /** room kept for the Java code of one upcall (host function, helpers) and the JVM's upcall transition */
    static final long MARGIN = 512 * 1024;
    private static final MethodHandle SELF, GETATTR, GETSTACK, DESTROY;
    static {
        Linker l = Linker.nativeLinker();
        var libc = l.defaultLookup();
        SELF = l.downcallHandle(libc.findOrThrow("pthread_self"), FunctionDescriptor.of(ValueLayout.JAVA_LONG));
        GETATTR = l.downcallHandle(libc.findOrThrow("pthread_getattr_np"), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        GETSTACK = l.downcallHandle(libc.findOrThrow("pthread_attr_getstack"), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        DESTROY = l.downcallHandle(libc.findOrThrow("pthread_attr_destroy"), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    }

    /** per thread: {pthread_self, limit}; re-checked on each entry, as a virtual thread may move to another carrier */
    private static final ThreadLocal<long[]> LIMIT = ThreadLocal.withInitial(() -> new long[] {0, 0});

    private ThreadStack() {}

    /** @return the stack limit for generated code on the native thread running this one */
    static long limit() {
        long[] c = LIMIT.get();
        long self;
        try {
            self = (long) SELF.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (c[0] != self || c[1] == 0) { c[0] = self; c[1] = compute(self); }
        return c[1];
    }

    private static long compute(long self) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(128, 16);
            MemorySegment addr = arena.allocate(ValueLayout.ADDRESS), size = arena.allocate(ValueLayout.JAVA_LONG);
            int rc = (int) GETATTR.invokeExact(self, attr);
            if (rc != 0) throw new IllegalStateException("pthread_getattr_np failed: " + rc);
            try {
                rc = (int) GETSTACK.invokeExact(attr, addr, size);
                if (rc != 0) throw new IllegalStateException("pthread_attr_getstack failed: " + rc);
            } finally {
                int ignored = (int) DESTROY.invokeExact(attr);
            }
            long low = addr.get(ValueLayout.ADDRESS, 0).address();
            long bytes = size.get(ValueLayout.JAVA_LONG, 0);
            long margin = Math.min(MARGIN, bytes / 2);
            return low + margin;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
