package org.tailbench.nativ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.testkit.gen.IndirectCallModule;
import org.tailbench.tune.TuningFile;
import org.tailbench.tune.TuningMismatchException;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Guarded devirtualization in the native engine (issue 17, README "Tuning"): a tuning file's native section adds, at
 * the decided sites only, a compare of the table element's code address with each target's and a direct call (or, for
 * {@code return_call_indirect}, a direct tail jump) on a hit. Tuned code computes what the Java model of
 * {@link IndirectCallModule} computes on hits and misses, traps as the spec says (undefined, null and wrong-type
 * elements), calls a function of another instance (same code, another context) through the generic path, keeps
 * guarded tail-call chains in constant stack, and with no decisions for the module the machine code is byte for byte
 * the untuned code.
 */
class NativeTuningTest {
    @BeforeAll
    static void platform() { Assumptions.assumeTrue(Platform.UNAVAILABLE == null, String.valueOf(Platform.UNAVAILABLE)); }

    private static final ValidatedModule VM = ValidatedModule.of(IndirectCallModule.bytes());
    private static final Module M = VM.module();
    private static final String SHA = TuningFile.sha256(M.bytes);
    private static final int RUN_SITE = IndirectCallModule.offsetOf(M, IndirectCallModule.RUN, Op.CALL_INDIRECT);
    private static final int SITE_A = IndirectCallModule.offsetOf(M, IndirectCallModule.STEP_A, Op.RETURN_CALL_INDIRECT);
    private static final int SITE_B = IndirectCallModule.offsetOf(M, IndirectCallModule.STEP_B, Op.RETURN_CALL_INDIRECT);
    private static final int CALL_AT_SITE = IndirectCallModule.offsetOf(M, IndirectCallModule.CALL_AT, Op.CALL_INDIRECT);

    private static TuningFile.Devirtualize d(int f, int offset, String op, Integer... targets) {
        return new TuningFile.Devirtualize(f, offset, op, List.of(targets), null);
    }

    /** a file whose entry for module {@code sha} has these decisions in its native section */
    private static TuningFile tuning(String sha, TuningFile.Devirtualize... ds) {
        return new TuningFile(TuningFile.FORMAT, TuningFile.VERSION, "test",
                List.of(new TuningFile.ModuleEntry("indirect.wasm", sha, null, new TuningFile.Native(List.of(ds)))));
    }

