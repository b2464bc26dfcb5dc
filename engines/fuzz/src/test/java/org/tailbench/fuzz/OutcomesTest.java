package org.tailbench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.wasm.ValType;

/** The classifier: outcome steps of real runs, NaN classes, and verdicts over engines' steps. */
class OutcomesTest {
    private static final List<Engine> SWITCH = List.of(Engines.byName("switch"));

    @Test
    void resultsOfAnInvocation() {
        List<String> steps = new CaseRunner(1000, 10_000).run(TestModules.addModule(), SWITCH).get(0);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)).isEqualTo("instantiated");
        assertThat(steps.get(1)).startsWith("invoke f: [i32:12] | mem - globals 0 "); // 7 + 5
    }

    @Test
    void trapKindOfAnInvocation() {
        byte[] b = TestModules.addModule();
        b[b.length - 3] = 0x00; // i32.const 5 -> i32.const 0
        b[b.length - 2] = 0x6D; // i32.add -> i32.div_s
        assertThat(new CaseRunner(1000, 10_000).run(b, SWITCH).get(0).get(1)).startsWith("invoke f: trap integer divide by zero | ");
    }

    @Test
    void malformedAndInvalidCarryTheirLocation() {
        byte[] cut = java.util.Arrays.copyOf(TestModules.addModule(), 30);
        assertThat(new CaseRunner(1000, 10_000).run(cut, SWITCH).get(0)).singleElement().asString().matches("malformed @\\d+: .*");
        byte[] b = TestModules.addModule();
        b[b.length - 2] = 0x7C; // i32.add -> i64.add: type mismatch in function 0
        assertThat(new CaseRunner(1000, 10_000).run(b, SWITCH).get(0)).singleElement().asString()
                .matches("invalid func 0 @\\d+: type mismatch.*");
    }

    @Test
    void timeoutOfALoop() {
        byte[] b = TestModules.addModule();
        // instructions: loop (result i32) br 0 end end, in the same 6 bytes as the original ones
        int at = b.length - 6;
        byte[] body = {0x03, 0x7F, 0x0C, 0x00, 0x0B, 0x0B};
        System.arraycopy(body, 0, b, at, body.length);
        CaseRunner r = new CaseRunner(300, 10_000);
        assertThat(r.run(b, SWITCH).get(0)).containsExactly("instantiated", "invoke f: timeout");
        assertThat(r.stuck()).isTrue();
    }

    @Test
    void nansCompareByClass() {
        // spec §4.3.3: arithmetic NaNs may have any payload and sign; quiet vs signalling is what stays
        assertThat(Outcomes.value(ValType.F32, 0x7FC0_0000L)).isEqualTo("f32:nan");
        assertThat(Outcomes.value(ValType.F32, 0xFFC0_0001L)).isEqualTo("f32:nan");
        assertThat(Outcomes.value(ValType.F32, 0x7FA0_0000L)).isEqualTo("f32:snan");
        assertThat(Outcomes.value(ValType.F64, 0xFFF8_0000_0000_0123L)).isEqualTo("f64:nan");
        assertThat(Outcomes.value(ValType.F64, 0x8000_0000_0000_0000L)).isEqualTo("f64:0x8000000000000000"); // -0.0 is not 0.0
        assertThat(Outcomes.value(ValType.FUNCREF, ValType.NULL_REF)).isEqualTo("funcref:null");
    }

    @Test
    void verdictNamesCrashesDisagreementsAndPeersApart() {
        List<String> ok = List.of("instantiated", "invoke f: [i32:1] | mem - globals 0 0");
        List<String> other = List.of("instantiated", "invoke f: trap unreachable | mem - globals 0 0");
        List<String> crash = List.of("crash: compile: java.lang.ClassCastException: x at a.B.c");
        boolean[] own3 = {false, false, false};
        assertThat(Verdict.of(List.of("a", "b", "c"), own3, List.of(ok, ok, ok)).finding()).isNull();
        assertThat(Verdict.of(List.of("a", "b", "c"), own3, List.of(ok, other, ok)).finding())
                .isEqualTo("disagreement {a,c} vs {b} (trap unreachable)");
        assertThat(Verdict.of(List.of("a", "b", "c"), own3, List.of(ok, crash, ok)).finding())
                .isEqualTo("crash b: compile java.lang.ClassCastException at a.B.c");
        // a peer differing is not a finding; a peer's missing state hash is not a difference
        List<String> peerSame = List.of("instantiated", "invoke f: [i32:1] | mem - globals 0 -");
        Verdict v = Verdict.of(List.of("a", "p", "q"), new boolean[] {false, true, true}, List.of(ok, peerSame, other));
        assertThat(v.finding()).isNull();
        assertThat(v.peerDisagreements()).containsExactly("peer q: trap unreachable where ours has results");
        // states differing between own engines is a finding
        List<String> otherState = List.of("instantiated", "invoke f: [i32:1] | mem 1p abc globals 0 0");
        assertThat(Verdict.of(List.of("a", "b"), new boolean[2], List.of(ok, otherState)).finding())
                .isEqualTo("disagreement {a} vs {b} (state differs)");
    }

    @Test
    void aotNaiveRunningOutOfStackOnTailCallsIsNotAFinding() {
        // found by the fuzzer (seed 11, case 20989): (func (result f64) return_call 0) loops in constant stack on
        // every engine but aot-naive, which compiles return_call as call + return by design
        List<String> loops = List.of("instantiated", "invoke f: timeout");
        List<String> naive = List.of("instantiated", "invoke f: trap call stack exhausted | " + Outcomes.NO_STATE);
        List<String> engines = List.of("switch", "aot", "aot-naive");
        assertThat(Verdict.of(engines, new boolean[3], List.of(loops, loops, naive)).finding()).isNull();
        // but a different outcome before the exhaustion still is one
        List<String> naiveOther = List.of("instantiated", "invoke g: [i32:2] | mem - globals 0 0", "invoke f: trap call stack exhausted | x");
        List<String> ref = List.of("instantiated", "invoke g: [i32:1] | mem - globals 0 0", "invoke f: timeout");
        assertThat(Verdict.of(engines, new boolean[3], List.of(ref, ref, naiveOther)).finding())
                .isEqualTo("disagreement {aot,switch} vs {aot-naive} (results)");
        // and so is another engine running out of stack where the rest loop
        assertThat(Verdict.of(engines, new boolean[3], List.of(loops, naive, loops)).finding()).isNotNull();
    }
}
