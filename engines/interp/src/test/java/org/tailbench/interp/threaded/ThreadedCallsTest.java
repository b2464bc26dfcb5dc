package org.tailbench.interp.threaded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/** Calls that leave one instance's code: to the host and back, to other instances and other engines. */
class ThreadedCallsTest {
    static final class Boom extends RuntimeException {
        Boom() { super("boom"); }
    }

    /**
     * wasm {@code viaHost(x) = cb(x) + 1}; host {@code cb(x)}: throws Boom for 13, a host trap for 14,
     * {@code viaHost(x - 1)} for x > 0 (re-entering Wasm), 0 for x == 0.
     */
    private static Instance viaHost(Store store) {
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
        self[0] = Engines.byName("threaded").compile(ValidatedModule.of(mb.export("viaHost", via).build()))
                .instantiate(store, imports);
        return self[0];
    }

    private static long viaHost(Instance inst, long x) { return inst.exportedFunction("viaHost").invoke(x)[0]; }

    @Test
    void hostCallsReenterWasm() {
        Instance inst = viaHost(new Store());
        assertThat(viaHost(inst, 0)).isEqualTo(1);
        assertThat(viaHost(inst, 10)).isEqualTo(11);
    }

    @Test
    void hostExceptionsPassThroughUnchangedAndTrapsGetWasmFrames() {
        Instance inst = viaHost(new Store());
        assertThatThrownBy(() -> viaHost(inst, 13)).isExactlyInstanceOf(Boom.class);
        assertThatThrownBy(() -> viaHost(inst, 14))
                .isInstanceOfSatisfying(Trap.class, t -> {
                    assertThat(t.kind()).isEqualTo(TrapKind.HOST);
                    assertThat(t.wasmBacktrace()).extracting(Trap.Frame::functionIndex).containsExactly(1);
                });
        // 16 -> host -> 15 -> host -> 14 traps: one wasm frame per re-entrance
        assertThatThrownBy(() -> viaHost(inst, 16))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.wasmBacktrace()).hasSize(3));
        assertThat(viaHost(inst, 3)).isEqualTo(4);   // the machine was restored after each failure
    }

    @Test
    void frameLimitCountsFramesAcrossReentrance() {
        Instance inst = viaHost(new Store().maxCallDepth(10));   // viaHost(x) nests x + 1 Wasm frames
        assertThat(viaHost(inst, 9)).isEqualTo(10);
        assertThatThrownBy(() -> viaHost(inst, 10))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
    }

    @Test
    void javaStackOverflowThroughTheHostBecomesCallStackExhausted() {
        Instance inst = viaHost(new Store());
        assertThatThrownBy(() -> viaHost(inst, 1_000_000))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
        assertThat(viaHost(inst, 5)).isEqualTo(6);
    }

    /** Instance A (on engine {@code engineA}): memory byte 0 = 7, exports {@code peek(a) = load8_u a}. */
    private static Instance peeker(String engineA, Store store) {
        ModuleBuilder a = new ModuleBuilder().memory(1).data(0, new byte[] {7});
        int t = a.type(new int[] {I32}, I32);
        a.func(t, 0, new Body().localGet(0).mem(Op.I32_LOAD8_U, 0, 0));
        return Engines.byName(engineA).compile(ValidatedModule.of(a.export("peek", 0).build())).instantiate(store, Imports.NONE);
    }

    /**
     * Instance B (threaded), memory byte 0 = 9, importing A's {@code peek}:
     * {@code both(a) = peek(a) * 100 + load8_u a} (B's memory must be current again after the call),
     * {@code tail(a) = return_call peek(a)}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"threaded", "switch"})
    void callsToAnotherInstanceUseItsMemoryAndReturnToOurs(String engineA) {
        Store store = new Store();
        Instance a = peeker(engineA, store);
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(new int[] {I32}, I32);
        int peek = b.importFunc("a", "peek", t);
        int both = b.func(t, 0, new Body().localGet(0).call(peek).i32Const(100).op(Op.I32_MUL)
                .localGet(0).mem(Op.I32_LOAD8_U, 0, 0).op(Op.I32_ADD));
        int tail = b.func(t, 0, new Body().localGet(0).returnCall(peek));
        b.memory(1).data(0, new byte[] {9});
        Instance inst = Engines.byName("threaded").compile(ValidatedModule.of(b.export("both", both).export("tail", tail).build()))
                .instantiate(store, a.asImports("a"));
        assertThat(inst.exportedFunction("both").invoke(0)[0]).isEqualTo(709);
        assertThat(inst.exportedFunction("tail").invoke(0)[0]).isEqualTo(7);
        assertThatThrownBy(() -> inst.exportedFunction("both").invoke(65536))
                .isInstanceOfSatisfying(Trap.class, e -> assertThat(e.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
    }
}
