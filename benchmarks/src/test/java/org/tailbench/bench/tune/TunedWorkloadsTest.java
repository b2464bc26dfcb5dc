package org.tailbench.bench.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tailbench.aot.AotClasses;
import org.tailbench.aot.AotEngine;
import org.tailbench.aot.AotModule;
import org.tailbench.aot.AotNaiveEngine;
import org.tailbench.aot.AotOptions;
import org.tailbench.tune.Devirtualization;
import org.tailbench.tune.TuningFile;
import org.tailbench.interp.lower.Superinstructions;
import org.tailbench.nativ.NativeEngine;
import org.tailbench.nativ.NativeModule;
import org.tailbench.nativ.NativeNaiveEngine;
import org.tailbench.nativ.NativeOptions;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasi.Wasi;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * The tune pipeline on every catalog workload (smoke size, the CPython ones excepted: their profiling run alone takes
 * minutes): profile in the switch engine's counting mode, decide with a permissive rule (every site that ran, every
 * target with ≥ 1 % of its calls, up to 4) so that as many guards as possible are generated, compile aot and aot-naive
 * (the file's aot section) and native and native-naive (its native section, where this machine runs native code) with
 * the resulting tuning, and compare stdout with the native build's expected output. The same for the switch engine's
 * superinstructions: every catalog pattern the workload executed at all (the rule with no cap and the smallest share),
 * and the whole catalog.
 */
class TunedWorkloadsTest {
    private static final Devirtualization.Rule PERMISSIVE = new Devirtualization.Rule(1, 0.01, 4, 10_000);
    private static final Superinstructions.Rule EVERY_PATTERN = new Superinstructions.Rule(Superinstructions.CATALOG.size(), Double.MIN_VALUE);

    @TestFactory
    List<DynamicTest> tunedAotComputesTheExpectedOutput() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Workload w : WorkloadCatalog.load().all()) {
            if (!w.dirs().isEmpty()) continue;
            tests.add(DynamicTest.dynamicTest(w.name(), () -> check(w)));
        }
        return tests;
    }

    private static void check(Workload w) {
        TrainingProfile p = TrainingProfile.run(w, Workload.SMOKE, PERMISSIVE);
        System.out.println(w.name() + ": " + p.profile().indirectSites().size() + " indirect sites ran, " + p.decisions().size() + " decisions");
        Family.Interp in = Family.Interp.of(List.of(p), EVERY_PATTERN);
        String profiled = in.file(in.kinds(), "test").superinstructionsOption();
        System.out.println(w.name() + ": superinstructions " + profiled);
        for (String sel : List.of(profiled, Superinstructions.ALL)) {
            if (sel.isEmpty()) continue;
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Wasi wasi = Wasi.builder().args(w.argv(Workload.SMOKE)).stdout(out).stderr(err).build();
            Instance inst = Engines.byName("switch").compile(p.module(), EngineOptions.NONE.with(EngineOptions.SWITCH_SUPERINSTRUCTIONS, sel))
                    .instantiate(new Store(), wasi.imports());
            int exit = wasi.runStart(inst);
            assertThat(exit).as("%s on switch with %s (stderr %s)", w.name(), sel, err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as("%s on switch with %s", w.name(), sel)
                    .isEqualTo(new String(w.expectedStdout(Workload.SMOKE), StandardCharsets.UTF_8));
        }
        if (p.decisions().isEmpty()) return;   // no indirect call with a target of its own ran
        TuningFile t = new TuningFile(TuningFile.FORMAT, TuningFile.VERSION, "test", List.of(p.entry(p.decisions())));
        for (AotEngine e : List.of(new AotEngine(), new AotNaiveEngine())) {
            AotClasses c = e.compileClasses(p.module(), w.name() + ".wasm",
                    new AotOptions(!e.name().endsWith("-naive"), false, false).withTuning(t));
            assertThat(c.log()).anyMatch(l -> l.startsWith("tuning: " + p.decisions().size() + " indirect call site"));
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Wasi wasi = Wasi.builder().args(w.argv(Workload.SMOKE)).stdout(out).stderr(err).build();
            Instance inst = AotModule.define(p.module(), c).instantiate(new Store(), wasi.imports());
            int exit = wasi.runStart(inst);
            assertThat(exit).as("%s on tuned %s (stderr %s)", w.name(), e.name(), err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as("%s on tuned %s", w.name(), e.name())
                    .isEqualTo(new String(w.expectedStdout(Workload.SMOKE), StandardCharsets.UTF_8));
        }
        TuningFile nt = new TuningFile(TuningFile.FORMAT, TuningFile.VERSION, "test", List.of(p.nativeEntry(p.decisions())));
        for (NativeEngine e : List.of(new NativeEngine(), new NativeNaiveEngine())) {
            if (e.unavailableReason().isPresent()) continue;
            NativeModule nm = e.compile(p.module(), NativeOptions.NONE.withTuning(nt));
            assertThat(nm.log()).anyMatch(l -> l.startsWith("tuning: " + p.decisions().size() + " indirect call site"));
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Wasi wasi = Wasi.builder().args(w.argv(Workload.SMOKE)).stdout(out).stderr(err).build();
            int exit = wasi.runStart(nm.instantiate(new Store(), wasi.imports()));
            assertThat(exit).as("%s on tuned %s (stderr %s)", w.name(), e.name(), err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as("%s on tuned %s", w.name(), e.name())
                    .isEqualTo(new String(w.expectedStdout(Workload.SMOKE), StandardCharsets.UTF_8));
        }
    }
}
