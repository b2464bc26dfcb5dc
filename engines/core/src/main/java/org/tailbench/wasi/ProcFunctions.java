package org.tailbench.wasi;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Arguments, environment, clocks, randomness, {@code poll_oneoff}, {@code sched_yield} and
 * {@code proc_exit} of WASI preview 1. Clock values are nanoseconds: realtime since the Unix epoch,
 * monotonic since an arbitrary origin, process/thread CPU time since the JVM/thread started.
 */
final class ProcFunctions {
    private final WasiContext ctx;
    private final boolean unstable;

    ProcFunctions(WasiContext ctx, boolean unstable) { this.ctx = ctx; this.unstable = unstable; }

    /** args_sizes_get / environ_sizes_get(count_ptr, buf_size_ptr): count and total bytes incl. NULs. */
    static int sizesGet(GuestMemory m, long[] a, List<String> strings) {
        long size = 0;
        for (String s : strings) size += s.getBytes(StandardCharsets.UTF_8).length + 1;
        m.check(a[0], 4);
        m.check(a[1], 4);
        m.put32(a[0], strings.size());
        m.put32(a[1], (int) size);
        return Errno.SUCCESS;
    }

    /** args_get / environ_get(ptrs_ptr, buf_ptr): a pointer per string into buf, strings NUL-terminated. */
    static int stringsGet(GuestMemory m, long[] a, List<String> strings) {
        long ptrs = GuestMemory.u32(a[0]), buf = GuestMemory.u32(a[1]);
        m.check(ptrs, 4L * strings.size());
        for (int i = 0; i < strings.size(); i++) {
            byte[] b = strings.get(i).getBytes(StandardCharsets.UTF_8);
            m.check(buf, b.length + 1L);
            m.write(buf, b, 0, b.length);
            m.put8(buf + b.length, 0);
            m.put32(ptrs + 4L * i, (int) buf);
            buf += b.length + 1;
        }
        return Errno.SUCCESS;
    }

    int argsSizesGet(GuestMemory m, long[] a) { return sizesGet(m, a, ctx.args); }
    int argsGet(GuestMemory m, long[] a) { return stringsGet(m, a, ctx.args); }
    int environSizesGet(GuestMemory m, long[] a) { return sizesGet(m, a, ctx.env); }
    int environGet(GuestMemory m, long[] a) { return stringsGet(m, a, ctx.env); }