    /** f3's site guards f1 (a quarter of its calls hit), f4's site f5 (always hits), f5's site f5 (never hits), callAt's f0 and f2. */
    private static TuningFile mixed() {
        return tuning(SHA,
                d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 1),
                d(IndirectCallModule.STEP_A, SITE_A, "return_call_indirect", 5),
                d(IndirectCallModule.STEP_B, SITE_B, "return_call_indirect", 5),
                d(IndirectCallModule.CALL_AT, CALL_AT_SITE, "call_indirect", 0, 2));
    }

    private static NativeEngine engine(boolean naive) { return naive ? new NativeNaiveEngine() : new NativeEngine(); }

    private static NativeModule compile(boolean naive, TuningFile t) { return engine(naive).compile(VM, NativeOptions.NONE.withTuning(t)); }

    private static ModuleCompiler.Result code(boolean tailCalls, TuningFile t) {
        return ModuleCompiler.compile(VM, tailCalls, NativeTuning.of(t, VM));
    }

    private static long callAt(Instance inst, int idx, int x) { return inst.exportedFunction("callAt").invoke(idx, x)[0]; }

    private static TrapKind trapOf(Runnable r) {
        try {
            r.run();
        } catch (Trap t) {
            return t.kind();
        }
        throw new AssertionError("no trap");
    }

    @Test
    void tunedCodeComputesTheModelOnHitsMissesAndTraps() {
        for (boolean naive : new boolean[] {false, true}) {
            NativeModule tuned = compile(naive, mixed());
            assertThat(tuned.log()).containsExactly("tuning: 4 indirect call sites devirtualized (guarded)");
            Store store = new Store();
            Instance inst = tuned.instantiate(store, Imports.NONE);
            for (int n : new int[] {0, 1, 3, 4, 7, 100, 1001}) {
                assertThat(inst.exportedFunction("run").invoke(n)[0]).as("run(%d)", n).isEqualTo((long) IndirectCallModule.run(n));
            }
            for (int k : new int[] {0, 1, 2, 10, 999}) {
                assertThat(inst.exportedFunction("stepA").invoke(k, 0)[0]).as("stepA(%d)", k).isEqualTo((long) IndirectCallModule.step(k));
            }
            // table [f0, f0, f0, f1, f4, f5, f2]; f0(x) = x + 1, f1(x) = x << 1, f2(x) = x - 3; callAt guards f0, then f2
            assertThat(callAt(inst, 0, 5)).isEqualTo(6);     // hit of the first guard
            assertThat(callAt(inst, 6, 5)).isEqualTo(2);     // hit of the second guard
            assertThat(callAt(inst, 3, 5)).isEqualTo(10);    // f1: miss of both, the generic path
            assertThat(trapOf(() -> callAt(inst, 7, 5))).isEqualTo(TrapKind.UNDEFINED_ELEMENT);
            assertThat(trapOf(() -> callAt(inst, -1, 5))).isEqualTo(TrapKind.UNDEFINED_ELEMENT);   // 2^32 - 1, unsigned
            assertThat(trapOf(() -> callAt(inst, 4, 5))).isEqualTo(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);   // f4 has type t1
            assertThat(inst.exportedFunction("sel").invoke(1)[0]).isEqualTo(20);
            // a null element (set from Java; the mirror is re-synchronised at entry): the guards miss, the generic path traps
            long f0 = inst.tables[0].get(0);
            inst.tables[0].set(0, ValType.NULL_REF);
            assertThat(trapOf(() -> callAt(inst, 0, 5))).isEqualTo(TrapKind.UNINITIALIZED_ELEMENT);
            // f0 of another instance: the same code, but another context; the guard must miss and Java call it
            Instance other = tuned.instantiate(store, Imports.NONE);
            inst.tables[0].set(0, other.tables[0].get(0));
            assertThat(callAt(inst, 0, 5)).isEqualTo(6);
            inst.tables[0].set(0, f0);
            assertThat(callAt(inst, 0, 41)).isEqualTo(42);
            assertThat(callAt(other, 6, 10)).isEqualTo(7);
        }
    }

    @Test
    void guardedReturnCallIndirectChainsRunInConstantStack() {
        TuningFile allHits = tuning(SHA,
                d(IndirectCallModule.STEP_A, SITE_A, "return_call_indirect", 5),
                d(IndirectCallModule.STEP_B, SITE_B, "return_call_indirect", 4));
        int k = 1_000_000;   // five times the default call-depth limit (200,000 frames): a growing chain would trap
        Instance inst = compile(false, allHits).instantiate(new Store(), Imports.NONE);
        assertThat(inst.exportedFunction("stepA").invoke(k, 0)[0]).isEqualTo((long) IndirectCallModule.step(k));
        assertThat(inst.exportedFunction("stepA").invoke(7, 0)[0]).isEqualTo(28L);   // the context's depth came back to 0
        // native-naive compiles return_call_indirect as call + return, guarded or not: the same chain exhausts the stack
        Instance naive = compile(true, allHits).instantiate(new Store(), Imports.NONE);
        assertThat(trapOf(() -> naive.exportedFunction("stepA").invoke(k, 0))).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
        assertThat(naive.exportedFunction("stepA").invoke(100, 0)[0]).isEqualTo(5050L);
    }

    @Test
    void withoutDecisionsForTheModuleTheMachineCodeIsTheUntunedCode() {
        for (boolean tailCalls : new boolean[] {true, false}) {
            byte[] none = ModuleCompiler.compile(VM, tailCalls).code();
            TuningFile other = tuning("00".repeat(32), d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 1));
            TuningFile aotOnly = new TuningFile(TuningFile.FORMAT, TuningFile.VERSION, "test", List.of(new TuningFile.ModuleEntry("indirect.wasm",
                    SHA, new TuningFile.Aot(null, List.of(d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 1))))));
            assertThat(code(tailCalls, null).code()).isEqualTo(none);
            assertThat(code(tailCalls, other).code()).isEqualTo(none);
            assertThat(code(tailCalls, aotOnly).code()).isEqualTo(none);   // aot's decisions are aot's: native reads its own section
            assertThat(NativeTuning.of(other, VM).log()).singleElement().asString().contains("no native decisions for this module");
            assertThat(code(tailCalls, mixed()).code()).isNotEqualTo(none);
        }
    }

    @Test
    void aDecisionBecomesAGuardAndADirectCallOrTailJumpToItsTarget() {
        ModuleCompiler.Result untuned = code(true, null), tuned = code(true, mixed()), naive = code(false, mixed());
        // run's call_indirect guards f1: lea rdx, [rip + f1] and call f1
        assertThat(count(untuned, IndirectCallModule.RUN, LEA_RDX_RIP, 1)).isZero();
        assertThat(count(untuned, IndirectCallModule.RUN, CALL, 1)).isZero();
        assertThat(count(tuned, IndirectCallModule.RUN, LEA_RDX_RIP, 1)).isEqualTo(1);
        assertThat(count(tuned, IndirectCallModule.RUN, CALL, 1)).isEqualTo(1);
        // callAt guards f0 then f2: one compare and one direct call each
        assertThat(count(tuned, IndirectCallModule.CALL_AT, LEA_RDX_RIP, 0)).isEqualTo(1);
        assertThat(count(tuned, IndirectCallModule.CALL_AT, LEA_RDX_RIP, 2)).isEqualTo(1);
        assertThat(count(tuned, IndirectCallModule.CALL_AT, CALL, 2)).isEqualTo(1);
        // stepA's return_call_indirect guards f5: a direct tail jump on native, a direct call on native-naive
        assertThat(count(untuned, IndirectCallModule.STEP_A, JMP, 5)).isZero();
        assertThat(count(tuned, IndirectCallModule.STEP_A, JMP, 5)).isEqualTo(1);
        assertThat(count(tuned, IndirectCallModule.STEP_A, CALL, 5)).isZero();
        assertThat(count(naive, IndirectCallModule.STEP_A, CALL, 5)).isEqualTo(1);
        assertThat(count(naive, IndirectCallModule.STEP_A, JMP, 5)).isZero();
    }

    private static final byte[] LEA_RDX_RIP = {0x48, (byte) 0x8D, 0x15}, CALL = {(byte) 0xE8}, JMP = {(byte) 0xE9};

    /**
     * @return how many instructions {@code opcode} + rel32 in function {@code f}'s code have function {@code target}'s first
     *         byte as their rip-relative destination (a byte pattern; a rel32 that lands exactly on a function start by
     *         chance inside other instructions is not expected in these few hundred bytes)
     */
    private static int count(ModuleCompiler.Result r, int f, byte[] opcode, int target) {
        int imported = M.importedFunctions();
        int from = r.functionOffsets()[f - imported], to = r.functionOffsets()[f - imported + 1], dest = r.functionOffsets()[target - imported];
        byte[] c = r.code();
        int n = 0;
        for (int p = from; p + opcode.length + 4 <= to; p++) {
            boolean match = true;
            for (int k = 0; k < opcode.length && match; k++) match = c[p + k] == opcode[k];
            if (!match) continue;
            int q = p + opcode.length;
            int rel = (c[q] & 0xFF) | (c[q + 1] & 0xFF) << 8 | (c[q + 2] & 0xFF) << 16 | c[q + 3] << 24;
            if (q + 4 + rel == dest) n++;
        }
        return n;
    }

    @Test
    void decisionsThatDoNotFitTheModuleAreRefusedNamingTheSite() {
        assertThatThrownBy(() -> compile(false, tuning(SHA, d(IndirectCallModule.RUN, RUN_SITE + 1, "call_indirect", 1))))
                .isInstanceOf(TuningMismatchException.class).hasMessageStartingWith("native: tuning (indirect.wasm): function 3 offset " + (RUN_SITE + 1))
                .hasMessageContaining("no instruction starts at that offset");
        assertThatThrownBy(() -> compile(false, tuning(SHA, d(IndirectCallModule.RUN, RUN_SITE, "return_call_indirect", 1))))
                .isInstanceOf(TuningMismatchException.class).hasMessageContaining("the instruction there is call_indirect, not return_call_indirect");
        assertThatThrownBy(() -> compile(false, tuning(SHA, d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 4))))   // f4: (i32, i32) → i32
                .isInstanceOf(TuningMismatchException.class).hasMessageContaining("target 4 has type");
        assertThatThrownBy(() -> compile(false, tuning(SHA, d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 8))))
                .isInstanceOf(TuningMismatchException.class).hasMessageContaining("target 8 is not a defined function");
        assertThatThrownBy(() -> compile(false, tuning(SHA, d(99, 0, "call_indirect", 1))))
                .isInstanceOf(TuningMismatchException.class).hasMessageContaining("function 99").hasMessageContaining("no defined function");
        assertThatThrownBy(() -> compile(false, tuning(SHA, d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 1),
                d(IndirectCallModule.RUN, RUN_SITE, "call_indirect", 0))))
                .isInstanceOf(TuningMismatchException.class).hasMessageContaining("two decisions for one site");
    }

    @Test
    void everySiteModeAndTheOptionPath(@TempDir Path dir) throws Exception {
        NativeTuning every = NativeTuning.of(TuningFile.EVERY_SITE, VM);
        assertThat(every.targets(IndirectCallModule.RUN, RUN_SITE)).containsExactly(0, 1);
        assertThat(every.targets(IndirectCallModule.CALL_AT, CALL_AT_SITE)).containsExactly(0, 1);
        assertThat(every.targets(IndirectCallModule.STEP_A, SITE_A)).containsExactly(4, 5);
        Instance inst = compile(false, TuningFile.EVERY_SITE).instantiate(new Store(), Imports.NONE);
        assertThat(inst.exportedFunction("run").invoke(50)[0]).isEqualTo((long) IndirectCallModule.run(50));
        assertThat(inst.exportedFunction("stepA").invoke(300_000, 0)[0]).isEqualTo((long) IndirectCallModule.step(300_000));
        // option native.tuning (what -Dtailbench.native.tuning and run --tuning set): a file, read when the module compiles
        Path file = dir.resolve("tuning.json");
        mixed().write(file);
        NativeModule viaOption = new NativeEngine().compile(VM, EngineOptions.NONE.with(EngineOptions.NATIVE_TUNING, file.toString()));
        assertThat(viaOption.log()).containsExactly("tuning: 4 indirect call sites devirtualized (guarded)");
        assertThat(viaOption.instantiate(new Store(), Imports.NONE).exportedFunction("run").invoke(9)[0]).isEqualTo((long) IndirectCallModule.run(9));
        assertThat(new NativeEngine().compile(VM, EngineOptions.NONE.with(EngineOptions.NATIVE_TUNING, "every-site")).log())
                .singleElement().asString().startsWith("tuning: every-site testing mode: 4 indirect call sites guarded");
        assertThat(new NativeEngine().compile(VM, EngineOptions.NONE).log()).isEmpty();
        Files.delete(file);
        assertThatThrownBy(() -> new NativeEngine().compile(VM, EngineOptions.NONE.with(EngineOptions.NATIVE_TUNING, file.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file");
    }
}
