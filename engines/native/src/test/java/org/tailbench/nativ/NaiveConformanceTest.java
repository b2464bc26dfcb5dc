package org.tailbench.nativ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Engines;
import org.tailbench.spectest.SpecRunner;
import org.tailbench.spectest.SpecRunner.Failure;
import org.tailbench.spectest.SpecRunner.FileResult;
import org.tailbench.spectest.Testsuite;

/**
 * {@code native-naive} over every non-SIMD file of the spec testsuite (ConformanceTest runs {@code native}):
 * everything passes except the tail-call proposal's 1,000,000-deep tail recursions, which the naive
 * baseline (return_call = call + return) must end with the "call stack exhausted" trap (the default frame limit of
 * 200,000, or the native stack limit first) — the stack growth this engine exists to show.
 */
class NaiveConformanceTest {
    @Test
    void everyNonSimdFilePassesExceptDeepTailRecursionWhichTrapsCleanly() {
        assumeTrue(Platform.UNAVAILABLE == null, String.valueOf(Platform.UNAVAILABLE));
        Optional<Path> json = Testsuite.jsonDir();
        assumeTrue(json.isPresent(), Testsuite.HOW_TO_GET);
        List<Failure> unexpected = new ArrayList<>();
        int deepTail = 0, passed = 0;
        for (Path f : SpecRunner.jsonFiles(json.get())) {
            if (SpecRunner.isSimd(f)) continue;
            FileResult r = SpecRunner.runFile(f, Engines.byName("native-naive"));
            passed += r.passed();
            for (Failure x : r.failures()) {
                if (r.file().startsWith("tailcall_") && x.detail().contains("call stack exhausted")) deepTail++;
                else unexpected.add(x);
            }
        }
        System.out.println("engine native-naive: " + passed + " passed, " + deepTail + " deep tail recursions trapped (by design)");
        assertThat(unexpected).isEmpty();
        assertThat(deepTail).as("the testsuite's deep return_call / return_call_indirect loops").isEqualTo(7);
        assertThat(passed).isGreaterThan(27_000);
    }
}
