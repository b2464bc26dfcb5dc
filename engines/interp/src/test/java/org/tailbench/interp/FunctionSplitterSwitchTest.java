package org.tailbench.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.testkit.gen.LargeFunctionModels;
import org.tailbench.testkit.gen.LargeFunctions;
import org.tailbench.testkit.gen.RandomFunctions;
import org.tailbench.wasm.split.FunctionSplitter;
import org.tailbench.wasm.split.FunctionSplitter.Options;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * {@link FunctionSplitter} checked on the {@code switch} interpreter (the reference engine): a split module
 * must compute what the original computes. Expected values of the two large generated functions come from
 * plain-Java models of their documented semantics; random functions are compared original vs split (results,
 * trap kinds, memory).
 */
class FunctionSplitterSwitchTest {
    private static final Engine SWITCH = Engines.byName("switch");
    private static final int JVM_BUDGET = 48 * 1024, C2_BUDGET = 8000;

    private static Instance instantiate(ValidatedModule vm) {
        return SWITCH.compile(vm).instantiate(new Store(), Imports.NONE);
    }

    private static long size(ValidatedModule vm, int function) {
        Code c = vm.module().functions.get(function - vm.module().importedFunctions()).body();
        long s = 0;
        for (int i = 0; i < c.length; i++) s += Options.DEFAULT_MODEL.bytecodeBytes(c, i);
        return s;
    }

    private static void assertAllWithin(FunctionSplitter.Result r, int budget) {
        for (int f = 0; f < r.module().module().functionCount(); f++) {
            assertThat(size(r.module(), f)).as("size of function %d", f).isLessThanOrEqualTo(budget);
        }
    }


