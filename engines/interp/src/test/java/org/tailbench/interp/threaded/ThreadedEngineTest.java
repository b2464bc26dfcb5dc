package org.tailbench.interp.threaded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.testkit.TestSupport.call;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.testkit.TestSupport;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;

/**
 * The {@code threaded} engine on hand-assembled modules: memory growth seen across calls. Tail calls, the
 * frame limit and every trap kind with its backtrace are checked on every engine by
 * {@link org.tailbench.testkit.EngineContractTest}.
 */
class ThreadedEngineTest {
    static Instance instantiate(ModuleBuilder mb, Store store) { return TestSupport.instantiate(Engines.byName("threaded"), mb, store); }

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
