package org.tailbench.interp.threaded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The {@code threaded} engine on hand-assembled modules: constant-stack tail calls, the frame limit,
 * every trap kind with its backtrace, memory growth seen across calls.
 */
class ThreadedEngineTest {
    /** Java stack for the threads that check "constant Java stack": far too small for one Java frame per Wasm call. */
    private static final long SMALL_JAVA_STACK = 256 * 1024;

    static Instance instantiate(ModuleBuilder mb, Store store) {
        return Engines.byName("threaded").compile(ValidatedModule.of(mb.build())).instantiate(store, Imports.NONE);
    }

    static long call(Instance inst, String name, long... args) {
        return inst.exportedFunction(name).invoke(args)[0];
    }

    /** Runs {@code r} on a fresh thread with a {@link #SMALL_JAVA_STACK} and rethrows what it threw. */
    private static void onSmallStack(Runnable r) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try { r.run(); } catch (Throwable e) { failure.set(e); }
        }, "small-stack", SMALL_JAVA_STACK);
        t.start();
        t.join();
        if (failure.get() != null) throw failure.get();
    }

    /** even(n) = n == 0 ? 1 : tail(odd, n-1); odd(n) = n == 0 ? 0 : tail(even, n-1); tail by index or through the table. */
    private static ModuleBuilder evenOdd(boolean indirect) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        for (int self = 0; self < 2; self++) {
            int other = 1 - self;
            Body b = new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).i32Const(1 - self).op(Op.ELSE)
                    .localGet(0).i32Const(1).op(Op.I32_SUB);
            if (indirect) b.i32Const(other).returnCallIndirect(t); else b.returnCall(other);
            b.end();
            mb.func(t, 0, b);
        }
        if (indirect) mb.table(0, 1);
        return mb.export("even", 0).export("odd", 1);
    }

    @Test
    void tenMillionMutualReturnCallsRunInConstantJavaStackAndFrameDepth() throws Throwable {
        onSmallStack(() -> {
            Instance inst = instantiate(evenOdd(false), new Store().maxCallDepth(100));
            assertThat(call(inst, "even", 10_000_000)).isEqualTo(1);
            assertThat(call(inst, "odd", 10_000_000)).isEqualTo(0);
            assertThat(call(inst, "even", 9_999_999)).isEqualTo(0);
        });
    }

    @Test
    void tenMillionReturnCallIndirectsRunInConstantJavaStackAndFrameDepth() throws Throwable {
        onSmallStack(() -> {
            Instance inst = instantiate(evenOdd(true), new Store().maxCallDepth(100));
            assertThat(call(inst, "even", 10_000_000)).isEqualTo(1);
            assertThat(call(inst, "odd", 9_999_999)).isEqualTo(1);
        });
    }

    /** count(n) = n == 0 ? 0 : count(n - 1) + 1, a non-tail recursion of depth n + 1. */
    private static ModuleBuilder count() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        mb.func(t, 0, new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).i32Const(0).op(Op.ELSE)
                .localGet(0).i32Const(1).op(Op.I32_SUB).call(0).i32Const(1).op(Op.I32_ADD).end());
        return mb.export("count", 0);
    }

    @Test
    void recursionPastTheFrameLimitTrapsCleanlyAndTheEngineStaysUsable() {
        Instance inst = instantiate(count(), new Store().maxCallDepth(10_000));
        assertThatThrownBy(() -> call(inst, "count", 1_000_000))
                .isInstanceOfSatisfying(Trap.class, t -> {
                    assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
                    assertThat(t.wasmBacktrace()).hasSize(Trap.MAX_BACKTRACE_FRAMES);
                    // exactly the 10,000 active frames: the limit counts frames, not Java stack
                    assertThat(t.wasmBacktrace().size() + t.omittedFrames()).isEqualTo(10_000);
                    assertThat(t.wasmBacktrace()).allSatisfy(f -> assertThat(f.functionIndex()).isZero());
                });
        assertThat(call(inst, "count", 9_999)).isEqualTo(9_999);     // 10,000 frames: at the limit
        assertThatThrownBy(() -> call(inst, "count", 10_000)).isInstanceOf(Trap.class);
        assertThat(call(inst, "count", 5)).isEqualTo(5);
    }

    @Test
    void deepNonTailRecursionDoesNotUseTheJavaStack() throws Throwable {
        onSmallStack(() -> assertThat(call(instantiate(count(), new Store()), "count", 150_000)).isEqualTo(150_000));
    }

    /** A module whose export {@code f} (no parameters, one i32 result) traps with the given kind. */
    static Stream<Arguments> trappingBodies() {
        ModuleBuilder unreachable = new ModuleBuilder();
        unreachable.func(unreachable.type(new int[0], I32), 0, new Body().op(Op.UNREACHABLE));
        ModuleBuilder divZero = new ModuleBuilder();
        divZero.func(divZero.type(new int[0], I32), 0, new Body().i32Const(7).i32Const(0).op(Op.I32_REM_U));
        ModuleBuilder overflow = new ModuleBuilder();
        overflow.func(overflow.type(new int[0], I32), 0, new Body().i32Const(Integer.MIN_VALUE).i32Const(-1).op(Op.I32_DIV_S));
        ModuleBuilder nan = new ModuleBuilder();
        nan.func(nan.type(new int[0], I32), 0, new Body().op(Op.F32_CONST).u8(0).u8(0).u8(0xC0).u8(0x7F).op(Op.I32_TRUNC_F32_S));
        ModuleBuilder oob = new ModuleBuilder().memory(1);
        oob.func(oob.type(new int[0], I32), 0, new Body().i32Const(65535).mem(Op.I32_LOAD16_U, 1, 0));
        ModuleBuilder table = new ModuleBuilder();
        int tt = table.type(new int[0], I32);
        table.func(tt, 0, new Body().i32Const(1).op(Op.TABLE_GET).u32(0).op(Op.REF_IS_NULL));
        table.table(0);
        ModuleBuilder undefined = new ModuleBuilder();
        int tu = undefined.type(new int[0], I32);
        undefined.func(tu, 0, new Body().i32Const(1).callIndirect(tu));
        undefined.table(0);
        ModuleBuilder uninit = new ModuleBuilder();
        int tn = uninit.type(new int[0], I32);
        uninit.func(tn, 0, new Body().i32Const(0).op(Op.REF_NULL).u8(0x70).op(Op.TABLE_SET).u32(0).i32Const(0).callIndirect(tn));
        uninit.table(0);
        ModuleBuilder mismatch = new ModuleBuilder();
        int tm = mismatch.type(new int[0], I32), other = mismatch.type(new int[] {I32}, I32);
        mismatch.func(tm, 0, new Body().i32Const(5).i32Const(0).callIndirect(other));   // element 0 is () -> i32
        mismatch.func(other, 0, new Body().localGet(0));
        mismatch.table(0, 1);
        return Stream.of(
                Arguments.of(TrapKind.UNREACHABLE, unreachable),
                Arguments.of(TrapKind.INTEGER_DIVIDE_BY_ZERO, divZero),
                Arguments.of(TrapKind.INTEGER_OVERFLOW, overflow),
                Arguments.of(TrapKind.INVALID_CONVERSION_TO_INTEGER, nan),
                Arguments.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, oob),
                Arguments.of(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, table),
                Arguments.of(TrapKind.UNDEFINED_ELEMENT, undefined),
                Arguments.of(TrapKind.UNINITIALIZED_ELEMENT, uninit),
                Arguments.of(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, mismatch));
    }

    /**
     * Each trapping body runs in {@code f}, called (non-tail) from {@code outer} after a nop: the trap
     * has the expected kind and the backtrace {@code f, outer}, innermost first, with offsets inside
     * the code section.
     */
    @ParameterizedTest
    @MethodSource("trappingBodies")
    void everyTrapKindWithItsBacktrace(TrapKind kind, ModuleBuilder mb) {
        int t = mb.type(new int[0], I32);
        int outer = mb.func(t, 0, new Body().op(Op.NOP).call(0));
        Instance inst = instantiate(mb.export("outer", outer), new Store());
        assertThatThrownBy(() -> call(inst, "outer"))
                .isInstanceOfSatisfying(Trap.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.wasmBacktrace()).extracting(Trap.Frame::functionIndex).containsExactly(0, outer);
                    assertThat(e.wasmBacktrace()).allSatisfy(f -> assertThat(f.offset()).isPositive());
                    assertThat(e.wasmBacktrace().get(1).offset()).isGreaterThan(e.wasmBacktrace().get(0).offset());
                });
    }

    @Test
    void memoryGrownByACalleeIsSeenByTheCaller() {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int grow = mb.type(new int[0], I32), probe = mb.type(new int[] {I32}, I32);
        mb.func(grow, 0, new Body().i32Const(1).op(Op.MEMORY_GROW).u8(0));
        // probe(a): grow(); store 0x2A at a; return load8_u a + memory.size * 1000
        mb.func(probe, 0, new Body().call(0).op(Op.DROP).localGet(0).i32Const(42).mem(Op.I32_STORE8, 0, 0)
                .localGet(0).mem(Op.I32_LOAD8_U, 0, 0).op(Op.MEMORY_SIZE).u8(0).i32Const(1000).op(Op.I32_MUL).op(Op.I32_ADD));
        Instance inst = instantiate(mb.export("probe", 1), new Store());
        assertThat(call(inst, "probe", 70_000)).isEqualTo(2042);   // page 2 exists only after the callee's grow
    }
}
