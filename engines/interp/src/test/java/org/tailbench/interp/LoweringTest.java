package org.tailbench.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tailbench.interp.lower.LOp;
import org.tailbench.interp.lower.LOpGenerator;
import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/** The lowering: opcode identity with {@link Op}, resolved branches, dropped dead code. */
class LoweringTest {
    /** Instructions that lower to jumps, calls of another shape, or nothing (the generator of {@link LOp} leaves them out). */
    private static final Set<Op> SPECIAL = LOpGenerator.NOT_LOWERED_ONE_TO_ONE;

    @Test
    void everyOtherOpHasTheLoweredOpOfTheSameName() {
        for (Op op : Op.values()) {
            int l = Lowerer.lop(op);
            if (SPECIAL.contains(op)) continue;
            assertThat(l).as(op.name()).isNotNegative();
            assertThat(LOp.NAMES[l]).isEqualTo(op.name());
        }
    }

    @Test
    void branchesCarryKeepAndDropAndDeadCodeIsGone() {
        // (block (result i32) (i32.const 1) (i32.const 2) (br 0) (i32.const 99) (drop)) then end
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[0], I32);
        mb.func(t, 0, new Body().op(0x02, I32).i32Const(1).i32Const(2).op(0x0C, 0).i32Const(99).op(0x1A).op(0x0B));
        ValidatedModule vm = ValidatedModule.of(mb.build());
        LoweredFunction f = Lowerer.lower(vm.module(), 0, vm.functions()[0]);
        int[] expected = {LOp.I32_CONST, 1, LOp.I32_CONST, 2, LOp.BR_DROP, 8, 1, 1, LOp.RETURN};
        assertThat(f.code()).as(f.disassemble()).containsExactly(expected);
        assertThat(f.returnPc()).isEqualTo(8);
    }

    @Test
    void comparisonsFuseWithBrIfAndIf() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32, I32}, I32);
        // (block (br_if 0 (i32.lt_s (local.get 0) (local.get 1)))) (if (result i32) (i32.lt_s ..) (then 1) (else 2))
        mb.func(t, 0, new Body().op(0x02, 0x40).localGet(0).localGet(1).op(0x48).op(0x0D, 0).op(0x0B)
                .localGet(0).localGet(1).op(0x48).ifResult(I32).i32Const(1).op(0x05).i32Const(2).op(0x0B));
        ValidatedModule vm = ValidatedModule.of(mb.build());
        LoweredFunction f = Lowerer.lower(vm.module(), 0, vm.functions()[0]);
        int[] expected = {LOp.LOCAL_GET, 0, LOp.LOCAL_GET, 1, LOp.BR_IF_I32_LT_S, 6,
                LOp.LOCAL_GET, 0, LOp.LOCAL_GET, 1, LOp.BR_IF_I32_GE_S, 16, LOp.I32_CONST, 1, LOp.JMP, 18,
                LOp.I32_CONST, 2, LOp.RETURN};
        assertThat(f.code()).as(f.disassemble()).containsExactly(expected);
    }
}
