package org.tailbench.interp.tailcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.testkit.TestSupport.call;
import static org.tailbench.testkit.TestSupport.onSmallStack;
import static org.tailbench.wasm.ModuleBuilder.I32;
import static org.tailbench.wasm.ModuleBuilder.I64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.testkit.TestSupport;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;

/**
 * The {@code tailcall} engine on hand-assembled modules: long straight-line code and loops on a small Java
 * stack, integer, conversion, memory and table traps. Tail calls, the frame limit and backtraces are checked on
 * every engine by {@link org.tailbench.testkit.EngineContractTest}.
 */
class TailCallEngineTest {
    static Instance instantiate(ModuleBuilder mb, Store store) { return TestSupport.instantiate(new TailCallEngine(), mb, store); }

    @Test
    void aMillionInstructionStraightLineBodyRunsOnASmallJavaStack() throws Throwable {
        // f(x) = x + 1 + 1 + ... (500,000 times): 1,000,001 instructions without a branch
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        Body b = new Body().localGet(0);
        for (int k = 0; k < 500_000; k++) b.i32Const(1).op(Op.I32_ADD);
        mb.func(t, 0, b);
        Instance inst = instantiate(mb.export("f", 0), new Store());
        assertThat(call(inst, "f", 7)).isEqualTo(500_007);      // on the default -Xss
        onSmallStack(() -> assertThat(call(inst, "f", -500_000)).isZero());
    }

