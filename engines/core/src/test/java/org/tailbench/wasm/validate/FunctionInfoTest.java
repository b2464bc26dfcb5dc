package org.tailbench.wasm.validate;

import org.junit.jupiter.api.Test;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.wasm.Op.*;
import static org.tailbench.wasm.ValType.I32;
import static org.tailbench.wasm.validate.Fn.NONE;
import static org.tailbench.wasm.validate.Fn.params;

/**
 * {@link FunctionInfo} of small hand-built functions; expected heights are worked out by hand from the
 * spec's typing rules (heights before each instruction, -1 where no execution reaches it).
 */
class FunctionInfoTest {
    private static final long I32_BLOCK = -0x7F;

    @Test
    void straightLine() {
        FunctionInfo f = Fn.of(NONE, I32).op(I32_CONST, 1).op(I32_CONST, 2).op(I32_ADD).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 1, 2, 1);
        assertThat(f.maxStackHeight()).isEqualTo(2);
        assertThat(f.end()).containsExactly(-1, -1, -1, -1);
        assertThat(f.elseIndex()).containsExactly(-1, -1, -1, -1);
    }

    @Test
    void blockWithParamKeepsItOnTheStack() {
        Fn fn = Fn.of(NONE, I32);
        fn.module.types.add(new FuncType(params(I32), params(I32))); // type 1: [i32] -> [i32]
        FunctionInfo f = fn.op(I32_CONST, 5).op(BLOCK, 1).op(I32_CONST, 1).op(I32_ADD).op(END).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 1, 1, 2, 1, 1);
        assertThat(f.end()).containsExactly(-1, 4, -1, -1, -1, -1);
        assertThat(f.maxStackHeight()).isEqualTo(2);
    }

    @Test
    void ifElse() {
        FunctionInfo f = Fn.of(params(I32), I32)
                .op(LOCAL_GET, 0).op(IF, I32_BLOCK).op(I32_CONST, 1).op(ELSE).op(I32_CONST, 2).op(END).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 1, 0, 1, 0, 1, 1);
        assertThat(f.end()).containsExactly(-1, 5, -1, 5, -1, -1, -1);
        assertThat(f.elseIndex()).containsExactly(-1, 3, -1, -1, -1, -1, -1);
        assertThat(f.maxStackHeight()).isEqualTo(1);
    }

    @Test
    void codeAfterBrIsDeadButTheTargetedEndIsLive() {
        FunctionInfo f = Fn.of(NONE).op(BLOCK, Code.BLOCK_EMPTY).op(BR, 0).op(I32_CONST, 1).op(DROP).op(END).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 0, -1, -1, 0, 0);
        assertThat(f.maxStackHeight()).isZero();
    }

    @Test
    void endNeverReachedIsDeadAndSoIsWhatFollows() {
        FunctionInfo f = Fn.of(NONE).op(BLOCK, Code.BLOCK_EMPTY).op(UNREACHABLE).op(END).op(NOP).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 0, -1, -1, -1);
        assertThat(f.end()).containsExactly(2, -1, -1, -1, -1);
    }

    @Test
    void blockNestedInDeadCodeIsDead() {
        FunctionInfo f = Fn.of(NONE, I32).op(I32_CONST, 7).op(RETURN)
                .op(BLOCK, I32_BLOCK).op(I32_CONST, 1).op(END).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 1, -1, -1, -1, -1);
        assertThat(f.end()).containsExactly(-1, -1, 4, -1, -1, -1);
        assertThat(f.maxStackHeight()).isEqualTo(1);
    }

    @Test
    void loopWithBrIf() {
        FunctionInfo f = Fn.of(params(I32)).op(LOOP, Code.BLOCK_EMPTY).op(LOCAL_GET, 0).op(BR_IF, 0).op(END).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 0, 1, 0, 0);
        assertThat(f.end()).containsExactly(3, -1, -1, -1, -1);
    }

    @Test
    void ifWithoutElseReachesItsEndThroughTheImplicitElse() {
        FunctionInfo f = Fn.of(params(I32)).op(LOCAL_GET, 0).op(IF, Code.BLOCK_EMPTY).op(UNREACHABLE).op(END).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 1, 0, 0, 0);
        assertThat(f.end()).containsExactly(-1, 3, -1, -1, -1);
        assertThat(f.elseIndex()).containsExactly(-1, -1, -1, -1, -1);
    }

    @Test
    void elseAfterDeadThenBranchIsDead() {
        FunctionInfo f = Fn.of(params(I32), I32).op(LOCAL_GET, 0).op(IF, I32_BLOCK).op(UNREACHABLE).op(ELSE)
                .op(I32_CONST, 3).op(END).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 1, 0, -1, 0, 1, 1);
        assertThat(f.elseIndex()[1]).isEqualTo(3);
    }

    @Test
    void brTableTargetsBothBlocks() {
        // block block local.get 0 br_table 0 1 end i32.const 9 drop end end
        FunctionInfo f = Fn.of(params(I32)).op(BLOCK, Code.BLOCK_EMPTY).op(BLOCK, Code.BLOCK_EMPTY)
                .op(LOCAL_GET, 0).brTable(0, 1).op(END).op(I32_CONST, 9).op(DROP).op(END).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 0, 0, 1, 0, 0, 1, 0, 0);
        assertThat(f.end()).containsExactly(7, 4, -1, -1, -1, -1, -1, -1, -1);
        assertThat(f.maxStackHeight()).isEqualTo(1);
    }

    @Test
    void returnDoesNotMakeTheFinalEndLive() {
        FunctionInfo f = Fn.of(NONE).op(RETURN).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, -1);
    }

    @Test
    void brToTheFunctionLabelMakesTheFinalEndLive() {
        FunctionInfo f = Fn.of(NONE, I32).op(I32_CONST, 1).op(I32_CONST, 2).op(BR, 0).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 1, 2, 1);
        assertThat(f.maxStackHeight()).isEqualTo(2);
    }

    @Test
    void callPushesResultsAboveArguments() {
        Fn fn = Fn.of(params(I32, I32), I32);
        FunctionInfo f = fn.op(I32_CONST, 1).op(I32_CONST, 2).op(I32_CONST, 3).op(CALL, 0).op(I32_ADD).op(END).info();
        assertThat(f.stackHeight()).containsExactly(0, 1, 2, 3, 2, 1);
        assertThat(f.maxStackHeight()).isEqualTo(3);
    }
}
