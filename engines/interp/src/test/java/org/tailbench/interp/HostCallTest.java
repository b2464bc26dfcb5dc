package org.tailbench.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.api.Test;
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
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.ValidatedModule;

/** Calls from Wasm to the host and back: re-entrance, exceptions passing through, Java stack exhaustion. */
class HostCallTest {
    static final class Boom extends RuntimeException {
        Boom() { super("boom"); }
    }

    /**
     * wasm {@code viaHost(x) = cb(x) + 1}; host {@code cb(x)}: throws Boom for 13, a host trap for 14,
     * {@code viaHost(x - 1)} for x > 0 (re-entering Wasm), 0 for x == 0.
     */
    private static Instance setUp(Store store) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        int cb = mb.importFunc("env", "cb", t);
        int via = mb.func(t, 0, new Body().localGet(0).call(cb).i32Const(1).op(0x6A));
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
        self[0] = Engines.byName("switch").compile(ValidatedModule.of(mb.export("viaHost", via).build()))
                .instantiate(store, imports);
        return self[0];
    }

    @Test
    void hostCallsReenterWasm() {
        Instance inst = setUp(new Store());
        assertThat(inst.exportedFunction("viaHost").invoke(0)[0]).isEqualTo(1);
        assertThat(inst.exportedFunction("viaHost").invoke(10)[0]).isEqualTo(11);
    }

    @Test
    void hostExceptionsPassThroughUnchangedAndTrapsGetWasmFrames() {
        Instance inst = setUp(new Store());
        assertThatThrownBy(() -> inst.exportedFunction("viaHost").invoke(13)).isExactlyInstanceOf(Boom.class);
        assertThatThrownBy(() -> inst.exportedFunction("viaHost").invoke(14))
                .isInstanceOfSatisfying(Trap.class, t -> {
                    assertThat(t.kind()).isEqualTo(TrapKind.HOST);
                    assertThat(t.wasmBacktrace()).extracting(Trap.Frame::functionIndex).containsExactly(1);
                });
        // 16 -> host -> 15 -> host -> 14 traps: one wasm frame per re-entrance
        assertThatThrownBy(() -> inst.exportedFunction("viaHost").invoke(16))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.wasmBacktrace()).hasSize(3));
        assertThat(inst.exportedFunction("viaHost").invoke(3)[0]).isEqualTo(4);
    }

    @Test
    void frameLimitCountsFramesAcrossReentrance() {
        // viaHost(x) nests x + 1 Wasm frames, one per entry from the host
        Instance inst = setUp(new Store().maxCallDepth(10));
        assertThat(inst.exportedFunction("viaHost").invoke(9)[0]).isEqualTo(10);
        assertThatThrownBy(() -> inst.exportedFunction("viaHost").invoke(10))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
    }

    @Test
    void javaStackOverflowBecomesCallStackExhausted() {
        Instance inst = setUp(new Store());
        assertThatThrownBy(() -> inst.exportedFunction("viaHost").invoke(1_000_000))
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
        assertThat(inst.exportedFunction("viaHost").invoke(5)[0]).isEqualTo(6);
    }
}
