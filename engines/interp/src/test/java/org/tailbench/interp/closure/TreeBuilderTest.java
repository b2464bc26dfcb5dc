package org.tailbench.interp.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.ModuleBuilder.I32;

import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.testkit.TestSupport;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.validate.ValidatedModule;

/** The trees {@link TreeBuilder} makes, and the order in which pending values are evaluated. */
class TreeBuilderTest {
    private static FunctionCode build(ModuleBuilder mb) {
        ValidatedModule vm = ValidatedModule.of(mb.build());
        return TreeBuilder.build(vm.module(), 0, vm.functions()[0]);
    }

    @Test
    void anAddOfALocalAndAConstantIsOneNodeWithItsLeavesInline() {
        ModuleBuilder mb = new ModuleBuilder();
        mb.func(mb.type(new int[] {I32}, I32), 0, new Body().localGet(0).i32Const(1).op(ClosureEngineTest.ADD));
        FunctionCode fc = build(mb);
        // the result is stored once, into the result slot (right after the one local)
        assertThat(fc.body).hasSize(1);
        VarNodes.LocalSet set = (VarNodes.LocalSet) fc.body[0];
        assertThat(set.index).isEqualTo(1);
        // specialised on its leaves: local 0 read inline, constant 1 as a field
        LeafNodes.I32AddLC add = (LeafNodes.I32AddLC) set.value;
        assertThat(add.ia).isZero();
        assertThat(add.y0).isEqualTo(1);
    }

    @Test
    void aBranchIfBecomesOneStatementWithItsConditionTree() {
        ModuleBuilder mb = new ModuleBuilder();
        // loop: br_if 0 (i32.eqz (local.get 0)) end
        mb.func(mb.type(new int[] {I32}), 0, new Body().loop().localGet(0).op(ClosureEngineTest.EQZ).brIf(0).op(0x0B));
        FunctionCode fc = build(mb);
        ControlNodes.Loop loop = (ControlNodes.Loop) fc.body[0];
        assertThat(loop.body).hasSize(1);
        ControlNodes.BrIf brIf = (ControlNodes.BrIf) loop.body[0];
        assertThat(brIf.signal).isEqualTo(1);
        assertThat(brIf.cond).isInstanceOf(NumericNodes.I32Eqz.class);
    }

    @Test
    void anAddOfTwoComputedValuesKeepsBothChildren() {
        ModuleBuilder mb = new ModuleBuilder();
        // (x * 2) + (x * 3)
        mb.func(mb.type(new int[] {I32}, I32), 0, new Body().localGet(0).i32Const(2).op(ClosureEngineTest.MUL)
                .localGet(0).i32Const(3).op(ClosureEngineTest.MUL).op(ClosureEngineTest.ADD));
        VarNodes.LocalSet set = (VarNodes.LocalSet) build(mb).body[0];
        NumericNodes.I32Add add = (NumericNodes.I32Add) set.value;
        assertThat(add.a).isInstanceOfSatisfying(LeafNodes.I32MulLC.class, m -> assertThat(m.y0).isEqualTo(2));
        assertThat(add.b).isInstanceOfSatisfying(LeafNodes.I32MulLC.class, m -> assertThat(m.y0).isEqualTo(3));
    }

    @Test
    void aPendingLocalReadIsTakenBeforeALaterSetOfThatLocal() {
        ModuleBuilder mb = new ModuleBuilder();
        // x; x = x + 1; (old x) * 10 + x  → for x = 5: 5 * 10 + 6 = 56
        mb.func(mb.type(new int[] {I32}, I32), 0, new Body().localGet(0)
                .localGet(0).i32Const(1).op(ClosureEngineTest.ADD).localSet(0)
                .i32Const(10).op(ClosureEngineTest.MUL).localGet(0).op(ClosureEngineTest.ADD));
        Instance inst = ClosureEngineTest.instantiate(mb.export("f", 0), new Store(), Imports.NONE);
        assertThat(TestSupport.call(inst, "f", 5)).isEqualTo(56);
    }

    @Test
    void aTeeBelowAReadOfTheSameLocalRunsFirst() {
        ModuleBuilder mb = new ModuleBuilder();
        // (local.tee 0 (x * 3)) - x  → 0 for any x, since the read sees the tee's value
        mb.func(mb.type(new int[] {I32}, I32), 0, new Body().localGet(0).i32Const(3).op(ClosureEngineTest.MUL)
                .localTee(0).localGet(0).op(ClosureEngineTest.SUB));
        Instance inst = ClosureEngineTest.instantiate(mb.export("f", 0), new Store(), Imports.NONE);
        assertThat(TestSupport.call(inst, "f", 7)).isZero();
    }
}
