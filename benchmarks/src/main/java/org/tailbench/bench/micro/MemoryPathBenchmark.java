package org.tailbench.bench.micro;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tailbench.runtime.Memory;
import org.tailbench.wasm.Limits;

/**
 * The memory access paths of the engines, side by side: a Wasm-style i32 load + i32 store pair
 * (unsigned 32-bit address plus static offset, explicit bounds check giving the trap) on a 1 MiB linear
 * memory, through (a) little-endian byte-array view {@link VarHandle}s on a {@code byte[]} (the engines'
 * path before the off-heap memory), (b) a heap {@link MemorySegment} over the same array, and (c) the
 * mmap-reserved off-heap segment of a mapped {@link Memory} (what the engines use for memories declaring a
 * max above 32,767 pages), both with an unaligned little-endian int layout. Time per load+store pair,
 * averaged over 4096 pairs with data-dependent addresses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MemoryPathBenchmark {
    private static final int PAIRS = 4096;
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private MemorySegment segment;
    private MemorySegment mapped;

    @Setup
    public void setup() {
        bytes = new byte[1 << 20];
        segment = MemorySegment.ofArray(bytes);
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        Memory memory = new Memory(new Limits(16, -1), Memory.MAX_PAGES, Memory.Backing.MAPPED);
        if (memory.backing() != Memory.Backing.MAPPED) throw new IllegalStateException("expected a mapped memory: " + memory.backing());
        mapped = memory.segment();
        MemorySegment.copy(segment, 0, mapped, 0, bytes.length);
    }

    private static int loadVh(byte[] m, int addr, int off) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 4) throw new IndexOutOfBoundsException();
        return (int) I32.get(m, ea);
    }

    private static void storeVh(byte[] m, int addr, int v, int off) {
        int ea = addr + off;
        if ((addr | off | ea) < 0 || ea > m.length - 4) throw new IndexOutOfBoundsException();
        I32.set(m, ea, v);
    }

    private static int loadSeg(MemorySegment m, int addr, int off) {
        long ea = (addr & 0xFFFFFFFFL) + (off & 0xFFFFFFFFL);
        if (ea > m.byteSize() - 4) throw new IndexOutOfBoundsException();
        return m.get(LE_INT, ea);
    }

    private static void storeSeg(MemorySegment m, int addr, int v, int off) {
        long ea = (addr & 0xFFFFFFFFL) + (off & 0xFFFFFFFFL);
        if (ea > m.byteSize() - 4) throw new IndexOutOfBoundsException();
        m.set(LE_INT, ea, v);
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int byteArrayVarHandle() {
        byte[] m = bytes;
        int acc = 0, addr = 0;
        for (int i = 0; i < PAIRS; i++) {
            int v = loadVh(m, addr, 16);
            storeVh(m, addr ^ 0x100, v + i, 8);
            acc += v;
            addr = (addr + (v & 0xFFC) + 4) & 0x7FFF0;
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int memorySegment() { return segmentPairs(segment); }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int mappedSegment() { return segmentPairs(mapped); }

    private static int segmentPairs(MemorySegment m) {
        int acc = 0, addr = 0;
        for (int i = 0; i < PAIRS; i++) {
            int v = loadSeg(m, addr, 16);
            storeSeg(m, addr ^ 0x100, v + i, 8);
            acc += v;
            addr = (addr + (v & 0xFFC) + 4) & 0x7FFF0;
        }
        return acc;
    }
}
