package org.tailbench.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tailbench.aot.rt.AotContext;
import org.tailbench.tune.TuningFile;
import org.tailbench.testkit.gen.IndirectCallModule;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Guarded devirtualization (issue 17, README "Tuning"): a tuning file changes the generated code at the decided sites
 * (guards against the targets, direct calls on a hit) and nothing else; tuned code computes what the Java model of
 * {@link IndirectCallModule} computes, on hits and misses, traps the same, and keeps tail calls in bounded stack.
 */
class AotTuningTest {
    private static final ValidatedModule VM = ValidatedModule.of(IndirectCallModule.bytes());
    private static final Module M = VM.module();
    private static final int RUN_SITE = IndirectCallModule.offsetOf(M, IndirectCallModule.RUN, Op.CALL_INDIRECT);
    private static final int SITE_A = IndirectCallModule.offsetOf(M, IndirectCallModule.STEP_A, Op.RETURN_CALL_INDIRECT);
    private static final int SITE_B = IndirectCallModule.offsetOf(M, IndirectCallModule.STEP_B, Op.RETURN_CALL_INDIRECT);
    private static final int CALL_AT_SITE = IndirectCallModule.offsetOf(M, IndirectCallModule.CALL_AT, Op.CALL_INDIRECT);

    private static TuningFile.Devirtualize d(int f, int offset, String op, Integer... targets) {
        return new TuningFile.Devirtualize(f, offset, op, List.of(targets), null);
    }

    private static TuningFile tuning(String sha, Integer chain, TuningFile.Devirtualize... ds) {
        return new TuningFile(TuningFile.FORMAT, TuningFile.VERSION, "test",
                List.of(new TuningFile.ModuleEntry("indirect.wasm", sha, new TuningFile.Aot(chain, List.of(ds)))));
    }

