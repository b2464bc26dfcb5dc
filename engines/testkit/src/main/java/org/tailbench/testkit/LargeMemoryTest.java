package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.tailbench.testkit.TestSupport.call;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Linear memory at the spec's limit, 65,536 pages = 4 GiB (spec 2.0 §2.3.8 memory types; loads and stores
 * §4.4.7: the effective address is the unsigned i32 operand plus the u32 offset, up to 2^33, and the access
 * traps unless all its bytes are below the memory's size), on the engines a subclass names ({@link EngineSuite}).
 * Modules: {@code memory4g/*.wat} (binaries made
 * with wabt's wat2wasm). Expected values are computed by hand from the spec's little-endian byte order
 * (and agree with node's V8 on the same binaries).
 * {@code heap.wasm} (no declared max) checks the heap-backed memory every ordinary program gets
 * ({@code Memory.backingFor}; aot's {@code byte[]} access path) and its 32,767-page growth limit.
 * Only a few bytes near 4 GiB are written: the off-heap memory commits lazily, so each test stays fast
 * (the time budget below only guards against a memory that zero-fills 4 GiB).
 */
public abstract class LargeMemoryTest extends EngineSuite {
    private static final Duration BUDGET = Duration.ofSeconds(20);

    private static byte[] wasm(String name) { return TestSupport.resource("/memory4g/" + name); }

    private static void assertOutOfBounds(Instance inst, String name, long... args) {
        assertThatThrownBy(() -> call(inst, name, args)).as(name)
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
    }

    /** One dynamic test per engine: instantiate {@code module} on a fresh store, then {@code check}, within {@link #BUDGET}. */
    private List<DynamicTest> perEngine(String module, Consumer<Instance> check) {
        return perEngine(module, (e, inst) -> check.accept(inst));
    }

    private List<DynamicTest> perEngine(String module, BiConsumer<Engine, Instance> check) {
        byte[] bytes = wasm(module);
        return engines().stream().map((Engine e) -> DynamicTest.dynamicTest(e.name(), () ->
                assertTimeoutPreemptively(BUDGET, () -> {
                    Instance inst = e.compile(ValidatedModule.of(bytes)).instantiate(new Store(), Imports.NONE);
                    check.accept(e, inst);
                }))).toList();
    }

    /** the native engines require mapped memories (their code needs a fixed base address: engines/native README) */
    private static boolean requiresMapped(Engine e) {
        return e.name().startsWith("native");
    }

    @TestFactory
    List<DynamicTest> a65536PageMemoryInstantiatesAndReportsItsSize() {
        return perEngine("memory4g.wasm", inst -> {
            assertThat(call(inst, "memory.size")).isEqualTo(65536);
            assertThat(inst.memory().byteSize()).isEqualTo(1L << 32);
            assertThat(inst.memory().backing()).isEqualTo(Memory.Backing.MAPPED);
            // already at the limit: memory.grow fails with -1 (an i32, read back as its sign-extended value)
            assertThat((int) call(inst, "memory.grow", 1)).isEqualTo(-1);
            assertThat((int) call(inst, "memory.grow", 0)).isEqualTo(65536);
        });
    }

    @TestFactory
    List<DynamicTest> loadsAndStoresAtTheLastBytes() {
        return perEngine("memory4g.wasm", inst -> {
            call(inst, "i64.store", 0xFFFF_FFF8L, 0x0102_0304_0506_0708L);
            assertThat(call(inst, "i64.load", 0xFFFF_FFF8L)).isEqualTo(0x0102_0304_0506_0708L);
            // little-endian: the last byte (address 2^32 - 1) holds the most significant byte
            assertThat(call(inst, "i32.load8_u", 0xFFFF_FFFFL)).isEqualTo(0x01);
            assertThat(call(inst, "i32.load8_u", 0xFFFF_FFF8L)).isEqualTo(0x08);
            // bytes FC..FF are 04 03 02 01
            assertThat((int) call(inst, "i32.load", 0xFFFF_FFFCL)).isEqualTo(0x0102_0304);
            call(inst, "i32.store8", 0xFFFF_FFFFL, 0xEE);
            assertThat(call(inst, "i32.load8_u", 0xFFFF_FFFFL)).isEqualTo(0xEE);
            // below 2 GiB and at 2 GiB (where a signed int index would turn negative)
            call(inst, "i32.store", 0x8000_0000L, 0x1234_5678);
            assertThat((int) call(inst, "i32.load", 0x8000_0000L)).isEqualTo(0x1234_5678);
            assertThat((int) call(inst, "i32.load", 0x7FFF_FFFEL)).isEqualTo(0x5678_0000);
        });
    }

    @TestFactory
    List<DynamicTest> accessesCrossingTheEndTrap() {
        return perEngine("memory4g.wasm", inst -> {
            assertOutOfBounds(inst, "i32.load", 0xFFFF_FFFFL);    // bytes 2^32-1 .. 2^32+2
            assertOutOfBounds(inst, "i32.load", 0xFFFF_FFFDL);
            assertOutOfBounds(inst, "i64.load", 0xFFFF_FFF9L);
            // effective address = operand + offset, computed without wrapping at 2^32 (never reads address 0)
            assertOutOfBounds(inst, "i64.load_off8", 0xFFFF_FFF8L); // ea = 2^32
            assertOutOfBounds(inst, "i32.load_off4", 0xFFFF_FFFCL); // ea = 2^32
            assertOutOfBounds(inst, "i32.load_offmax", 0);            // ea = 2^32 - 1: 3 bytes past the end
            assertOutOfBounds(inst, "i32.load_offmax", 1);            // ea = 2^32
            assertOutOfBounds(inst, "i32.load_offmax", 0xFFFF_FFFFL); // ea = 2^33 - 2
            // the largest in-bounds one still works
            assertThat((int) call(inst, "i32.load_off4", 0xFFFF_FFF8L)).isZero();
        });
    }

    @TestFactory
    List<DynamicTest> dataSegmentsAndBulkMemoryNearTheEnd() {
        return perEngine("memory4g.wasm", inst -> {
            // (data (i32.const -256) "\aa\bb\cc\dd") was written at 0xFFFFFF00
            assertThat((int) call(inst, "i32.load", 0xFFFF_FF00L)).isEqualTo(0xDDCC_BBAA);
            call(inst, "memory.fill", 0xFFFF_FFF0L, 0x5A, 16);
            assertThat(call(inst, "i32.load8_u", 0xFFFF_FFFFL)).isEqualTo(0x5A);
            assertThat((int) call(inst, "i32.load", 0xFFFF_FFF0L)).isEqualTo(0x5A5A_5A5A);
            assertOutOfBounds(inst, "memory.fill", 0xFFFF_FFF0L, 0, 17);
            call(inst, "memory.copy", 0xFFFF_FFE0L, 0xFFFF_FF00L, 4);
            assertThat((int) call(inst, "i32.load", 0xFFFF_FFE0L)).isEqualTo(0xDDCC_BBAA);
            call(inst, "memory.copy", 0xFFFF_FFFCL, 0xFFFF_FF00L, 4);
            assertThat((int) call(inst, "i32.load", 0xFFFF_FFFCL)).isEqualTo(0xDDCC_BBAA);
            assertOutOfBounds(inst, "memory.copy", 0xFFFF_FFFDL, 0, 4);
            assertOutOfBounds(inst, "memory.copy", 0, 0xFFFF_FFFDL, 4);
            call(inst, "memory.init", 0xFFFF_FFFCL, 0, 4);
            assertThat((int) call(inst, "i32.load", 0xFFFF_FFFCL)).isEqualTo(0x4433_2211);
            assertOutOfBounds(inst, "memory.init", 0xFFFF_FFFDL, 0, 4);
        });
    }

    @TestFactory
    List<DynamicTest> growingFromOnePageTo65536KeepsTheContents() {
        return perEngine("grow4g.wasm", inst -> {
            call(inst, "i64.store", 0xFFF8, 0x1122_3344_5566_7788L);
            assertOutOfBounds(inst, "i32.load8_u", 0x1_0000);
            assertThat((int) call(inst, "memory.grow", 65535)).isEqualTo(1);
            assertThat(call(inst, "memory.size")).isEqualTo(65536);
            assertThat(call(inst, "i64.load", 0xFFF8)).isEqualTo(0x1122_3344_5566_7788L);
            assertThat(call(inst, "i32.load8_u", 0x1_0000)).isZero();
            call(inst, "i64.store", 0xFFFF_FFF8L, -2);
            assertThat(call(inst, "i64.load", 0xFFFF_FFF8L)).isEqualTo(-2);
            assertThat(call(inst, "i32.load8_u", 0xFFFF_FFFFL)).isEqualTo(0xFF);
            assertThat((int) call(inst, "memory.grow", 1)).isEqualTo(-1);
            assertThat(call(inst, "memory.size")).isEqualTo(65536);
        });
    }

    @TestFactory
    List<DynamicTest> growingPastTheLimitInOneStepFails() {
        return perEngine("grow4g.wasm", inst -> {
            assertThat((int) call(inst, "memory.grow", 65536)).isEqualTo(-1); // 1 + 65536 > 65536
            assertThat((int) call(inst, "memory.grow", 0xFFFF_FFFFL)).isEqualTo(-1);
            assertThat(call(inst, "memory.size")).isEqualTo(1);
        });
    }

    // heap.wasm: one page, no declared max, so a heap (byte[]) memory (Memory.backingFor), aot's byte[] access
    // path; expected values by hand from the little-endian byte order, checked with node on the same binary

    @TestFactory
    List<DynamicTest> aMemoryWithoutMaxIsHeapBackedAndLoadsAndStores() {
        return perEngine("heap.wasm", (e, inst) -> {
            assertThat(inst.memory().backing()).isEqualTo(requiresMapped(e) ? Memory.Backing.MAPPED : Memory.Backing.HEAP);
            // (data (i32.const 65532) "\aa\bb\cc\dd"): the last 4 bytes of the page
            assertThat((int) call(inst, "i32.load", 65532)).isEqualTo(0xDDCC_BBAA);
            assertThat((int) call(inst, "i32.load16_s", 65532)).isEqualTo((int) (short) 0xBBAA);
            assertThat(call(inst, "i64.load32_u", 65532)).isEqualTo(0xDDCC_BBAAL);
            call(inst, "i64.store", 65528, 0x0102_0304_0506_0708L);
            assertThat((int) call(inst, "i32.load", 65528)).isEqualTo(0x0506_0708);
            assertThat((int) call(inst, "i32.load_off4", 65528)).isEqualTo(0x0102_0304);
            call(inst, "i64.store", 8, Double.doubleToRawLongBits(3.5));
            assertThat(Double.longBitsToDouble(call(inst, "f64.load", 8))).isEqualTo(3.5);
        });
    }

    @TestFactory
    List<DynamicTest> heapMemoryAccessesOutOfBoundsTrap() {
        return perEngine("heap.wasm", inst -> {
            assertOutOfBounds(inst, "i32.load", 65533);
            assertOutOfBounds(inst, "i64.load", 65529);
            assertOutOfBounds(inst, "i32.load_off4", 65532);           // ea = 65536
            assertOutOfBounds(inst, "i32.load_offmax", 0);             // ea = 2^32 - 1
            assertOutOfBounds(inst, "i32.load_offmax", 1);             // ea = 2^32: no wrap to address 0
            assertOutOfBounds(inst, "i32.load_offmax", 0xFFFF_FFFFL);  // ea = 2^33 - 2
            assertOutOfBounds(inst, "i32.load_off4", 0xFFFF_FFFCL);    // ea = 2^32: no wrap to address 0
            assertOutOfBounds(inst, "i32.load", 0x8000_0000L);         // a negative int index
            assertOutOfBounds(inst, "i32.load", 0xFFFF_FFFFL);
            assertOutOfBounds(inst, "i32.load8_u", 0xFFFF_FFFFL);
            assertOutOfBounds(inst, "i32.store8", 65536, 1);
            assertThat((int) call(inst, "i32.load_off4", 65528)).isEqualTo(0xDDCC_BBAA); // the largest in-bounds one: the data
        });
    }

    @TestFactory
    List<DynamicTest> heapMemoryGrowsUpTo32767PagesAndViewsFollowGrowth() {
        return perEngine("heap.wasm", (e, inst) -> {
            // a byte[] holds at most 32,767 pages; memory.grow may fail at any size (spec 2.0 §4.4.7 memory.grow)
            if (!requiresMapped(e)) assertThat((int) call(inst, "memory.grow", 32767)).isEqualTo(-1);   // 1 + 32767 pages
            assertThat((int) call(inst, "memory.grow", 0xFFFF_FFFFL)).isEqualTo(-1);
            assertThat(call(inst, "memory.size")).isEqualTo(1);
            // grows to 2 pages, then stores and loads at 64 KiB in the same function
            assertThat((int) call(inst, "grow_then_store", 0x1234_5678)).isEqualTo(0x1234_5678);
            assertThat(call(inst, "memory.size")).isEqualTo(2);
            // stores 5 at 0, a callee grows to 3 pages, stores 5 at the new last word: 5 + 5
            assertThat((int) call(inst, "call_grow_then_store", 5)).isEqualTo(10);
            assertThat(call(inst, "memory.size")).isEqualTo(3);
            assertThat((int) call(inst, "i32.load", 3 * 65536 - 4)).isEqualTo(5);
        });
    }

    @TestFactory
    List<DynamicTest> aDeclaredMaxAboveTheHeapLimitIsMapped() {
        return perEngine("grow4g.wasm", inst -> assertThat(inst.memory().backing()).isEqualTo(Memory.Backing.MAPPED));
    }
}