    /** @return the current time of {@code clockId} in ns @throws WasiError INVAL for an unknown clock */
    static long now(int clockId) {
        return switch (clockId) {
            case WasiTypes.CLOCK_REALTIME -> {
                Instant t = Instant.now();
                yield t.getEpochSecond() * 1_000_000_000L + t.getNano();
            }
            case WasiTypes.CLOCK_MONOTONIC -> System.nanoTime() - MONOTONIC_ORIGIN;
            case WasiTypes.CLOCK_PROCESS_CPUTIME -> processCpuTime();
            case WasiTypes.CLOCK_THREAD_CPUTIME -> ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    /** Origin of the monotonic clock, chosen so that its values are positive. */
    private static final long MONOTONIC_ORIGIN = System.nanoTime() - 1_000_000_000L;

    private static long processCpuTime() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            if (t >= 0) return t;
        }
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** clock_time_get(id, precision, time_ptr) */
    int clockTimeGet(GuestMemory m, long[] a) {
        m.check(a[2], 8);
        m.put64(a[2], now((int) a[0]));
        return Errno.SUCCESS;
    }

    /** clock_res_get(id, resolution_ptr): 1 µs for realtime and CPU clocks, 1 ns for monotonic. */
    int clockResGet(GuestMemory m, long[] a) {
        long res = switch ((int) a[0]) {
            case WasiTypes.CLOCK_MONOTONIC -> 1;
            case WasiTypes.CLOCK_REALTIME, WasiTypes.CLOCK_PROCESS_CPUTIME, WasiTypes.CLOCK_THREAD_CPUTIME -> 1000;
            default -> throw new WasiError(Errno.INVAL);
        };
        m.put64(a[1], res);
        return Errno.SUCCESS;
    }

    /** random_get(buf, buf_len) */
    int randomGet(GuestMemory m, long[] a) {
        long off = m.check(a[0], a[1]);
        byte[] b = new byte[(int) GuestMemory.u32(a[1])];
        synchronized (ctx.random) { ctx.random.nextBytes(b); }
        m.write(off, b, 0, b.length);
        return Errno.SUCCESS;
    }

    /** sched_yield() */
    int schedYield(GuestMemory m, long[] a) {
        Thread.yield();
        return Errno.SUCCESS;
    }

    /** proc_exit(code): flushes the outputs and unwinds with {@link WasiExit}. */
    int procExit(GuestMemory m, long[] a) {
        ctx.flush();
        throw new WasiExit((int) a[0]);
    }

    private record Event(long userdata, int error, int type, long nbytes) {}

    /**
     * poll_oneoff(in, out, nsubscriptions, nevents_ptr). Subscriptions (48 bytes; 56 in wasi_unstable):
     * userdata u64 @0, tag u8 @8; clock: id u32 @16, timeout u64 @24, precision u64 @32, flags u16 @40
     * (wasi_unstable: identifier u64 @16 then the same fields 8 bytes later); fd_read/fd_write: fd u32 @16.
     * Events (32 bytes): userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24.
     * Descriptors are always ready; when none is polled the call sleeps until the earliest clock expires.
     */
    int pollOneoff(GuestMemory m, long[] a) {
        long in = GuestMemory.u32(a[0]), out = GuestMemory.u32(a[1]), n = GuestMemory.u32(a[2]);
        int subSize = unstable ? 56 : 48, clk = unstable ? 8 : 0;
        if (n == 0) throw new WasiError(Errno.INVAL);
        m.check(in, n * subSize);
        m.check(out, n * 32);
        m.check(a[3], 4);
        List<Event> ready = new ArrayList<>();
        long[] waits = new long[(int) n];
        long minWait = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long s = in + (long) i * subSize;
            long userdata = m.i64(s);
            int tag = m.u8(s + 8);
            waits[i] = Long.MAX_VALUE;
            switch (tag) {
                case WasiTypes.EVENTTYPE_CLOCK -> {
                    int id = m.i32(s + 16 + clk);
                    long timeout = m.i64(s + 24 + clk);
                    boolean abs = (m.u16(s + 40 + clk) & WasiTypes.SUBCLOCK_ABSTIME) != 0;
                    long wait;
                    try {
                        wait = abs ? timeout - now(id) : timeout;
                    } catch (WasiError e) {
                        ready.add(new Event(userdata, e.errno, tag, 0));
                        continue;
                    }
                    waits[i] = Math.max(0, wait);
                    minWait = Math.min(minWait, waits[i]);
                }
                case WasiTypes.EVENTTYPE_FD_READ, WasiTypes.EVENTTYPE_FD_WRITE -> {
                    int fd = m.i32(s + 16);
                    int err = Errno.SUCCESS;
                    long nbytes = 0;
                    try {
                        FdEntry e = ctx.fds.get(fd);
                        if (tag == WasiTypes.EVENTTYPE_FD_READ) nbytes = readable(e);
                    } catch (WasiError e) {
                        err = e.errno;
                    }
                    ready.add(new Event(userdata, err, tag, nbytes));
                }
                default -> throw new WasiError(Errno.INVAL);
            }
        }
        if (ready.isEmpty() && minWait != Long.MAX_VALUE) {
            sleep(minWait);
        }
        if (ready.isEmpty() || minWait == 0) {
            for (int i = 0; i < n; i++) {
                if (waits[i] != Long.MAX_VALUE && waits[i] <= minWait) {
                    ready.add(new Event(m.i64(in + (long) i * subSize), Errno.SUCCESS, WasiTypes.EVENTTYPE_CLOCK, 0));
                }
            }
        }
        for (int i = 0; i < ready.size(); i++) {
            Event e = ready.get(i);
            long p = out + 32L * i;
            m.zero(p, 32);
            m.put64(p, e.userdata());
            m.put16(p + 8, e.error());
            m.put8(p + 10, e.type());
            m.put64(p + 16, e.nbytes());
        }
        m.put32(a[3], ready.size());
        return Errno.SUCCESS;
    }

    private static long readable(FdEntry e) {
        try {
            return switch (e) {
                case FdEntry.Input in -> in.in.available();
                case FdEntry.File f -> Math.max(0, f.channel.size() - f.channel.position());
                default -> 0;
            };
        } catch (java.io.IOException x) {
            return 0;
        }
    }

    private static void sleep(long nanos) {
        if (nanos <= 0) return;
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
