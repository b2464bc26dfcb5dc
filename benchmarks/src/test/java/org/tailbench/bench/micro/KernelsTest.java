package org.tailbench.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;

/** Every kernel on every registered engine returns what its Java reference computes; instruction counts. */
class KernelsTest {
    static Stream<Arguments> engineKernelN() {
        Random r = new Random(7);
        return Engines.all().stream().map(Engine::name).flatMap(e -> Kernels.NAMES.stream().flatMap(k ->
                Stream.of(1, 2, 3, 1025, 1 + r.nextInt(5000)).map(n -> Arguments.of(e, k, n))));
    }

    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("engineKernelN")
    void engineAgreesWithJava(String engine, String kernel, int n) {
        DispatchBenchmark b = new DispatchBenchmark();
        b.engine = engine;
        b.n = n;
        if (Engines.byName(engine) instanceof org.tailbench.runtime.PeerEngine && kernel.startsWith("returnCall")) {
            // a peer may lack the tail-call proposal (Wasmtime 7 via wasmtime-java): then it must say so, not crash
            try {
                b.prepare(kernel);
            } catch (UnsupportedOperationException | org.tailbench.runtime.Trap e) {
                assertThat(e.getMessage()).isNotBlank();
                return;
            }
        } else {
            b.prepare(kernel);   // runs once and throws on a mismatch
        }
        for (int i = 0; i < 3; i++) {  // repeated runs on the same instance give the same answer
            invoke(b, kernel);
            b.check();
        }
    }

    private static void invoke(DispatchBenchmark b, String kernel) {
        try {
            DispatchBenchmark.class.getMethod(kernel).invoke(b);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Hand counts of the bodies in {@link Kernels} (structural block/loop/else/end excluded). */
    @ParameterizedTest
    @CsvSource({"i32Add, 23, 1", "brTable, 19, 4", "locals, 65, 63", "memory, 21, 1",
            "call, 12, 4", "returnCall, 12, 4", "callIndirect, 13, 4", "returnCallIndirect, 13, 4"})
    void instructionCounts(String kernel, int perIteration, int fixed) {
        Kernel k = Kernels.byName(kernel);
        assertThat(k.instructionsPerIteration()).isEqualTo(perIteration);
        assertThat(k.fixedInstructions()).isEqualTo(fixed);
        assertThat(k.units(100)).isEqualTo(k.callsPerIteration() > 0 ? 100 : fixed + 100L * perIteration);
    }

    @Test
    void everyKernelHasABenchmarkMethodAndBack() {
        for (String k : Kernels.NAMES) {
            assertThat(Kernels.byName(k).name()).isEqualTo(k);
        }
        assertThat(Stream.of(DispatchBenchmark.class.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class))
                .map(Method::getName)).containsExactlyInAnyOrderElementsOf(Kernels.NAMES);
    }

    @Test
    void wrongResultsAndBadParametersAreReported() {
        DispatchBenchmark b = new DispatchBenchmark();
        b.engine = "switch";
        b.n = 0;
        assertThatThrownBy(() -> b.prepare("i32Add")).hasMessageContaining("n must be ≥ 1");
        b.n = 5;
        assertThatThrownBy(() -> b.prepare("nope")).hasMessageContaining("kernels are");
        b.engine = "no-such-engine";
        assertThatThrownBy(() -> b.prepare("i32Add")).hasMessageContaining("unknown engine");
    }

    @Test
    void javaReferencesOnSmallInputs() {
        // call kernels: f0(2, 0) = f1(1, 0*K0 + 2) = f0(0, 2*K1 + 1) = 2*0x2545F491 + 1
        assertThat(Kernels.byName("call").expected().applyAsInt(2)).isEqualTo(2 * 0x2545F491 + 1);
        // i32Add: n = 1 → 1 + sum of the 7 constants
        int sum = 1 + 0x9E3779B9 + 0x7F4A7C15 + 0x6C62272E + 0x1B873593 + 0x85EBCA6B + 0x27D4EB2F + 0x165667B1;
        assertThat(Kernels.byName("i32Add").expected().applyAsInt(1)).isEqualTo(sum);
    }
}
