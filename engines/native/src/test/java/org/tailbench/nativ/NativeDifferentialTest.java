package org.tailbench.nativ;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.testkit.gen.RandomFunctions;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Differential test against the {@code switch} interpreter (the reference): seeded random structured
 * functions ({@link RandomFunctions}: nested blocks, branches carrying values, br_table, multi-value, calls,
 * return_call / return_call_indirect, loads/stores, trapping operations). For each module and input, the result
 * or trap kind and the memory contents must agree, on {@code native} and {@code native-naive}.
 */
class NativeDifferentialTest {
    private static final Engine SWITCH = Engines.byName("switch");

    @BeforeAll
    static void platform() { Assumptions.assumeTrue(Platform.UNAVAILABLE == null, String.valueOf(Platform.UNAVAILABLE)); }

    private static Instance instantiate(CompiledModule cm) { return cm.instantiate(new Store(), Imports.NONE); }

    @Test
    void randomFunctionsAgreeWithTheSwitchInterpreter() {
        Random inputs = new Random(7);
        int cases = 0;
        for (long seed = 1; seed <= 300; seed++) {
            ValidatedModule vm = ValidatedModule.of(RandomFunctions.module(seed, 50 + (int) (seed * 3)));
            Instance ref = instantiate(SWITCH.compile(vm));
            Instance nat = instantiate(new NativeEngine().compile(vm));
            Instance naive = instantiate(new NativeNaiveEngine().compile(vm));
            for (int k = 0; k < 12; k++) {
                int x = k < 4 ? new int[] {0, 1, -1, Integer.MIN_VALUE}[k] : inputs.nextInt(k < 8 ? 100 : Integer.MAX_VALUE) * (k % 2 == 0 ? 1 : -1);
                String want = RandomFunctions.outcome(ref, x);
                assertThat(RandomFunctions.outcome(nat, x)).as("native seed %d x=%d", seed, x).isEqualTo(want);
                assertThat(RandomFunctions.outcome(naive, x)).as("native-naive seed %d x=%d", seed, x).isEqualTo(want);
                cases++;
            }
        }
        assertThat(cases).isEqualTo(3_600);
    }
}