    /** f3's site guards f1 (a quarter hits), f4's site f5 (always hits), f5's site f5 (never hits), callAt's f0. */
    private static TuningFile mixed() {
        return tuning(AotClasses.sha256(M.bytes), null,
                d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 1),
                d(IndirectCallModule.STEP_A, SITE_A, "return_call_indirect", 5),
                d(IndirectCallModule.STEP_B, SITE_B, "return_call_indirect", 5),
                d(IndirectCallModule.CALL_AT, CALL_AT_SITE, "call_indirect", 0, 2));
    }

    private static AotClasses compile(boolean trampoline, TuningFile t) {
        return AotCompiler.compile(VM, new AotOptions(trampoline, false, false).withTuning(t), trampoline ? "aot" : "aot-naive", "indirect.wasm");
    }

    private static String constants(AotClasses c) {
        StringBuilder sb = new StringBuilder();
        for (byte[] f : c.classFiles()) sb.append(new String(f, StandardCharsets.ISO_8859_1));
        return sb.toString();
    }

    private static Instance instance(AotClasses c) { return AotModule.define(VM, c).instantiate(new Store(), Imports.NONE); }

    @Test
    void tunedCodeHasGuardsAndComputesTheModelOnHitsAndMisses() {
        for (boolean trampoline : new boolean[] {true, false}) {
            AotClasses untuned = compile(trampoline, null), tuned = compile(trampoline, mixed());
            assertThat(constants(untuned)).doesNotContain("isTarget").doesNotContain("tailHit");
            assertThat(constants(tuned)).contains("isTarget");
            if (trampoline) assertThat(constants(tuned)).contains("tailHit");
            assertThat(tuned.log()).anyMatch(l -> l.startsWith("tuning: 4 indirect call sites devirtualized"));
            Instance inst = instance(tuned);
            for (int n : new int[] {0, 1, 3, 4, 7, 100, 1001}) {
                assertThat(inst.exportedFunction("run").invoke(n)[0]).as("run(%d)", n).isEqualTo((long) IndirectCallModule.run(n));
            }
            for (int k : new int[] {0, 1, 2, 10, 999}) {
                assertThat(inst.exportedFunction("stepA").invoke(k, 0)[0]).as("stepA(%d)", k).isEqualTo((long) IndirectCallModule.step(k));
            }
            assertThat(inst.exportedFunction("callAt").invoke(3, 5)[0]).isEqualTo(10);    // f1: miss of both guards
            assertThat(inst.exportedFunction("callAt").invoke(0, 5)[0]).isEqualTo(6);     // f0: hit
            assertThat(inst.exportedFunction("callAt").invoke(6, 5)[0]).isEqualTo(2);     // f2: hit of the second guard
            assertThatThrownBy(() -> inst.exportedFunction("callAt").invoke(7, 5)).isInstanceOf(Trap.class)
                    .extracting(e -> ((Trap) e).kind()).isEqualTo(TrapKind.UNDEFINED_ELEMENT);
            assertThatThrownBy(() -> inst.exportedFunction("callAt").invoke(4, 5)).isInstanceOf(Trap.class)
                    .extracting(e -> ((Trap) e).kind()).isEqualTo(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
            assertThat(AotModule.context(inst).depth).isZero();
            assertThat(AotModule.context(inst).chain).isZero();
        }
    }

    @Test
    void guardedTailCallsStayInBoundedJavaStackAndExactDepth() throws Throwable {
        TuningFile allHits = tuning(AotClasses.sha256(M.bytes), 32,
                d(IndirectCallModule.STEP_A, SITE_A, "return_call_indirect", 5),
                d(IndirectCallModule.STEP_B, SITE_B, "return_call_indirect", 4));
        Instance inst = instance(compile(true, allHits));
        int k = 1_000_000;
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try { result.set(inst.exportedFunction("stepA").invoke(k, 0)[0]); } catch (Throwable e) { result.set(e); }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertThat(result.get()).isEqualTo((long) IndirectCallModule.step(k));
        AotContext ctx = AotModule.context(inst);
        assertThat(ctx.depth).isZero();
        assertThat(ctx.chain).isZero();
    }

    @Test
    void aTuningForAnotherModuleGivesTheSameClassesAsNone() {
        TuningFile other = tuning("00".repeat(32), null, d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 1));
        AotClasses none = compile(true, null), tuned = compile(true, other);
        assertThat(tuned.classFiles().length).isEqualTo(none.classFiles().length);
        for (int k = 0; k < none.classFiles().length; k++) assertThat(tuned.classFiles()[k]).isEqualTo(none.classFiles()[k]);
        assertThat(tuned.log()).anyMatch(l -> l.contains("no aot decisions for this module"));
    }

    @Test
    void decisionsThatDoNotFitTheModuleAreRefusedNamingTheSite() {
        String sha = AotClasses.sha256(M.bytes);
        assertThatThrownBy(() -> compile(true, tuning(sha, null, d(IndirectCallModule.RUN, RUN_SITE + 1, "call_indirect", 1))))
                .isInstanceOf(AotCompileException.class).hasMessageContaining("function 3 offset " + (RUN_SITE + 1))
                .hasMessageContaining("no instruction starts at that offset");
        assertThatThrownBy(() -> compile(true, tuning(sha, null, d(IndirectCallModule.RUN, RUN_SITE, "return_call_indirect", 1))))
                .isInstanceOf(AotCompileException.class).hasMessageContaining("the instruction there is call_indirect, not return_call_indirect");
        assertThatThrownBy(() -> compile(true, tuning(sha, null, d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 4))))
                .isInstanceOf(AotCompileException.class).hasMessageContaining("target 4 has type");
        assertThatThrownBy(() -> compile(true, tuning(sha, null, d(99, 0, "call_indirect", 1))))
                .isInstanceOf(AotCompileException.class).hasMessageContaining("function 99").hasMessageContaining("no defined function");
    }

    @Test
    void everySiteModeGuardsTheFirstTwoTableFunctionsOfTheSiteType() {
        AotTuning t = AotTuning.everySite(M);
        assertThat(t.targets(IndirectCallModule.RUN, RUN_SITE)).containsExactly(0, 1);
        assertThat(t.targets(IndirectCallModule.CALL_AT, CALL_AT_SITE)).containsExactly(0, 1);
        assertThat(t.targets(IndirectCallModule.STEP_A, SITE_A)).containsExactly(4, 5);
        Instance inst = instance(compile(true, TuningFile.EVERY_SITE));
        assertThat(inst.exportedFunction("run").invoke(50)[0]).isEqualTo((long) IndirectCallModule.run(50));
        assertThat(inst.exportedFunction("stepA").invoke(100_000, 0)[0]).isEqualTo((long) IndirectCallModule.step(100_000));
    }
}
