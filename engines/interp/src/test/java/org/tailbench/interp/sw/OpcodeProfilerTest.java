package org.tailbench.interp.sw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The opcode-profile mode counts Wasm instructions exactly. Expected counts are worked out by hand from
 * the programs below (see the comments) under the counting rules of {@code Lowerer.lowerCounting}: every
 * instruction counts when it starts executing; a structured {@code end}/{@code else} only when control
 * falls into it.
 */
class OpcodeProfilerTest {
    private static final int N = 5;

    /**
     * func 0 sum(n): [0] block [1] loop [2] local.get 0 [3] i32.eqz [4] br_if 1 [5] local.get 1
     * [6] local.get 0 [7] i32.add [8] local.set 1 [9] local.get 0 [10] i32.const 1 [11] i32.sub
     * [12] local.set 0 [13] br 0 [14] end [15] end [16] local.get 1 [17] end.
     * func 1 pick(x): [0] local.get 0 [1] if [2] i32.const 10 [3] else [4] i32.const 20 [5] end [6] end.
     * func 2 g(x) = pick(x) + 1: [0] local.get 0 [1] call 1 [2] i32.const 1 [3] i32.add [4] end.
     */
    private static CompiledModule compile() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        mb.func(t, 1, new Body().block().loop().localGet(0).op(Op.I32_EQZ).brIf(1)
                .localGet(1).localGet(0).op(Op.I32_ADD).localSet(1)
                .localGet(0).i32Const(1).op(Op.I32_SUB).localSet(0).br(0).end().end().localGet(1));
        mb.func(t, 0, new Body().localGet(0).ifResult(I32).i32Const(10).op(Op.ELSE).i32Const(20).end());
        mb.func(t, 0, new Body().localGet(0).call(1).i32Const(1).op(Op.I32_ADD));
        return OpcodeProfiler.compile(ValidatedModule.of(mb.export("sum", 0).export("pick", 1).export("g", 2).build()));
    }

    @Test
    void countsEveryWasmInstructionAndPairExactly() {
        CompiledModule cm = compile();
        Instance inst = cm.instantiate(new Store(), Imports.NONE);
        assertThat(inst.exportedFunction("sum").invoke(N)[0]).isEqualTo(15);
        assertThat(inst.exportedFunction("g").invoke(1)[0]).isEqualTo(11);
        assertThat(inst.exportedFunction("pick").invoke(0)[0]).isEqualTo(20);
        OpcodeProfile p = OpcodeProfiler.profileOf(cm);

        // sum(N): the loop head runs N+1 times, the body N times; the taken br_if skips both ends
        long n = N;
        assertThat(p.ops(0)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("block", 1L), Map.entry("loop", 1L), Map.entry("local.get", 4 * n + 2), Map.entry("i32.eqz", n + 1),
                Map.entry("br_if", n + 1), Map.entry("i32.add", n), Map.entry("local.set", 2 * n), Map.entry("i32.const", n),
                Map.entry("i32.sub", n), Map.entry("br", n), Map.entry("end", 1L)));
        assertThat(p.instructions(0)).isEqualTo(12 * n + 7);
        assertThat(p.count(0, 14)).isZero();   // the loop's end: br 0 always jumps back
        assertThat(p.count(0, 15)).isZero();   // the block's end: left by br_if 1
        assertThat(p.pairs(0)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("block>loop", 1L), Map.entry("loop>local.get", 1L), Map.entry("local.get>i32.eqz", n + 1),
                Map.entry("i32.eqz>br_if", n + 1), Map.entry("br_if>local.get", n + 1), Map.entry("local.get>local.get", n),
                Map.entry("local.get>i32.add", n), Map.entry("i32.add>local.set", n), Map.entry("local.set>local.get", n),
                Map.entry("local.get>i32.const", n), Map.entry("i32.const>i32.sub", n), Map.entry("i32.sub>local.set", n),
                Map.entry("local.set>br", n), Map.entry("br>local.get", n), Map.entry("local.get>end", 1L)));

        // pick(1) via g: local.get if i32.const else end(function); pick(0): local.get if i32.const end(if) end(function)
        assertThat(p.ops(1)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "local.get", 2L, "if", 2L, "i32.const", 2L, "else", 1L, "end", 3L));
        assertThat(p.pairs(1)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "local.get>if", 2L, "if>i32.const", 2L, "i32.const>else", 1L, "else>end", 1L,
                "i32.const>end", 1L, "end>end", 1L));
        // g: pairs do not cross into the callee: call is followed by g's own i32.const
        assertThat(p.pairs(2)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "local.get>call", 1L, "call>i32.const", 1L, "i32.const>i32.add", 1L, "i32.add>end", 1L));
        assertThat(p.totalInstructions()).isEqualTo(12 * n + 7 + 10 + 5);

        String json = p.toJson("switch", "t", List.of("a\"b"), "note");
        assertThat(json).startsWith("{\"engine\":\"switch\",\"workload\":\"t\",\"args\":[\"a\\\"b\"],\"totalInstructions\":82,")
                .contains("{\"index\":0,\"name\":\"func[0]\",\"instructions\":67,\"ops\":{\"local.get\":22,")
                .contains("\"pairs\":{\"call>i32.const\":1,");
    }

    @Test
    void onlyCountingModulesHaveAProfile() {
        CompiledModule plain = new SwitchEngine().compile(ValidatedModule.of(new ModuleBuilder().build()));
        assertThatThrownBy(() -> OpcodeProfiler.profileOf(plain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opcode-profile mode");
    }
}
