package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Engine;
import org.tailbench.spectest.SpecRunner;
import org.tailbench.spectest.SpecRunner.Failure;
import org.tailbench.spectest.SpecRunner.FileResult;
import org.tailbench.spectest.Testsuite;

/**
 * The conformance test of a naive baseline engine ({@code aot-naive}, {@code native-naive}: {@code return_call*}
 * compiled as call + return), over the engines a subclass names ({@link EngineSuite}; {@link ConformanceTest} runs
 * the constant-stack engines): every non-SIMD file of the spec testsuite passes, except the testsuite's 7 deep
 * {@code return_call} / {@code return_call_indirect} loops (1,000,000 deep, {@code tailcall_*.json}), which must end
 * with the "call stack exhausted" trap (the default frame limit of 200,000, or the native stack limit first) — the
 * stack growth these baselines exist to show. Skipped, with how to get it, when the testsuite is missing.
 */
public abstract class NaiveConformanceTest extends EngineSuite {
    @Test
    void everyNonSimdFilePassesExceptDeepTailRecursionWhichTrapsCleanly() {
        Optional<Path> json = Testsuite.jsonDir();
        assumeTrue(json.isPresent(), Testsuite.HOW_TO_GET);
        for (Engine engine : engines()) assertOnlyDeepTailRecursionsTrap(json.get(), engine);
    }

    /** Runs the check on {@code engine}; prints its counts like {@link ConformanceTest}. */
    private static void assertOnlyDeepTailRecursionsTrap(Path json, Engine engine) {
        List<Failure> unexpected = new ArrayList<>();
        int deepTail = 0, passed = 0;
        for (Path f : SpecRunner.jsonFiles(json)) {
            if (SpecRunner.isSimd(f)) continue;
            FileResult r = SpecRunner.runFile(f, engine);
            passed += r.passed();
            for (Failure x : r.failures()) {
                if (r.file().startsWith("tailcall_") && x.detail().contains("call stack exhausted")) deepTail++;
                else unexpected.add(x);
            }
        }
        System.out.println("engine " + engine.name() + ": " + passed + " passed, " + deepTail + " deep tail recursions trapped (by design)");
        assertThat(unexpected).as(engine.name()).isEmpty();
        assertThat(deepTail).as("%s: the testsuite's deep return_call / return_call_indirect loops", engine.name()).isEqualTo(7);
        assertThat(passed).as(engine.name()).isGreaterThan(27_000);
    }
}
