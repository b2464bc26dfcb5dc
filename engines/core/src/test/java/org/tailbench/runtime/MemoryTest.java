package org.tailbench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tailbench.wasm.Limits;

/**
 * {@link Memory} on both backings: the choice of backing, bounds checks at the current size (spec 2.0
 * §4.4.7, out-of-bounds trap), growth keeping contents and failing with -1 at the declared max, the
 * store's limit and the spec's 65,536 pages, and the libc mapping's failure path.
 */
class MemoryTest {
    /** (limits, store limit): a heap memory (small declared max) and a mapped one (a max above the heap limit) */
    static Stream<Arguments> memories() {
        return Stream.of(Arguments.of(new Limits(1, 4), Memory.MAX_PAGES), Arguments.of(new Limits(1, 65536), Memory.MAX_PAGES));
    }

    @Test
    void backingFollowsTheDeclaredLimits() {
        // a Linux JVM with native access (the only platform the project runs on), default (auto) mode
        assertThat(Memory.mappedUnavailableReason()).isNull();
        assertThat(Memory.backingFor(new Limits(1, 4))).isEqualTo(Memory.Backing.HEAP);
        assertThat(Memory.backingFor(new Limits(2, -1))).isEqualTo(Memory.Backing.HEAP);          // no max: heap
        assertThat(Memory.backingFor(new Limits(0, 32767))).isEqualTo(Memory.Backing.HEAP);       // the most a byte[] holds
        assertThat(Memory.backingFor(new Limits(0, 32768))).isEqualTo(Memory.Backing.MAPPED);
        assertThat(Memory.backingFor(new Limits(1, 65536))).isEqualTo(Memory.Backing.MAPPED);
        assertThat(Memory.backingFor(new Limits(1024, -1))).isEqualTo(Memory.Backing.HEAP);      // 64 MiB zeroed eagerly
        assertThat(Memory.backingFor(new Limits(1025, -1))).isEqualTo(Memory.Backing.MAPPED);
        Memory noMax = new Memory(new Limits(0, -1), Memory.MAX_PAGES);
        assertThat(noMax.backing()).isEqualTo(Memory.Backing.HEAP);
        assertThat(noMax.heapArray()).isEmpty();
        assertThat(noMax.baseAddress()).isEqualTo(-1);
        Memory max4g = new Memory(new Limits(0, 65536), Memory.MAX_PAGES);
        assertThat(max4g.backing()).isEqualTo(Memory.Backing.MAPPED);
        assertThat(max4g.heapArray()).isNull();
    }

    @Test
    void aRequiredBackingOverridesTheRule() {
        Memory mapped = new Memory(new Limits(1, -1), Memory.MAX_PAGES, Memory.Backing.MAPPED);
        assertThat(mapped.backing()).isEqualTo(Memory.Backing.MAPPED);
        assertThat(mapped.reservedBytes()).isEqualTo(65536L * 65536 + Memory.GUARD_BYTES);
        Memory heap = new Memory(new Limits(1, 65536), Memory.MAX_PAGES, Memory.Backing.HEAP);
        assertThat(heap.backing()).isEqualTo(Memory.Backing.HEAP);
        assertThat(heap.heapArray()).hasSize(65536);
        // a required heap memory stops at the byte[] limit
        assertThatThrownBy(() -> new Memory(new Limits(32768, -1), Memory.MAX_PAGES, Memory.Backing.HEAP))
                .isInstanceOf(Trap.class).hasMessageContaining("exceeds the limit of 32767 pages");
    }

    @Test
    void aHeapMemoryWithoutMaxStopsGrowingAtTheHeapLimit() {
        Memory m = new Memory(new Limits(1, -1), Memory.MAX_PAGES);
        assertThat(m.backing()).isEqualTo(Memory.Backing.HEAP);
        // spec §4.4.7: memory.grow may fail (-1) at any size; 32,767 pages is the most a byte[] holds
        assertThat(m.grow(32767)).isEqualTo(-1);
        assertThat(m.grow(65535)).isEqualTo(-1);
        assertThat(m.grow(0xFFFF_FFFFL)).isEqualTo(-1);
        assertThat(m.grow(1)).isEqualTo(1);
        byte[] grown = m.heapArray();
        assertThat(grown).hasSize(2 * 65536);
        m.store32(65536 + 4, 0x0A0B0C0D);
        assertThat(grown[65536 + 4]).isEqualTo((byte) 0x0D);   // little-endian, the same bytes as the segment
    }

