package org.tailbench.nativ;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.tailbench.spectest.NaiveConformance;

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
        NaiveConformance.assertOnlyDeepTailRecursionsTrap("native-naive");
    }
}