    @Test
    void chainOf200kInstructionsSplitForTheJvmLimitComputesTheJavaModel() {
        int steps = 27_000;
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.chain(steps));
        assertThat(vm.module().functions.get(0).body().length).isGreaterThanOrEqualTo(200_000);
        long t0 = System.nanoTime();
        FunctionSplitter.Result r = FunctionSplitter.split(vm, new Options(JVM_BUDGET, Options.DEFAULT_MODEL, false));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("chain " + steps + " steps: " + r.reports() + " in " + ms + " ms");
        assertThat(r.reports()).singleElement().satisfies(rep -> assertThat(rep.pieces()).isGreaterThan(1));
        assertAllWithin(r, JVM_BUDGET);
        for (int x : new int[] {0, 7, -123456}) {
            long want = LargeFunctionModels.chain(x, steps);
            assertThat(instantiate(vm).exportedFunction("chain").invoke(x)[0]).as("original, x=%d", x).isEqualTo(want);
            assertThat(instantiate(r.module()).exportedFunction("chain").invoke(x)[0]).as("split, x=%d", x).isEqualTo(want);
        }
    }

    @Test
    void chainSplitCheaplyForC2KeepsEveryPieceUnderHugeMethodLimit() {
        int steps = 27_000;
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.chain(steps));
        FunctionSplitter.Result r = FunctionSplitter.split(vm, new Options(C2_BUDGET, Options.DEFAULT_MODEL, true));
        System.out.println("chain cheapOnly: " + r.reports());
        assertAllWithin(r, C2_BUDGET);
        assertThat(instantiate(r.module()).exportedFunction("chain").invoke(42)[0]).isEqualTo(LargeFunctionModels.chain(42, steps));
    }


    @Test
    void denseBrTableInterpreterSplitForTheJvmLimitComputesTheJavaModel() {
        int handlers = 2000;
        Random rnd = new Random(5);
        int[] program = new int[20_001];
        for (int i = 0; i < program.length - 1; i++) program[i] = i < handlers ? i : rnd.nextInt(handlers);
        program[program.length - 1] = handlers;
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.interpreter(handlers, program));
        assertThat(size(vm, 0)).isGreaterThan(64 * 1024);
        FunctionSplitter.Result r = FunctionSplitter.split(vm, new Options(JVM_BUDGET, Options.DEFAULT_MODEL, false));
        System.out.println("interpreter " + handlers + " handlers: " + r.reports());
        assertAllWithin(r, JVM_BUDGET);
        int[] hist = new int[256];
        int want = LargeFunctionModels.interpreter(handlers, program, hist);
        for (ValidatedModule m : List.of(vm, r.module())) {
            Instance inst = instantiate(m);
            assertThat((int) inst.exportedFunction("run").invoke()[0]).isEqualTo(want);
            for (int k = 0; k < 256; k++) assertThat(inst.memory().load32(4L * k)).as("hist[%d]", k).isEqualTo(hist[k]);
        }
        FunctionSplitter.Result cheap = FunctionSplitter.split(vm, new Options(C2_BUDGET, Options.DEFAULT_MODEL, true));
        assertThat(cheap.reports()).singleElement().satisfies(rep -> {
            assertThat(rep.pieces()).isEqualTo(1);
            assertThat(rep.reason()).startsWith("not split");
        });
        assertThat(cheap.module()).isSameAs(vm);
    }

    /** {@code n} stores {@code mem32[4k] = x + k} on local 0: straight-line bulk for a function. */
    private static Body padding(int n) {
        Body b = new Body();
        for (int k = 0; k < n; k++) b.i32Const(4 * k).localGet(0).i32Const(k).op(Op.I32_ADD).mem(Op.I32_STORE, 2, 0);
        return b;
    }

    /**
     * even(n) / odd(n) by mutual {@code return_call}, each function over budget with its tail calls inside
     * outlined regions: after splitting, the tail calls must still be made by the original functions, so
     * 200,000 calls run within a frame limit of 100.
     */
    @Test
    void tailCallsInsideOutlinedRegionsStayTailCallsOfTheOriginalFunction() {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t = mb.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32);
        for (int self = 0; self < 2; self++) {
            int other = 1 - self;
            Body b = new Body().localGet(0).u8(0x04).u8(0x40)
                    .localGet(0).i32Const(7).op(Op.I32_AND).u8(0x04).u8(0x40)
                    .localGet(0).i32Const(1).op(Op.I32_SUB).returnCall(other).end()
                    .append(padding(100))
                    .localGet(0).i32Const(1).op(Op.I32_SUB).returnCall(other).end()
                    .i32Const(1 - self);
            mb.func(t, 0, b);
        }
        ValidatedModule vm = ValidatedModule.of(mb.export("even", 0).build());
        FunctionSplitter.Result r = FunctionSplitter.split(vm, new Options(1000, Options.DEFAULT_MODEL, false));
        org.tailbench.wasm.Module out = r.module().module();
        assertThat(out.functionCount()).isGreaterThan(2);
        Code even = vm.module().functions.get(0).body();
        Set<Integer> tailCallPos = new HashSet<>();
        for (int i = 0; i < even.length; i++) if (even.opAt(i) == Op.RETURN_CALL) tailCallPos.add(even.pos[i]);
        boolean movedOut = false;
        for (int f = 2; f < out.functionCount(); f++) {
            Code c = out.functions.get(f).body();
            for (int i = 0; i < c.length; i++) {
                assertThat(c.opAt(i)).as("outlined parts make no tail calls themselves").isNotIn(Op.RETURN_CALL, Op.RETURN_CALL_INDIRECT);
                movedOut |= tailCallPos.contains(c.pos[i]);
            }
        }
        assertThat(movedOut).as("a return_call of even was outlined").isTrue();
        for (ValidatedModule m : List.of(vm, r.module())) {
            Instance inst = SWITCH.compile(m).instantiate(new Store().maxCallDepth(100), Imports.NONE);
            assertThat(inst.exportedFunction("even").invoke(200_000)[0]).isEqualTo(1);
            assertThat(inst.exportedFunction("even").invoke(199_999)[0]).isEqualTo(0);
        }
    }

    /** A region that can only trap (no exit at all) is called and followed by {@code unreachable}. */
    @Test
    void regionWithoutExitsTrapsTheSameWay() {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t = mb.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32);
        mb.export("main", mb.func(t, 0, padding(300).op(Op.UNREACHABLE)));
        ValidatedModule vm = ValidatedModule.of(mb.build());
        FunctionSplitter.Result r = FunctionSplitter.split(vm, new Options(1000, Options.DEFAULT_MODEL, false));
        assertThat(r.module().module().functionCount()).isGreaterThan(1);
        for (ValidatedModule m : List.of(vm, r.module())) {
            Instance inst = instantiate(m);
            assertThat(RandomFunctions.outcome(inst, 5)).startsWith("trap UNREACHABLE");
            for (int k = 0; k < 300; k++) assertThat(inst.memory().load32(4L * k)).isEqualTo(5 + k);
        }
    }

    static Stream<Arguments> randomCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int seed = 0; seed < 40; seed++) {
            for (int budget : new int[] {200, 1000}) {
                for (boolean cheap : new boolean[] {false, true}) cases.add(Arguments.of(seed, budget, cheap));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, budget {1}, cheapOnly {2}")
    @MethodSource("randomCases")
    void randomFunctionBehavesTheSameAfterSplitting(int seed, int budget, boolean cheap) {
        ValidatedModule vm = ValidatedModule.of(RandomFunctions.module(seed, 400 + seed * 15));
        FunctionSplitter.Result r = FunctionSplitter.split(vm, new Options(budget, Options.DEFAULT_MODEL, cheap));
        if (!cheap) {
            assertThat(r.reports()).allSatisfy(rep -> assertThat(rep.pieces()).isGreaterThan(1));
        }
        Instance a = instantiate(vm), b = instantiate(r.module());
        for (int x : new int[] {0, 1, -1, 7, 100, 12345, -99999, Integer.MIN_VALUE, 3, 42}) {
            assertThat(RandomFunctions.outcome(b, x)).as("x=%d, %s", x, r.reports()).isEqualTo(RandomFunctions.outcome(a, x));
        }
    }
}
