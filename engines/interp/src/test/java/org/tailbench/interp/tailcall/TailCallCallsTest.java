package org.tailbench.interp.tailcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.testkit.TestSupport.call;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tailbench.interp.sw.SwitchEngine;
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
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Calls that leave a function of the {@code tailcall} engine: to other instances of this engine and of
 * another engine, and the Java stack a chain of direct handoffs really uses. Calls to the host and back are
 * checked on every engine by {@link org.tailbench.testkit.EngineContractTest}.
 */
class TailCallCallsTest {
    private static final FuncType I32_TO_I32 = new FuncType(new ValType[] {ValType.I32}, new ValType[] {ValType.I32});


    /**
     * Instance A (engine {@code engineA}) exports {@code peek(a) = i32.load8_u(a)} of its own memory and
     * {@code boom() = unreachable}; instance B (tailcall, memory of 1 page holding 0x2A at 70,000 would
     * be out of bounds) calls, tail-calls and indirectly calls them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tailcall", "switch"})
    void callsToAnotherInstanceUseItsMemoryAndReturnToOurs(String engineA) {
        Engine a = engineA.equals("tailcall") ? new TailCallEngine() : new SwitchEngine();
        ModuleBuilder ma = new ModuleBuilder().memory(2).data(70_000, new byte[] {42});
        int ta = ma.type(new int[] {I32}, I32);
        int tv = ma.type(new int[0]);
        ma.func(ta, 0, new Body().localGet(0).mem(Op.I32_LOAD8_U, 0, 0));
        ma.func(tv, 0, new Body().op(Op.UNREACHABLE));
        Store store = new Store();
        Instance ia = a.compile(ValidatedModule.of(ma.export("peek", 0).export("boom", 1).build())).instantiate(store, Imports.NONE);

        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int tb = mb.type(new int[] {I32}, I32);
        int tvb = mb.type(new int[0]);
        int peek = mb.importFunc("a", "peek", tb);
        int boom = mb.importFunc("a", "boom", tvb);
        int viaCall = mb.func(tb, 0, new Body().localGet(0).call(peek).i32Const(0).mem(Op.I32_LOAD8_U, 0, 0).op(Op.I32_ADD));
        int viaTail = mb.func(tb, 0, new Body().localGet(0).returnCall(peek));
        int viaTable = mb.func(tb, 0, new Body().localGet(0).i32Const(0).callIndirect(tb));
        int outer = mb.func(tvb, 0, new Body().call(boom));
        mb.table(peek).data(0, new byte[] {1});
        Instance ib = new TailCallEngine().compile(ValidatedModule.of(mb.export("viaCall", viaCall).export("viaTail", viaTail)
                .export("viaTable", viaTable).export("outer", outer).build())).instantiate(store, ia.asImports("a"));

        assertThat(call(ib, "viaCall", 70_000)).isEqualTo(43);   // A's byte 42, then B's byte 1 after the return
        assertThat(call(ib, "viaTail", 70_000)).isEqualTo(42);
        assertThat(call(ib, "viaTable", 70_000)).isEqualTo(42);
        assertThatThrownBy(() -> call(ib, "viaCall", 200_000))
                .isInstanceOfSatisfying(Trap.class, e -> assertThat(e.kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
        assertThatThrownBy(() -> ib.exportedFunction("outer").invoke())
                .isInstanceOfSatisfying(Trap.class, e -> {
                    assertThat(e.kind()).isEqualTo(TrapKind.UNREACHABLE);
                    // A's boom (function 1 of A) inside B's outer (function 5 of B)
                    assertThat(e.wasmBacktrace()).extracting(Trap.Frame::functionIndex).containsExactly(1, outer);
                });
    }

    /** Handler frames ({@code exec}) on the Java stack right now. */
    private static int execFrames() {
        return StackWalker.getInstance().walk(s -> (int) s
                .filter(f -> f.getClassName().startsWith(Instr.class.getPackageName() + ".") && f.getMethodName().equals("exec"))
                .count());
    }

    @Test
    void handlersHandOffDirectlyWithinASegmentAndBounceAtItsEnd() {
        // f(x) = depth(x + 1 + 1 + ... (k times)): instruction 0 is local.get, then pairs (i32.const, i32.add),
        // so the call is instruction 2k + 1; its chain started at the first instruction of its segment
        int[] measured = new int[1];
        HostFunction depth = new HostFunction("env", "depth", I32_TO_I32, (caller, args) -> {
            measured[0] = execFrames();
            return args;
        });
        int n = Decoder.INTERVAL;
        for (int k : new int[] {0, 1, 5, 20, 100}) {
            ModuleBuilder mb = new ModuleBuilder();
            int t = mb.type(new int[] {I32}, I32);
            int d = mb.importFunc("env", "depth", t);
            Body b = new Body().localGet(0);
            for (int j = 0; j < k; j++) b.i32Const(1).op(Op.I32_ADD);
            mb.func(t, 0, b.call(d));
            Instance inst = new TailCallEngine().compile(ValidatedModule.of(mb.export("f", 1).build()))
                    .instantiate(new Store(), (m, f) -> depth);
            assertThat(call(inst, "f", 3)).isEqualTo(3 + k);
            int callOrdinal = 2 * k + 1;
            assertThat(measured[0]).as("exec frames at instruction %d with N = %d", callOrdinal, n).isEqualTo(callOrdinal % n + 1);
        }
    }
}
