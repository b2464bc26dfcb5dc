package org.tailbench.interp;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.tailbench.runtime.Engine;

/**
 * The shared engine contract over {@code native} and {@code native-naive} (selected by {@code tailbench.engines}),
 * less one test whose premise does not hold for native code.
 */
class NativeEngineContractTest extends EngineContractTest {
    @BeforeAll
    static void platform() {
        Assumptions.assumeTrue(org.tailbench.nativ.Platform.UNAVAILABLE == null, String.valueOf(org.tailbench.nativ.Platform.UNAVAILABLE));
    }

    /**
     * Native frames live on the thread's own stack: on a 256 KiB Java thread stack, 150,000 nested Wasm
     * calls do not fit (they trap "call stack exhausted" cleanly, checked by
     * {@link org.tailbench.nativ.NativeStackTest}); the other engines keep their frames on the heap.
     */
    @Override
    @Disabled("native frames use the thread's native stack; deep recursion on a 256 KiB thread traps cleanly instead (NativeStackTest)")
    void deepNonTailRecursionRunsOnASmallJavaStack(Engine engine) {}
}
