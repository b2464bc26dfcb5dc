package org.tailbench.interp.threaded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * Calls from a {@code threaded} instance to other instances and other engines. Calls to the host and back
 * are checked on every engine by {@link org.tailbench.testkit.EngineContractTest}.
 */
class ThreadedCallsTest {
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
