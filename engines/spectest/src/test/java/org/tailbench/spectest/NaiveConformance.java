package org.tailbench.spectest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tailbench.runtime.Engines;
import org.tailbench.spectest.SpecRunner.Failure;
import org.tailbench.spectest.SpecRunner.FileResult;

/**
 * The conformance check of a naive baseline engine ({@code aot-naive}, {@code native-naive}: {@code return_call*}
 * compiled as call + return), shared by their modules' {@code NaiveConformanceTest}s: every non-SIMD file of the spec
 * testsuite passes, except the testsuite's 7 deep {@code return_call} / {@code return_call_indirect} loops (1,000,000
 * deep, {@code tailcall_*.json}), which must end with the "call stack exhausted" trap — the stack growth these
 * baselines exist to show. Skipped, with how to get it, when the testsuite is missing.
 */
public final class NaiveConformance {
    private NaiveConformance() {}

    /** Runs the check on the engine named {@code engine}; prints its counts like {@link ConformanceTest}. */
    public static void assertOnlyDeepTailRecursionsTrap(String engine) {
        Optional<Path> json = Testsuite.jsonDir();
        assumeTrue(json.isPresent(), Testsuite.HOW_TO_GET);
        List<Failure> unexpected = new ArrayList<>();
        int deepTail = 0, passed = 0;
        for (Path f : SpecRunner.jsonFiles(json.get())) {
            if (SpecRunner.isSimd(f)) continue;
            FileResult r = SpecRunner.runFile(f, Engines.byName(engine));
            passed += r.passed();
            for (Failure x : r.failures()) {
                if (r.file().startsWith("tailcall_") && x.detail().contains("call stack exhausted")) deepTail++;
                else unexpected.add(x);
            }
        }
        System.out.println("engine " + engine + ": " + passed + " passed, " + deepTail + " deep tail recursions trapped (by design)");
        assertThat(unexpected).isEmpty();
        assertThat(deepTail).as("the testsuite's deep return_call / return_call_indirect loops").isEqualTo(7);
        assertThat(passed).isGreaterThan(27_000);
    }
}
