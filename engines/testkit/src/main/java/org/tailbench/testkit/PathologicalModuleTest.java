package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.testkit.gen.PathologicalModules;
import org.tailbench.testkit.gen.PathologicalModules.Case;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Valid but pathological modules (reliability issue) on the engines a subclass names ({@link EngineSuite}):
 * 100,000 nested blocks, loops (also entered by {@code return_call}) and ifs, a 100,000-deep operand stack, 50,000 locals (every 1000th and every 7th used; every
 * engine must run these) and 2,000 (dense), a call with
 * 1,000 parameters, a 100,000-target {@code br_table}, a 1,000,000-instruction function, a 10,000,000-element table
 * (declared and grown), runaway recursion, and 150,000-deep legitimate recursion. Each must return the value the generator
 * gives by construction ({@link PathologicalModules}), or fail with a message naming the limit it exceeds; never
 * with a raw JVM exception, a hang (the time budget is generous: it catches hangs, it does not measure speed) or a
 * crash. The interpreters have no such limits and must run every case.
 */
public abstract class PathologicalModuleTest extends EngineSuite {
    /** Budget per case on a loaded 2-core machine: far above the seconds any case takes, far below a hang. */
    private static final Duration BUDGET = Duration.ofSeconds(60);

    /** Engines that must run every case (no implementation limit below the decoder's applies to them). */
    private static final Set<String> INTERPRETERS = Set.of("switch", "threaded", "tailcall", "closure");

    Stream<Arguments> cases() {
        List<Engine> engines = engines();
        return PathologicalModules.all().stream().flatMap(c -> engines.stream().map(e -> Arguments.of(e.name(), e, c)));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void runsOrNamesTheLimit(String name, Engine engine, Case c) {
        long[] result = new long[1];
        Throwable failure = assertTimeoutPreemptively(BUDGET, () -> catchThrowable(() -> {
            result[0] = engine.compile(ValidatedModule.of(c.wasm())).instantiate(new Store(), Imports.NONE)
                    .exportedFunction("run").invoke()[0];
        }));
        if (failure == null) {
            assertThat((int) result[0]).as("run() of %s", c).isEqualTo(c.expected());
            return;
        }
        assertThat(INTERPRETERS).as("%s must run %s, but: %s", name, c, failure).doesNotContain(name);
        // every engine compiles functions with any number of locals the decoder accepts (aot: the frame strategy)
        assertThat(c.name()).as("%s must run %s, but: %s", name, c, failure).doesNotContain("locals");
        assertThat(failure).as("%s on %s", name, c).isInstanceOf(RuntimeException.class);
        assertThat(failure.getMessage()).as("%s on %s", name, c)
                .containsPattern("exceeds the .*limit of \\d+")
                .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b|java\\.");
    }

    /** {@code (func $f (call $f))}: "call stack exhausted" at the store's frame limit, within the budget. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("namedEngines")
    void runawayRecursionTrapsQuickly(String name, Engine engine) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[0]);
        int f = mb.func(t, 0, new Body().call(0));
        byte[] wasm = mb.export("run", f).build();
        Throwable thrown = assertTimeoutPreemptively(BUDGET, () -> catchThrowable(() ->
                engine.compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE).exportedFunction("run").invoke()));
        assertThat(thrown).isInstanceOf(Trap.class);
        assertThat(((Trap) thrown).kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
        assertThat(((Trap) thrown).omittedFrames() + ((Trap) thrown).wasmBacktrace().size())
                .as("frames unwound").isEqualTo(Store.DEFAULT_MAX_CALL_DEPTH);
    }

    /** {@code count(n) = n == 0 ? 0 : count(n - 1) + 1} at 150,000 frames (below the default limit of 200,000): n. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("namedEngines")
    void deepLegitimateRecursionStillWorks(String name, Engine engine) {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        Body body = new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).i32Const(0).u8(0x05)
                .localGet(0).i32Const(1).op(Op.I32_SUB).call(0).i32Const(1).op(Op.I32_ADD).end();
        int f = mb.func(t, 0, body);
        byte[] wasm = mb.export("count", f).build();
        long[] r = assertTimeoutPreemptively(BUDGET, () ->
                engine.compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE).exportedFunction("count").invoke(150_000));
        assertThat(r[0]).isEqualTo(150_000);
    }

    Stream<Arguments> namedEngines() {
        return engines().stream().map(e -> Arguments.of(e.name(), e));
    }
}
