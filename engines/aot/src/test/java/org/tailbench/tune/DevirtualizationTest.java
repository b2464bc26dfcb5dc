package org.tailbench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tailbench.testkit.gen.IndirectCallModule;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The devirtualization rule on hand-made profiles of {@link IndirectCallModule}'s sites (types: f0, f1, f2, f3, f7 are
 * (i32) → i32; f4, f5, f6 (i32, i32) → i32). Every expected decision is worked out by hand from the rule's text.
 */
class DevirtualizationTest {
    private static final Module M = ValidatedModule.of(IndirectCallModule.bytes()).module();
    private static final int RUN_SITE = IndirectCallModule.offsetOf(M, IndirectCallModule.RUN, Op.CALL_INDIRECT);
    private static final int SITE_A = IndirectCallModule.offsetOf(M, IndirectCallModule.STEP_A, Op.RETURN_CALL_INDIRECT);
    private static final Devirtualization.Rule RULE = new Devirtualization.Rule(1000, 0.10, 4, 256);

    private static Map<Integer, Long> targets(long... fAndN) {
        Map<Integer, Long> m = new LinkedHashMap<>();
        for (int k = 0; k < fAndN.length; k += 2) m.put((int) fAndN[k], fAndN[k + 1]);
        return m;
    }

    private static Devirtualization.Site run(long calls, Map<Integer, Long> t) {
        return new Devirtualization.Site(IndirectCallModule.RUN, RUN_SITE, "call_indirect", calls, t);
    }

    @Test
    void aSiteBelowMinCallsGetsNoDecision() {
        assertThat(Devirtualization.decide(List.of(run(999, targets(0, 999))), M, RULE)).isEmpty();
        assertThat(Devirtualization.decide(List.of(run(1000, targets(0, 1000))), M, RULE)).hasSize(1);
    }

    @Test
    void targetsAreKeptByDescendingCallsWhileTheirShareReachesMinShare() {
        // 600 + 300 + 100 (exactly 10 %) of 1000; f2's 100 ties nothing; -1 (no target) is never a target
        List<TuningFile.Devirtualize> ds = Devirtualization.decide(List.of(run(1000, targets(2, 100, 0, 600, -1, 0, 1, 300))), M, RULE);
        assertThat(ds).containsExactly(new TuningFile.Devirtualize(IndirectCallModule.RUN, RUN_SITE, "call_indirect", List.of(0, 1, 2),
                new TuningFile.Evidence(1000, List.of(600L, 300L, 100L))));
        // 99 of 1000 is below 10 %: not kept, and nothing after it
        ds = Devirtualization.decide(List.of(run(1000, targets(0, 801, 1, 100, 2, 99))), M, RULE);
        assertThat(ds.get(0).targets()).containsExactly(0, 1);
        // at most maxTargets
        ds = Devirtualization.decide(List.of(run(1000, targets(0, 400, 1, 300, 2, 300))), M, new Devirtualization.Rule(1000, 0.10, 2, 256));
        assertThat(ds.get(0).targets()).containsExactly(0, 1);
    }

    @Test
    void targetsOfAnotherTypeOrOutsideTheModuleAreSkipped() {
        // f4 has type (i32, i32) → i32, the run site calls (i32) → i32; 42 is no function; ties go to the lower index
        List<TuningFile.Devirtualize> ds = Devirtualization.decide(List.of(run(1000, targets(4, 500, 42, 300, 1, 100, 0, 100))), M, RULE);
        assertThat(ds.get(0).targets()).containsExactly(0, 1);
        assertThat(Devirtualization.decide(List.of(run(1000, targets(4, 1000))), M, RULE)).isEmpty();
    }

    @Test
    void sitesAreRankedByCoveredCallsAndCapped() {
        Devirtualization.Site a = new Devirtualization.Site(IndirectCallModule.STEP_A, SITE_A, "return_call_indirect", 5000, targets(5, 2000));
        Devirtualization.Site r = run(3000, targets(0, 3000));
        List<TuningFile.Devirtualize> ds = Devirtualization.decide(List.of(r, a), M, RULE);
        assertThat(ds).extracting(TuningFile.Devirtualize::function).containsExactly(IndirectCallModule.RUN, IndirectCallModule.STEP_A);
        ds = Devirtualization.decide(List.of(r, a), M, new Devirtualization.Rule(1000, 0.10, 4, 1));
        assertThat(ds).extracting(TuningFile.Devirtualize::function).containsExactly(IndirectCallModule.RUN);
        assertThat(Devirtualization.decide(List.of(r, a), M, new Devirtualization.Rule(1000, 0.10, 4, 0))).isEmpty();
    }

    @Test
    void aSiteThatIsNoIndirectCallInTheModuleIsIgnored() {
        assertThat(Devirtualization.decide(List.of(new Devirtualization.Site(IndirectCallModule.RUN, RUN_SITE + 1, "call_indirect", 5000,
                targets(0, 5000))), M, RULE)).isEmpty();
    }

    @Test
    void badRuleParametersAreRefused() {
        assertThatThrownBy(() -> new Devirtualization.Rule(0, 0.1, 1, 1)).hasMessageContaining("minCalls");
        assertThatThrownBy(() -> new Devirtualization.Rule(1, 0, 1, 1)).hasMessageContaining("minShare");
        assertThatThrownBy(() -> new Devirtualization.Rule(1, 1.5, 1, 1)).hasMessageContaining("minShare");
    }
}