    @Test
    void aLoopOfTenMillionIterationsRunsOnASmallJavaStack() throws Throwable {
        // sum(n) = n + (n-1) + ... + 1 as i64, by a loop whose back edge bounces every iteration
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I64);
        mb.func(t, new int[] {1, I64}, new Body()
                .loop().localGet(1).localGet(0).op(Op.I64_EXTEND_I32_U).op(Op.I64_ADD).localSet(1)
                .localGet(0).i32Const(1).op(Op.I32_SUB).localTee(0).brIf(0).end()
                .localGet(1));
        Instance inst = instantiate(mb.export("sum", 0), new Store());
        onSmallStack(() -> assertThat(call(inst, "sum", 10_000_000)).isEqualTo(10_000_000L * 10_000_001L / 2));
    }

    /** A module exporting {@code f(i32, i32) -> i32} = the binary i32 instruction {@code op}. */
    private static Instance binary(Op op) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32, I32}, I32);
        mb.func(t, 0, new Body().localGet(0).localGet(1).op(op));
        return instantiate(mb.export("f", 0), new Store());
    }

    @ParameterizedTest
    @CsvSource({"I32_DIV_S, 7, 2, 3", "I32_DIV_S, -7, 2, -3", "I32_DIV_U, -1, 2, 2147483647", "I32_REM_S, -2147483648, -1, 0",
                "I32_REM_S, -7, 2, -1", "I32_REM_U, -1, 10, 5", "I32_SHL, 1, 33, 2", "I32_SHR_U, -1, 28, 15",
                "I32_ROTL, -2147483648, 1, 1", "I32_LT_U, 1, -1, 1", "I32_GT_S, 1, -1, 1"})
    void integerInstructionsFollowTheSpec(Op op, int x, int y, int expected) {
        assertThat((int) call(binary(op), "f", x, y)).isEqualTo(expected);
    }

    private static TrapKind trapKind(Runnable r) {
        try {
            r.run();
        } catch (Trap t) {
            return t.kind();
        }
        throw new AssertionError("no trap");
    }

    @Test
    void integerTraps() {
        Instance div = binary(Op.I32_DIV_S), divU = binary(Op.I32_DIV_U), rem = binary(Op.I32_REM_U);
        assertThat(trapKind(() -> call(div, "f", 1, 0))).isEqualTo(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        assertThat(trapKind(() -> call(div, "f", Integer.MIN_VALUE, -1))).isEqualTo(TrapKind.INTEGER_OVERFLOW);
        assertThat(trapKind(() -> call(divU, "f", 1, 0))).isEqualTo(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        assertThat(trapKind(() -> call(rem, "f", 1, 0))).isEqualTo(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }

    @Test
    void conversionTraps() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {ModuleBuilder.F64}, I32);
        mb.func(t, 0, new Body().localGet(0).op(Op.I32_TRUNC_F64_S));
        Instance inst = instantiate(mb.export("f", 0), new Store());
        assertThat(call(inst, "f", Double.doubleToRawLongBits(-3.9))).isEqualTo(-3);
        assertThat(trapKind(() -> call(inst, "f", Double.doubleToRawLongBits(Double.NaN)))).isEqualTo(TrapKind.INVALID_CONVERSION_TO_INTEGER);
        assertThat(trapKind(() -> call(inst, "f", Double.doubleToRawLongBits(2147483648.0)))).isEqualTo(TrapKind.INTEGER_OVERFLOW);
    }

    @Test
    void memoryAccessesAreBoundsCheckedAndSeeGrowth() {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t = mb.type(new int[] {I32}, I32);
        mb.func(t, 0, new Body().localGet(0).mem(Op.I32_LOAD, 2, 0));
        mb.func(t, 0, new Body().localGet(0).op(Op.I32_LOAD).u32(2).u32(0xFFFFFFFFL));          // offset 2^32-1
        mb.func(t, 0, new Body().localGet(0).i32Const(0x01020304).mem(Op.I32_STORE, 2, 0)
                .localGet(0).mem(Op.I32_LOAD8_U, 0, 0));
        mb.func(t, 0, new Body().localGet(0).op(Op.MEMORY_GROW).u8(0));
        Instance inst = instantiate(mb.export("load", 0).export("far", 1).export("store", 2).export("grow", 3), new Store());
        assertThat(call(inst, "load", 65532)).isZero();
        for (long a : new long[] {65533, 65536, -1}) {
            assertThat(trapKind(() -> call(inst, "load", a))).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        }
        assertThat(trapKind(() -> call(inst, "far", 1))).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        assertThat(trapKind(() -> call(inst, "store", 65534))).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        assertThat(call(inst, "store", 100)).isEqualTo(0x04);    // little-endian: lowest byte first
        assertThat(call(inst, "load", 100)).isEqualTo(0x01020304);
        assertThat(call(inst, "grow", 1)).isEqualTo(1);          // old size in pages
        assertThat(call(inst, "store", 65534)).isEqualTo(0x04);  // in bounds now, through the same decoded code
    }

    @Test
    void callIndirectChecksBoundsNullAndType() {
        ModuleBuilder mb = new ModuleBuilder();
        int ti = mb.type(new int[] {I32}, I32);
        int tv = mb.type(new int[0], I32);
        mb.func(ti, 0, new Body().i32Const(42).localGet(0).callIndirect(ti));
        mb.func(tv, 0, new Body().i32Const(7));
        mb.func(ti, 0, new Body().localGet(0).i32Const(1).op(Op.I32_ADD));
        Instance inst = instantiate(mb.table(2, 1).export("dispatch", 0), new Store());
        assertThat(call(inst, "dispatch", 0)).isEqualTo(43);
        assertThat(trapKind(() -> call(inst, "dispatch", 1))).isEqualTo(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        assertThat(trapKind(() -> call(inst, "dispatch", 2))).isEqualTo(TrapKind.UNDEFINED_ELEMENT);
        inst.tables[0].set(0, org.tailbench.wasm.ValType.NULL_REF);
        assertThat(trapKind(() -> call(inst, "dispatch", 0))).isEqualTo(TrapKind.UNINITIALIZED_ELEMENT);
    }

    @Test
    void tableAccessesAreBoundsChecked() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        mb.func(t, 0, new Body().localGet(0).op(Op.TABLE_GET).u8(0).op(Op.REF_IS_NULL));
        Instance inst = instantiate(mb.table(0).export("isNull", 0), new Store());
        assertThat(call(inst, "isNull", 0)).isZero();
        assertThat(trapKind(() -> call(inst, "isNull", 1))).isEqualTo(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }

    @Test
    void theEngineIsNamedTailcall() {
        TailCallEngine e = new TailCallEngine();
        assertThat(e.name()).isEqualTo("tailcall");
        assertThat(e.description()).contains("tail-call").doesNotContain("\n");
    }
}
