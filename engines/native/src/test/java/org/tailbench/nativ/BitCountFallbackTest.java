package org.tailbench.nativ;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tailbench.nativ.x64.X64MacroAssembler;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * {@code i32/i64.clz} and {@code ctz} compiled both ways: with LZCNT/TZCNT where the CPU has them, and with the
 * BSR/BSF + CMOV fallback used on CPUs (or virtual machines) whose /proc/cpuinfo lacks {@code abm} or
 * {@code bmi1}. The forced fallback runs on every x86-64; the second case is the engine's own choice for this
 * CPU, so a machine with LZCNT/TZCNT tests those and one without tests the fallback twice. Expected values: {@link Integer#numberOfLeadingZeros} and friends (the spec's
 * definition, section 4.3.2, computed independently of the generated code), over edge values (0, 1, -1, powers of
 * two, sign bits) and 2,000 seeded random ones.
 */
class BitCountFallbackTest {
    @BeforeAll
    static void platform() { Assumptions.assumeTrue(Platform.UNAVAILABLE == null, String.valueOf(Platform.UNAVAILABLE)); }

    /** exports i32.clz, i32.ctz, i64.clz, i64.ctz of the parameter */
    private static Instance module(X64MacroAssembler masm) {
        ModuleBuilder mb = new ModuleBuilder();
        int t32 = mb.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32);
        int t64 = mb.type(new int[] {ModuleBuilder.I64}, ModuleBuilder.I64);
        mb.export("clz32", mb.func(t32, 0, new Body().localGet(0).op(Op.I32_CLZ)));
        mb.export("ctz32", mb.func(t32, 0, new Body().localGet(0).op(Op.I32_CTZ)));
        mb.export("clz64", mb.func(t64, 0, new Body().localGet(0).op(Op.I64_CLZ)));
        mb.export("ctz64", mb.func(t64, 0, new Body().localGet(0).op(Op.I64_CTZ)));
        ValidatedModule v = ValidatedModule.of(mb.build());
        return new NativeModule(v, ModuleCompiler.compile(v, true, masm), "native", "", false, java.util.List.of()).instantiate(new Store(), (m, n) -> null);
    }

    private static List<Long> inputs() {
        List<Long> xs = new ArrayList<>(List.of(0L, 1L, -1L, 2L, 3L, 0x8000_0000L, 0x7FFF_FFFFL, 0xFFFF_FFFFL,
                0x1_0000_0000L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0000_0001_0000_0001L, 0x00F0_0000_0000_0000L));
        for (int b = 0; b < 64; b++) xs.add(1L << b);
        Random r = new Random(20261207);
        for (int i = 0; i < 2_000; i++) xs.add(r.nextLong() >>> r.nextInt(64));
        return xs;
    }

    /** @param fallback force BSR/BSF; else the engine's own choice for this CPU (LZCNT/TZCNT where present) */
    @ParameterizedTest(name = "forced fallback={0}")
    @ValueSource(booleans = {true, false})
    void clzAndCtzFollowTheSpec(boolean fallback) throws Throwable {
        Instance inst = module(fallback ? new X64MacroAssembler(false, false) : new X64MacroAssembler());
        for (long x : inputs()) {
            int x32 = (int) x;
            assertThat((int) inst.exportedFunction("clz32").invoke(x32)[0]).as("i32.clz %#x", x32).isEqualTo(Integer.numberOfLeadingZeros(x32));
            assertThat((int) inst.exportedFunction("ctz32").invoke(x32)[0]).as("i32.ctz %#x", x32).isEqualTo(Integer.numberOfTrailingZeros(x32));
            assertThat(inst.exportedFunction("clz64").invoke(x)[0]).as("i64.clz %#x", x).isEqualTo((long) Long.numberOfLeadingZeros(x));
            assertThat(inst.exportedFunction("ctz64").invoke(x)[0]).as("i64.ctz %#x", x).isEqualTo((long) Long.numberOfTrailingZeros(x));
        }
    }
}
