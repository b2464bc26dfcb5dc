package org.tailbench.interp.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.testkit.TestSupport.call;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The {@code closure} engine on hand-assembled modules: non-tail calls on the Java stack up to the default
 * limit, host calls and the move to a big-stack thread, multi-value blocks. The engine-independent contract
 * (tail calls, the frame limit, backtraces, host re-entrance) is in {@link org.tailbench.testkit.EngineContractTest}.
 */
class ClosureEngineTest {
    static final int EQZ = 0x45, ADD = 0x6A, SUB = 0x6B, MUL = 0x6C, ELSE = 0x05, END = 0x0B;
    private static final Engine ENGINE = new ClosureEngine();

    static Instance instantiate(ModuleBuilder mb, Store store, Imports imports) {
        return ENGINE.compile(ValidatedModule.of(mb.build())).instantiate(store, imports);
    }


    /** count(n) = n == 0 ? 0 : count(n - 1) + 1, a non-tail recursion of depth n + 1. */
    static ModuleBuilder count() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        mb.func(t, 0, new Body().localGet(0).op(EQZ).ifResult(I32).i32Const(0).op(ELSE)
                .localGet(0).i32Const(1).op(SUB).call(0).i32Const(1).op(ADD).op(END));
        return mb.export("count", 0);
    }

    @Test
    void aHundredThousandNonTailFramesRunWithTheDefaultLimitAndTooManyTrapCleanly() {
        Instance inst = instantiate(count(), new Store(), Imports.NONE);
        assertThat(call(inst, "count", 100_000)).isEqualTo(100_000);
        assertThat(call(inst, "count", Store.DEFAULT_MAX_CALL_DEPTH - 1)).isEqualTo(Store.DEFAULT_MAX_CALL_DEPTH - 1);
        assertThatThrownBy(() -> call(inst, "count", Store.DEFAULT_MAX_CALL_DEPTH))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
        assertThat(call(inst, "count", 3)).isEqualTo(3);
    }

    /**
     * Imports {@code env.cb : (i32) -> i32} (function 0); exports {@code run(x) = cb(x) + 1} (function 1),
     * {@code twice(x) = x * 2} (function 2) and {@code deep(n) = n == 0 ? cb(0) : deep(n - 1) + 1}
     * (function 3, calling the host n + 1 frames deep).
     */
    private static Instance withCallback(HostFunction.Code cb) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        mb.importFunc("env", "cb", t);
        mb.func(t, 0, new Body().localGet(0).call(0).i32Const(1).op(ADD));
        mb.func(t, 0, new Body().localGet(0).i32Const(2).op(MUL));
        mb.func(t, 0, new Body().localGet(0).op(EQZ).ifResult(I32).i32Const(0).call(0).op(ELSE)
                .localGet(0).i32Const(1).op(SUB).call(3).i32Const(1).op(ADD).op(END));
        FuncType ft = new FuncType(new ValType[] {ValType.I32}, new ValType[] {ValType.I32});
        HostFunction host = new HostFunction("env", "cb", ft, cb);
        return instantiate(mb.export("run", 1).export("twice", 2).export("deep", 3), new Store(), (m, n) -> host);
    }

    @Test
    void hostFunctionsMayCallBackIntoWasm() {
        Instance[] self = new Instance[1];
        self[0] = withCallback((caller, args) -> self[0].exportedFunction("twice").invoke(args[0] + 10));
        assertThat(call(self[0], "run", 5)).isEqualTo((5 + 10) * 2 + 1);
        assertThat(call(self[0], "deep", 1000)).isEqualTo((0 + 10) * 2 + 1000);
    }

    @Test
    void shallowCallsStayOnTheCallingThreadAndDeepOnesMoveToABigStack() throws Throwable {
        Throwable[] failure = new Throwable[1];
        Thread fresh = new Thread(() -> {   // a thread whose machine never moved to a worker before
            try {
                Thread[] seen = new Thread[1];
                Instance inst = withCallback((caller, args) -> { seen[0] = Thread.currentThread(); return args; });
                assertThat(call(inst, "deep", Invoker.INLINE_DEPTH - 2)).isEqualTo(Invoker.INLINE_DEPTH - 2);
                assertThat(seen[0]).isSameAs(Thread.currentThread());
                assertThat(call(inst, "deep", 5_000)).isEqualTo(5_000);
                assertThat(seen[0]).isInstanceOf(org.tailbench.runtime.LargeStackPool.Worker.class);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        fresh.start();
        fresh.join();
        if (failure[0] != null) throw failure[0];
    }

    @Test
    void hostExceptionsReachTheCallerUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        Instance inst = withCallback((caller, args) -> { throw boom; });
        assertThatThrownBy(() -> call(inst, "run", 1)).isSameAs(boom);
        assertThatThrownBy(() -> inst.exportedFunction("run").invoke(1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 arguments, got 2");
    }

    @Test
    void multiValueBlockResultsTravelThroughSlots() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        int pair = mb.type(new int[0], I32, I32);
        // block (result i32 i32): x, 7, br 0 (carries both), end; i32.sub → x - 7
        mb.func(t, 0, new Body().u8(0x02).u32(pair).localGet(0).i32Const(7).br(0).op(END).op(SUB));
        Instance inst = instantiate(mb.export("f", 0), new Store(), Imports.NONE);
        assertThat(call(inst, "f", 3)).isEqualTo(-4);
    }
}
