package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.testkit.TestSupport.call;
import static org.tailbench.testkit.TestSupport.instantiate;
import static org.tailbench.testkit.TestSupport.onSmallStack;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
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
 * The engine-independent contract, checked on the engines a subclass names ({@link EngineSuite}): tail calls
 * ({@code return_call}, {@code return_call_indirect}; Wasm 3.0 §4.4.8) in constant Java stack and frame
 * depth, the frame limit trapping {@link TrapKind#CALL_STACK_EXHAUSTED} with the engine staying usable,
 * every trap kind with its backtrace, and calls to the host and back. Engine-specific behaviour stays in
 * each engine's own test class.
 */
public abstract class EngineContractTest extends EngineSuite {
    /** Each engine under test is registered ({@code META-INF/services/org.tailbench.runtime.Engine}) and found by ServiceLoader. */
    @Test
    void everyEngineUnderTestIsFound() {
        assertThat(Engines.all()).extracting(Engine::name).containsAll(engineNames());
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
            mb.func(t, 0, b.end());
        }
        if (indirect) mb.table(0, 1);
        return mb.export("even", 0).export("odd", 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void tenMillionMutualReturnCallsRunInConstantJavaStackAndFrameDepth(Engine engine) throws Throwable {
        if (isNaiveBaseline(engine)) { naiveBaselineRunsOutOfFrames(engine, evenOdd(false)); return; }
        onSmallStack(() -> {
            Instance inst = instantiate(engine, evenOdd(false), new Store().maxCallDepth(10));
            assertThat(call(inst, "even", 10_000_000)).isEqualTo(1);
            assertThat(call(inst, "odd", 10_000_000)).isEqualTo(0);
            assertThat(call(inst, "even", 9_999_999)).isEqualTo(0);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void tenMillionReturnCallIndirectsRunInConstantJavaStackAndFrameDepth(Engine engine) throws Throwable {
        if (isNaiveBaseline(engine)) { naiveBaselineRunsOutOfFrames(engine, evenOdd(true)); return; }
        onSmallStack(() -> {
            Instance inst = instantiate(engine, evenOdd(true), new Store().maxCallDepth(10));
            assertThat(call(inst, "even", 10_000_000)).isEqualTo(1);
            assertThat(call(inst, "odd", 9_999_999)).isEqualTo(1);
        });
    }

    /**
     * A naive baseline ({@code aot-naive}: return_call compiled as call + return, named {@code *-naive})
     * grows the frame count with tail calls by design: the contract for it is the clean trap at the limit.
     */
    private static boolean isNaiveBaseline(Engine engine) { return engine.name().endsWith("-naive"); }

    private static void naiveBaselineRunsOutOfFrames(Engine engine, ModuleBuilder mb) throws Throwable {
        onSmallStack(() -> {
            Instance inst = instantiate(engine, mb, new Store().maxCallDepth(10));
            assertThat(call(inst, "even", 8)).isEqualTo(1);   // 9 frames fit
            assertThatThrownBy(() -> call(inst, "even", 10_000_000))
                    .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
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

    /** The host entry checks the argument count ({@code FunctionInstance.checkArity}) before running anything. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aHostCallWithTheWrongArgumentCountIsRefusedAndTheEngineStaysUsable(Engine engine) {
        Instance inst = instantiate(engine, count(), new Store());
        assertThatThrownBy(() -> inst.exportedFunction("count").invoke(1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 arguments, got 2");
        assertThatThrownBy(() -> inst.exportedFunction("count").invoke())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 arguments, got 0");
        assertThat(call(inst, "count", 3)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void recursionPastTheFrameLimitTrapsCleanlyAndTheEngineStaysUsable(Engine engine) {
        Instance inst = instantiate(engine, count(), new Store().maxCallDepth(10_000));
        assertThatThrownBy(() -> call(inst, "count", 1_000_000))
                .isInstanceOfSatisfying(Trap.class, t -> {
                    assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
                    assertThat(t.wasmBacktrace()).hasSize(Trap.MAX_BACKTRACE_FRAMES);
                    // exactly the 10,000 active frames: the limit counts frames, not Java stack
                    assertThat(t.wasmBacktrace().size() + t.omittedFrames()).isEqualTo(10_000);
                    assertThat(t.wasmBacktrace()).allSatisfy(f -> assertThat(f.functionIndex()).isZero());
                });
        assertThat(call(inst, "count", 9_999)).isEqualTo(9_999);     // 10,000 frames: exactly the limit
        assertThatThrownBy(() -> call(inst, "count", 10_000))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
        assertThat(call(inst, "count", 5)).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void deepNonTailRecursionRunsOnASmallJavaStack(Engine engine) throws Throwable {
        onSmallStack(() -> assertThat(call(instantiate(engine, count(), new Store()), "count", 150_000)).isEqualTo(150_000));
    }

    /** Modules whose function 0 ({@code () -> i32}) traps with the paired kind; built fresh per call. */
    private static Stream<Arguments> trappingBodies(Engine engine) {
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
                Arguments.of(engine, TrapKind.UNREACHABLE, unreachable),
                Arguments.of(engine, TrapKind.INTEGER_DIVIDE_BY_ZERO, divZero),
                Arguments.of(engine, TrapKind.INTEGER_OVERFLOW, overflow),
                Arguments.of(engine, TrapKind.INVALID_CONVERSION_TO_INTEGER, nan),
                Arguments.of(engine, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, oob),
                Arguments.of(engine, TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, table),
                Arguments.of(engine, TrapKind.UNDEFINED_ELEMENT, undefined),
                Arguments.of(engine, TrapKind.UNINITIALIZED_ELEMENT, uninit),
                Arguments.of(engine, TrapKind.INDIRECT_CALL_TYPE_MISMATCH, mismatch));
    }

    Stream<Arguments> enginesAndTrappingBodies() {
        return engines().stream().flatMap(EngineContractTest::trappingBodies);
    }

    /**
     * Each trapping body runs in {@code f}, called (non-tail) from {@code outer} after a nop: the trap
     * has the expected kind and the backtrace {@code f, outer}, innermost first, with offsets inside
     * the code section.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndTrappingBodies")
    void everyTrapKindWithItsBacktrace(Engine engine, TrapKind kind, ModuleBuilder mb) {
        int t = mb.type(new int[0], I32);
        int outer = mb.func(t, 0, new Body().op(Op.NOP).call(0));
        Instance inst = instantiate(engine, mb.export("outer", outer), new Store());
        assertThatThrownBy(() -> call(inst, "outer"))
                .isInstanceOfSatisfying(Trap.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.wasmBacktrace()).extracting(Trap.Frame::functionIndex).containsExactly(0, outer);
                    assertThat(e.wasmBacktrace()).allSatisfy(f -> assertThat(f.offset()).isPositive());
                    assertThat(e.wasmBacktrace().get(1).offset()).isGreaterThan(e.wasmBacktrace().get(0).offset());
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void trapsCarryTheWasmBacktraceInnermostFirstWithOffsets(Engine engine) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[0]);
        mb.func(t, 0, new Body().op(Op.NOP).call(1));        // 0: nop; call 1
        mb.func(t, 0, new Body().call(2));                   // 1: call 2
        mb.func(t, 0, new Body().op(Op.NOP).op(Op.UNREACHABLE));
        byte[] wasm = mb.export("outer", 0).build();
        org.tailbench.wasm.Module decoded = ValidatedModule.of(wasm).module();
        long unreachableAt = decoded.functions.get(2).body().pos[1];   // func 2, instruction 1
        long innerCallAt = decoded.functions.get(1).body().pos[0];     // func 1, instruction 0
        long outerCallAt = decoded.functions.get(0).body().pos[1];     // func 0, instruction 1
        Instance inst = engine.compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE);
        assertThatThrownBy(() -> inst.exportedFunction("outer").invoke())
                .isInstanceOfSatisfying(Trap.class, e -> {
                    assertThat(e.kind()).isEqualTo(TrapKind.UNREACHABLE);
                    assertThat(e.wasmBacktrace()).extracting(Trap.Frame::functionIndex).containsExactly(2, 1, 0);
                    assertThat(e.wasmBacktrace()).extracting(Trap.Frame::offset)
                            .containsExactly(unreachableAt, innerCallAt, outerCallAt);
                    // each offset points at the trapping / calling instruction's opcode in the module bytes
                    assertThat(wasm[(int) e.wasmBacktrace().get(0).offset()]).isEqualTo((byte) 0x00);
                    assertThat(wasm[(int) e.wasmBacktrace().get(1).offset()]).isEqualTo((byte) 0x10);
                    assertThat(wasm[(int) e.wasmBacktrace().get(2).offset()]).isEqualTo((byte) 0x10);
                });
    }

    static final class Boom extends RuntimeException {
        Boom() { super("boom"); }
    }

    /**
     * wasm {@code viaHost(x) = cb(x) + 1}; host {@code cb(x)}: throws Boom for 13, a host trap for 14,
     * {@code viaHost(x - 1)} for x > 0 (re-entering Wasm), 0 for x == 0.
     */
    private static Instance viaHost(Engine engine, Store store) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        int cb = mb.importFunc("env", "cb", t);
        int via = mb.func(t, 0, new Body().localGet(0).call(cb).i32Const(1).op(Op.I32_ADD));
        Instance[] self = new Instance[1];
        FuncType ft = new FuncType(new ValType[] {ValType.I32}, new ValType[] {ValType.I32});
        HostFunction host = new HostFunction("env", "cb", ft, (caller, args) -> {
            assertThat(caller).isSameAs(self[0]);
            int x = (int) args[0];
            if (x == 13) throw new Boom();
            if (x == 14) throw new Trap(TrapKind.HOST, "host says no", null);
            return new long[] {x > 0 ? self[0].exportedFunction("viaHost").invoke(x - 1)[0] : 0};
        });
        Imports imports = (m, n) -> m.equals("env") && n.equals("cb") ? host : null;
        self[0] = engine.compile(ValidatedModule.of(mb.export("viaHost", via).build())).instantiate(store, imports);
        return self[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void hostCallsReenterWasm(Engine engine) {
        Instance inst = viaHost(engine, new Store());
        assertThat(call(inst, "viaHost", 0)).isEqualTo(1);
        assertThat(call(inst, "viaHost", 10)).isEqualTo(11);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void hostExceptionsPassThroughUnchangedAndTrapsGetWasmFrames(Engine engine) {
        Instance inst = viaHost(engine, new Store());
        assertThatThrownBy(() -> call(inst, "viaHost", 13)).isExactlyInstanceOf(Boom.class);
        assertThatThrownBy(() -> call(inst, "viaHost", 14))
                .isInstanceOfSatisfying(Trap.class, t -> {
                    assertThat(t.kind()).isEqualTo(TrapKind.HOST);
                    assertThat(t.wasmBacktrace()).extracting(Trap.Frame::functionIndex).containsExactly(1);
                });
        // 16 -> host -> 15 -> host -> 14 traps: one wasm frame per re-entrance
        assertThatThrownBy(() -> call(inst, "viaHost", 16))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.wasmBacktrace()).hasSize(3));
        assertThat(call(inst, "viaHost", 3)).isEqualTo(4);   // the engine was restored after each failure
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void frameLimitCountsFramesAcrossReentrance(Engine engine) {
        Instance inst = viaHost(engine, new Store().maxCallDepth(10));   // viaHost(x) nests x + 1 Wasm frames
        assertThat(call(inst, "viaHost", 9)).isEqualTo(10);
        assertThatThrownBy(() -> call(inst, "viaHost", 10))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void javaStackOverflowThroughTheHostBecomesCallStackExhausted(Engine engine) {
        Instance inst = viaHost(engine, new Store());
        assertThatThrownBy(() -> call(inst, "viaHost", 1_000_000))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
        assertThat(call(inst, "viaHost", 5)).isEqualTo(6);
    }
}
