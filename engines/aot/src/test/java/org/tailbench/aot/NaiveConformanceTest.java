package org.tailbench.aot;

import org.junit.jupiter.api.Test;
import org.tailbench.spectest.NaiveConformance;

/**
 * {@code aot-naive} over every non-SIMD file of the spec testsuite (ConformanceTest runs {@code aot}):
 * everything passes except the tail-call proposal's 1,000,000-deep tail recursions, which the naive
 * baseline (return_call = call + return) must end with the "call stack exhausted" trap at the default
 * frame limit of 200,000 — the stack growth this engine exists to show.
 */
class NaiveConformanceTest {
    @Test
    void everyNonSimdFilePassesExceptDeepTailRecursionWhichTrapsCleanly() {
        NaiveConformance.assertOnlyDeepTailRecursionsTrap("aot-naive");
    }
}
