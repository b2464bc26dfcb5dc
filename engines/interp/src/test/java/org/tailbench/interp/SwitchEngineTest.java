package org.tailbench.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.testkit.TestSupport.call;
import static org.tailbench.wasm.ModuleBuilder.F32;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.testkit.TestSupport;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;

/**
 * The {@code switch} engine on hand-assembled modules: integer and float edge cases, traps, bounds checks.
 * Tail calls, the frame limit, backtraces and host calls are checked on every engine by
 * {@link org.tailbench.testkit.EngineContractTest}.
 */
class SwitchEngineTest {
    private static final int ADD = 0x6A, DIV_S = 0x6D, REM_S = 0x6F;
    private final Engine engine = Engines.byName("switch");

    private Instance instantiate(ModuleBuilder mb, Store store) { return TestSupport.instantiate(engine, mb, store); }

    private static Instance binary(int opcode) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32, I32}, I32);
        mb.func(t, 0, new Body().localGet(0).localGet(1).op(opcode));
        return new SwitchEngineTest().instantiate(mb.export("f", 0), new Store());
    }

    @ParameterizedTest
    @CsvSource({"7, 2, 3", "-7, 2, -3", "7, -2, -3", "-2147483648, 2, -1073741824"})
    void divS(int x, int y, int quotient) {
        assertThat(call(binary(DIV_S), "f", x, y)).isEqualTo(quotient);
    }

    @Test
    void integerTraps() {
        Instance div = binary(DIV_S), rem = binary(REM_S);
        assertThatThrownBy(() -> call(div, "f", 1, 0)).extracting(e -> ((Trap) e).kind()).isEqualTo(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        assertThatThrownBy(() -> call(div, "f", Integer.MIN_VALUE, -1)).extracting(e -> ((Trap) e).kind()).isEqualTo(TrapKind.INTEGER_OVERFLOW);
        assertThat(call(rem, "f", Integer.MIN_VALUE, -1)).isZero();
        assertThat(call(rem, "f", -7, 2)).isEqualTo(-1);
    }

    @Test
    void memoryAccessesAreBoundsChecked() {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t = mb.type(new int[] {I32}, I32);
        mb.func(t, 0, new Body().localGet(0).op(0x28).u32(2).u32(0));               // i32.load offset=0
        mb.func(t, 0, new Body().localGet(0).op(0x28).u32(2).u32(0xFFFFFFFFL));     // i32.load offset=2^32-1
        mb.func(t, 0, new Body().localGet(0).i32Const(0x01020304).op(0x36).u32(2).u32(0).localGet(0).op(0x2D).u32(0).u32(0)); // store, load8_u
        Instance inst = instantiate(mb.export("load", 0).export("far", 1).export("store", 2), new Store());
        assertThat(call(inst, "load", 65532)).isZero();
        for (long a : new long[] {65533, 65536, -1}) {
            assertThatThrownBy(() -> call(inst, "load", a)).extracting(e -> ((Trap) e).kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        }
        assertThatThrownBy(() -> call(inst, "far", 1)).extracting(e -> ((Trap) e).kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        assertThat(call(inst, "store", 100)).isEqualTo(0x04);  // little-endian: lowest byte first
        assertThat(call(inst, "load", 100)).isEqualTo(0x01020304);
    }

    @Test
    void callIndirectChecksBoundsNullAndType() {
        ModuleBuilder mb = new ModuleBuilder();
        int ti = mb.type(new int[] {I32}, I32);
        int tv = mb.type(new int[0], I32);
        mb.func(ti, 0, new Body().i32Const(42).localGet(0).op(0x11).u32(ti).u8(0));  // call_indirect (i32)->i32
        mb.func(tv, 0, new Body().i32Const(7));
        mb.func(ti, 0, new Body().localGet(0).i32Const(1).op(ADD));                 // x + 1
        Instance inst = instantiate(mb.table(2, 1).export("dispatch", 0), new Store());
        assertThat(call(inst, "dispatch", 0)).isEqualTo(43);
        assertThatThrownBy(() -> call(inst, "dispatch", 1)).extracting(e -> ((Trap) e).kind()).isEqualTo(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        assertThatThrownBy(() -> call(inst, "dispatch", 2)).extracting(e -> ((Trap) e).kind()).isEqualTo(TrapKind.UNDEFINED_ELEMENT);
    }

    /** A module exporting {@code f}: the f32 instruction {@code opcode} on its one or two f32 parameters. */
    private static Instance f32(int opcode, boolean binary) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = binary ? mb.type(new int[] {F32, F32}, F32) : mb.type(new int[] {F32}, F32);
        Body b = new Body().localGet(0);
        if (binary) b.localGet(1);
        mb.func(t, 0, b.op(opcode));
        return new SwitchEngineTest().instantiate(mb.export("f", 0), new Store());
    }

    private static long bits(float f) { return Float.floatToRawIntBits(f); }

    @Test
    void floatEdgeCasesFollowTheSpec() {
        Instance min = f32(0x96, true), nearest = f32(0x90, false), copysign = f32(0x98, true);
        int r = (int) call(min, "f", 0x7FA00001, bits(1f));             // signalling NaN in: quiet NaN out
        assertThat(r & 0x7FC00000).isEqualTo(0x7FC00000);
        assertThat((int) call(min, "f", bits(0f), bits(-0f))).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat((int) call(nearest, "f", bits(2.5f))).isEqualTo(Float.floatToRawIntBits(2f));
        assertThat((int) call(nearest, "f", bits(-0.5f))).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat((int) call(copysign, "f", 0x7FC00001, bits(-1f))).isEqualTo(0xFFC00001);  // payload kept
    }
}