    @ParameterizedTest
    @MethodSource("memories")
    void boundsAreCheckedAgainstTheCurrentSize(Limits limits, int storeLimit) {
        Memory m = new Memory(limits, storeLimit);
        m.store32(65532, 0x11223344);
        assertThat(m.load8(65535)).isEqualTo((byte) 0x11);
        assertThat(m.load16(65534)).isEqualTo((short) 0x1122);
        assertThatThrownBy(() -> m.load32(65533)).isInstanceOfSatisfying(Trap.class,
                t -> assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
        assertThatThrownBy(() -> m.store8(65536, (byte) 1)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> m.fill(65535, 0, 2)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> m.copy(0, 65535, 2)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> m.read(65535, 2)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> m.buffer(65535, 2)).isInstanceOf(Trap.class);
        assertThat(m.segment().byteSize()).isEqualTo(65536);
    }

    @ParameterizedTest
    @MethodSource("memories")
    void growthKeepsContentsAndZeroesNewPages(Limits limits, int storeLimit) {
        Memory m = new Memory(limits, storeLimit);
        Random r = new Random(42);
        byte[] data = new byte[4096];
        r.nextBytes(data);
        m.write(61440, data, 0, data.length);
        assertThat(m.grow(2)).isEqualTo(1);
        assertThat(m.pages()).isEqualTo(3);
        assertThat(m.segment().byteSize()).isEqualTo(3 * 65536L);
        assertThat(m.read(61440, data.length)).isEqualTo(data);
        assertThat(m.load64(3 * 65536 - 8)).isZero();
        m.copy(3 * 65536 - 4096, 61440, 4096); // into the new pages
        assertThat(m.read(3 * 65536 - 4096, 4096)).isEqualTo(data);
    }

    @Test
    void growthStopsAtTheDeclaredMaxAndTheStoreLimit() {
        Memory declared = new Memory(new Limits(1, 3), Memory.MAX_PAGES);
        assertThat(declared.grow(3)).isEqualTo(-1);
        assertThat(declared.grow(2)).isEqualTo(1);
        assertThat(declared.grow(1)).isEqualTo(-1);
        Memory store = new Memory(new Limits(1, 65536), 300);
        long base = store.baseAddress();
        assertThat(store.backing()).isEqualTo(Memory.Backing.MAPPED);
        assertThat(store.reservedBytes()).isEqualTo(300L * 65536 + Memory.GUARD_BYTES);
        assertThat(store.grow(300)).isEqualTo(-1);
        assertThat(store.grow(299)).isEqualTo(1);
        assertThat(store.pages()).isEqualTo(300);
        // the mapped memory's base address never moves
        assertThat(store.baseAddress()).isEqualTo(base);
        assertThat(store.segment().address()).isEqualTo(base);
    }

    @Test
    void theSpecsLimitIs65536Pages() {
        Memory m = new Memory(new Limits(65536, 65536), Memory.MAX_PAGES);
        assertThat(m.byteSize()).isEqualTo(1L << 32);
        m.store64(0xFFFF_FFF8L, -1L);
        assertThat(m.load8(0xFFFF_FFFFL)).isEqualTo((byte) -1);
        assertThat(m.grow(1)).isEqualTo(-1);
        assertThat(m.grow(0)).isEqualTo(65536);
        assertThatThrownBy(() -> new Memory(new Limits(10, -1), 5)).isInstanceOf(Trap.class)
                .hasMessageContaining("memory of 10 pages exceeds the limit of 5 pages");
    }

    @Test
    void aFailedMappingReportsErrno() {
        // 2^62 bytes exceed any x86-64/aarch64 user address space: mmap fails with ENOMEM (12)
        assertThatThrownBy(() -> AddressSpace.reserve(1L << 62)).isInstanceOfSatisfying(AddressSpace.MapFailure.class,
                e -> assertThat(e.errno).isEqualTo(12));
    }

    @Test
    void manyUnreachableMemoriesAreReleased() {
        // 30,000 x 6 GiB reserved one after another exhaust the 128 TiB of a 47-bit user address space
        // (~21,800 of them) unless unreachable ones are released: the automatic arena's cleanup and
        // Memory's collect-and-retry on a failed mmap keep this going (a fuzzer's pattern). One page touched each.
        for (int i = 0; i < 30_000; i++) {
            Memory m = new Memory(new Limits(1, 65536), Memory.MAX_PAGES);
            m.store32(0, i);
            assertThat(m.load32(0)).isEqualTo(i);
        }
    }
}
