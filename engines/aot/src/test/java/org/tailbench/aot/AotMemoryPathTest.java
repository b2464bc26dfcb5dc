package org.tailbench.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.testkit.TestSupport.call;
import static org.tailbench.testkit.TestSupport.resource;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * aot's two memory access paths (see {@code MemoryGen}): the {@code byte[]} path for a memory the module
 * defines and {@link Memory#backingFor} makes heap-backed, the {@code MemorySegment} path for an imported
 * or mapped one. Which path was compiled, that instances get the backing the path needs (also from a jar),
 * and that an imported memory of either backing works. Loads, stores and traps on both paths are covered by
 * the engine test kit's {@code LargeMemoryTest} (org.tailbench.aot.kit: {@code memory4g.wasm} mapped, {@code heap.wasm} heap).
 * Expected values: the little-endian byte order of the spec (spec 2.0 §4.4.7).
 */
class AotMemoryPathTest {
    /** heap.wasm declares no max (heap, byte[] path); memory4g.wasm 65,536 pages and grow4g.wasm max 65,536 (mapped, segment path) */
    static Stream<Arguments> definedMemories() {
        return Stream.of(Arguments.of("/memory4g/heap.wasm", true, Memory.Backing.HEAP),
                Arguments.of("/memory4g/memory4g.wasm", false, Memory.Backing.MAPPED),
                Arguments.of("/memory4g/grow4g.wasm", false, Memory.Backing.MAPPED));
    }

    @ParameterizedTest
    @MethodSource("definedMemories")
    void theAccessPathFollowsTheBackingRule(String resource, boolean array, Memory.Backing backing) {
        ValidatedModule vm = ValidatedModule.of(resource(resource));
        AotModule m = new AotEngine().compile(vm);
        assertThat(m.classes().arrayMemory()).isEqualTo(array);
        Instance inst = m.instantiate(new Store(), Imports.NONE);
        assertThat(inst.memory().backing()).isEqualTo(backing);
        long bytes = inst.memory().byteSize();
        assertThat(call(inst, "memory.size")).isEqualTo(bytes >>> 16);
        call(inst, "i64.store", bytes - 8, 0x0102_0304_0506_0708L);
        assertThat(call(inst, "i64.load", bytes - 8)).isEqualTo(0x0102_0304_0506_0708L);
        assertThat(call(inst, "i32.load8_u", bytes - 1)).isEqualTo(0x01);   // little-endian: the top byte last
        assertThatThrownBy(() -> call(inst, "i64.load", bytes - 7)).isInstanceOfSatisfying(Trap.class,
                t -> assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
    }

    @Test
    void aJarKeepsTheAccessPathAndItsBacking(@TempDir Path dir) throws Exception {
        ValidatedModule vm = ValidatedModule.of(resource("/memory4g/heap.wasm"));
        AotClasses classes = new AotEngine().compileClasses(vm, "heap.wasm", new AotOptions(true, false, false));
        assertThat(classes.arrayMemory()).isTrue();
        Path jar = dir.resolve("heap.jar");
        AotJar.write(classes, jar);
        AotModule loaded = AotJar.load(jar, ValidatedModule.of(resource("/memory4g/heap.wasm")));
        assertThat(loaded.classes().arrayMemory()).isTrue();
        Instance inst = loaded.instantiate(new Store(), Imports.NONE);
        assertThat(inst.memory().backing()).isEqualTo(Memory.Backing.HEAP);
        assertThat((int) call(inst, "i32.load", 65532)).isEqualTo(0xDDCC_BBAA);
        ValidatedModule big = ValidatedModule.of(resource("/memory4g/grow4g.wasm"));
        AotClasses segment = new AotEngine().compileClasses(big, "grow4g.wasm", new AotOptions(true, false, false));
        AotJar.write(segment, dir.resolve("grow4g.jar"));
        assertThat(AotJar.read(dir.resolve("grow4g.jar")).arrayMemory()).isFalse();
    }

    /** an imported memory: heap-backed (no max) or mapped (max above the heap limit) */
    static Stream<Limits> importedMemories() {
        return Stream.of(new Limits(1, -1), new Limits(1, 65536));
    }

    @ParameterizedTest
    @MethodSource("importedMemories")
    void anImportedMemoryUsesTheSegmentPathOnEitherBacking(Limits limits) {
        ValidatedModule vm = ValidatedModule.of(resource("/aot-memory/imported-memory.wasm"));
        AotModule m = new AotEngine().compile(vm);
        assertThat(m.classes().arrayMemory()).isFalse();
        Memory mem = new Memory(limits, Memory.MAX_PAGES);
        assertThat(mem.backing()).isEqualTo(limits.max() < 0 ? Memory.Backing.HEAP : Memory.Backing.MAPPED);
        Instance inst = m.instantiate(new Store(), (mod, name) -> mod.equals("env") && name.equals("memory") ? mem : null);
        call(inst, "i32.store", 65532, 0x1122_3344);
        assertThat(mem.load8(65532)).isEqualTo((byte) 0x44);          // the host sees the guest's store
        mem.store32(65528, 0x5566_7788);
        assertThat((int) call(inst, "i32.load_off4", 65524)).isEqualTo(0x5566_7788);
        assertThatThrownBy(() -> call(inst, "i32.load_off4", 65532)).isInstanceOfSatisfying(Trap.class,
                t -> assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
        assertThat((int) call(inst, "memory.grow", 1)).isEqualTo(1);
        call(inst, "i32.store", 2 * 65536 - 4, 7);
        assertThat(mem.load32(2 * 65536 - 4)).isEqualTo(7);
    }
}
