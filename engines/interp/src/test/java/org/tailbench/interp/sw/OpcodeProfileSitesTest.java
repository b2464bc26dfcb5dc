package org.tailbench.interp.sw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tailbench.testkit.gen.IndirectCallModule;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Issue 17's profile counters of the opcode-profile mode: indirect call targets per site, per-function calls, branch
 * bias, br_table labels, triples. Expected counts are worked out by hand from {@link IndirectCallModule}'s programs.
 */
class OpcodeProfileSitesTest {
    @Test
    void countsTargetsCallsBranchesTablesAndTriples() {
        ValidatedModule vm = ValidatedModule.of(IndirectCallModule.bytes());
        Module m = vm.module();
        CompiledModule cm = OpcodeProfiler.compile(vm);
        Instance inst = cm.instantiate(new Store(), Imports.NONE);
        assertThat(inst.exportedFunction("run").invoke(8)[0]).isEqualTo(IndirectCallModule.run(8));
        assertThat(inst.exportedFunction("stepA").invoke(10, 0)[0]).isEqualTo(55L);
        for (int x : new int[] {0, 1, 1, 7}) inst.exportedFunction("sel").invoke(x);
        OpcodeProfile p = OpcodeProfiler.profileOf(cm);

        // run(8): elements i % 4 = 0,1,2,3,0,1,2,3 → f0 six times, f1 twice
        int runSite = IndirectCallModule.offsetOf(m, IndirectCallModule.RUN, Op.CALL_INDIRECT);
        // stepA(10, 0): f4 runs k = 10, 8, 6, 4, 2, 0 and calls f5 for k ≠ 0; f5 runs k = 9, 7, 5, 3, 1 and calls f4
        int siteA = IndirectCallModule.offsetOf(m, IndirectCallModule.STEP_A, Op.RETURN_CALL_INDIRECT);
        int siteB = IndirectCallModule.offsetOf(m, IndirectCallModule.STEP_B, Op.RETURN_CALL_INDIRECT);
        assertThat(p.indirectSites()).containsExactly(
                new OpcodeProfile.IndirectSite(IndirectCallModule.RUN, runSite, "call_indirect", 0, 8, Map.of(0, 6L, 1, 2L)),
                new OpcodeProfile.IndirectSite(IndirectCallModule.STEP_A, siteA, "return_call_indirect", 1, 5, Map.of(5, 5L)),
                new OpcodeProfile.IndirectSite(IndirectCallModule.STEP_B, siteB, "return_call_indirect", 1, 5, Map.of(4, 5L)));
        assertThat(p.indirectSites().get(0).targets().keySet()).containsExactly(0, 1);   // by descending count

        assertThat(p.calls(0)).isEqualTo(6);
        assertThat(p.calls(1)).isEqualTo(2);
        assertThat(p.calls(2)).isZero();
        assertThat(p.calls(IndirectCallModule.RUN)).isEqualTo(1);
        assertThat(p.calls(IndirectCallModule.STEP_A)).isEqualTo(6);   // 1 call + 5 tail calls
        assertThat(p.calls(IndirectCallModule.STEP_B)).isEqualTo(5);

        // run's br_if: i >= n false 8 times, true once; stepA's if: k == 0 once in six
        assertThat(p.branches(IndirectCallModule.RUN)).extracting(OpcodeProfile.BranchSite::op, OpcodeProfile.BranchSite::taken,
                OpcodeProfile.BranchSite::notTaken).containsExactly(org.assertj.core.groups.Tuple.tuple("br_if", 1L, 8L));
        assertThat(p.branches(IndirectCallModule.STEP_A)).extracting(OpcodeProfile.BranchSite::op, OpcodeProfile.BranchSite::taken,
                OpcodeProfile.BranchSite::notTaken).containsExactly(org.assertj.core.groups.Tuple.tuple("if", 1L, 5L));
        // sel(0), sel(1), sel(1), sel(7): label 0 once, label 1 twice, default once
        List<OpcodeProfile.TableSite> tables = p.brTables(IndirectCallModule.SEL);
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).labels()).containsExactly(1, 2, 1);

        // the loop head local.get 2; local.get 0; i32.ge_u runs n + 1 = 9 times
        assertThat(p.triples(IndirectCallModule.RUN)).containsEntry("local.get>local.get>i32.ge_u", 9L);
        assertThat(p.triples(IndirectCallModule.RUN).values().stream().mapToLong(Long::longValue).sum())
                .as("one triple per instruction after the second of each activation")
                .isEqualTo(p.instructions(IndirectCallModule.RUN) - 2);

        String json = p.toJson("switch", "indirect", List.of(), "test");
        assertThat(json).contains("\"calls\":8,\"targets\":{\"0\":6,\"1\":2}").contains("\"taken\":1,\"notTaken\":8")
                .contains("\"labels\":[1,2,1]").contains("\"calls\":6,");
    }
}
