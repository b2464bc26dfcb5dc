package org.tailbench.nativ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Native-stack behaviour of the native engine: deep recursion runs on the Wasm stack whatever the thread's stack
 * size and ends in clean traps,
 * and a stress run alternating traps from deep stacks, host exceptions through upcalls and memory.grow leaves
 * the engine usable (and the JVM alive: a crash would end the test run with an hs_err file).
 */
class NativeStackTest {
    @BeforeAll
    static void platform() { Assumptions.assumeTrue(Platform.UNAVAILABLE == null, String.valueOf(Platform.UNAVAILABLE)); }

    static final class Boom extends RuntimeException { Boom() { super("boom"); } }

    /**
     * func 1 {@code count(n) = n == 0 ? host(0) : count(n - 1) + 1}; host(x) throws Boom for x == 1, traps for x == 2,
     * else returns 0; func 2 {@code grow(d) = memory.grow(d)}; func 3 {@code size() = memory.size}.
     */
    private static Instance module(Store store, AtomicReference<Integer> mode) {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t = mb.type(new int[] {I32}, I32), t0 = mb.type(new int[0], I32);
        int host = mb.importFunc("env", "host", t);
        int count = mb.func(t, 0, new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).i32Const(0).call(host).op(Op.ELSE)
                .localGet(0).i32Const(1).op(Op.I32_SUB).call(1).i32Const(1).op(Op.I32_ADD).end());
        int grow = mb.func(t, 0, new Body().localGet(0).op(Op.MEMORY_GROW).u8(0));
        int size = mb.func(t0, 0, new Body().op(Op.MEMORY_SIZE).u8(0));
        FuncType ft = new FuncType(new ValType[] {ValType.I32}, new ValType[] {ValType.I32});
        HostFunction h = new HostFunction("env", "host", ft, (caller, args) -> {
            switch (mode.get()) {
                case 1 -> throw new Boom();
                case 2 -> throw new Trap(TrapKind.HOST, "host says no", null);
                default -> { return new long[] {0}; }
            }
        });
        Imports imports = (m, n) -> m.equals("env") && n.equals("host") ? h : null;
        byte[] wasm = mb.export("count", count).export("grow", grow).export("size", size).build();
        return new NativeEngine().compile(ValidatedModule.of(wasm)).instantiate(store, imports);
    }

    /** Wasm frames live on the Wasm stack ({@link WasmStack}), not the thread's: a 256 KiB thread runs 150,000 nested calls. */
    @Test
    void deepRecursionOnASmallThreadRunsOnTheWasmStack() throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread th = new Thread(null, () -> {
            try {
                Instance inst = module(new Store(), new AtomicReference<>(0));
                assertThat(inst.exportedFunction("count").invoke(150_000)[0]).isEqualTo(150_000);
                // past the default frame limit (200,000): a clean trap, and the instance stays usable
                assertThatThrownBy(() -> inst.exportedFunction("count").invoke(1_000_000))
                        .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
                assertThat(inst.exportedFunction("count").invoke(100)[0]).isEqualTo(100);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        th.start();
        th.join();
        if (failure.get() != null) throw failure.get();
    }

    /** Without a frame limit, recursion ends at the Wasm stack's own limit: a clean trap, never a crash. */
    @Test
    void theWasmStackLimitTrapsCleanly() {
        Instance inst = module(new Store().maxCallDepth(Integer.MAX_VALUE), new AtomicReference<>(0));
        assertThatThrownBy(() -> inst.exportedFunction("count").invoke(100_000_000))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
        assertThat(inst.exportedFunction("count").invoke(1_000)[0]).isEqualTo(1_000);
    }

    @Test
    void anInstanceRunningOnOneThreadRefusesAnotherThreadCleanly() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Instance[] self = new Instance[1];
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        int host = mb.importFunc("env", "host", t);
        int f = mb.func(t, 0, new Body().localGet(0).call(host));
        FuncType ft = new FuncType(new ValType[] {ValType.I32}, new ValType[] {ValType.I32});
        HostFunction h = new HostFunction("env", "host", ft, (caller, args) -> {
            if (args[0] == 0) return new long[] {7};
            Thread other = new Thread(() -> {   // while this thread is inside the instance's code
                try { self[0].exportedFunction("f").invoke(0); } catch (Throwable e) { seen.set(e); }
            });
            other.start();
            try { other.join(); } catch (InterruptedException e) { throw new IllegalStateException(e); }
            return new long[] {1};
        });
        Imports imports = (m, n) -> m.equals("env") && n.equals("host") ? h : null;
        self[0] = new NativeEngine().compile(ValidatedModule.of(mb.export("f", f).build())).instantiate(new Store(), imports);
        assertThat(self[0].exportedFunction("f").invoke(1)[0]).isEqualTo(1);
        assertThat(seen.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("one thread at a time");
        assertThat(self[0].exportedFunction("f").invoke(0)[0]).isEqualTo(7);   // usable again, from any thread
    }

    @Test
    void thousandTrapsHostExceptionsAndGrowsInTurn() {
        AtomicReference<Integer> mode = new AtomicReference<>(0);
        Instance inst = module(new Store().maxCallDepth(5_000), mode);
        Random rnd = new Random(42);
        long pages = 1;
        for (int k = 0; k < 1_000; k++) {
            switch (k % 4) {
                case 0 -> assertThatThrownBy(() -> inst.exportedFunction("count").invoke(100_000))   // past maxCallDepth
                        .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
                case 1 -> {
                    mode.set(1);
                    assertThatThrownBy(() -> inst.exportedFunction("count").invoke(1 + rnd.nextInt(3_000))).isExactlyInstanceOf(Boom.class);
                }
                case 2 -> {
                    mode.set(2);
                    int depth = 1 + rnd.nextInt(3_000);
                    assertThatThrownBy(() -> inst.exportedFunction("count").invoke(depth))
                            .isInstanceOfSatisfying(Trap.class, t -> {
                                assertThat(t.kind()).isEqualTo(TrapKind.HOST);
                                assertThat(t.wasmBacktrace().size() + t.omittedFrames()).isEqualTo(depth + 1);
                            });
                }
                default -> {
                    mode.set(0);
                    if (pages < 200) {
                        assertThat(inst.exportedFunction("grow").invoke(1)[0]).isEqualTo(pages);
                        pages++;
                    }
                    assertThat(inst.exportedFunction("size").invoke()[0]).isEqualTo(pages);
                    assertThat(inst.exportedFunction("count").invoke(500)[0]).isEqualTo(500);
                }
            }
        }
        assertThat(inst.memory().pages()).isEqualTo(pages);
    }
}
