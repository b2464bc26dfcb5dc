package org.tailbench.wasm.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;
import org.tailbench.testkit.gen.LargeFunctions;
import org.tailbench.testkit.gen.RandomFunctions;
import org.tailbench.wasm.split.FunctionSplitter.Options;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.wasm.validate.Validator;

/** Structural properties of {@link FunctionSplitter} (behaviour is checked on the switch engine in engines/interp). */
class FunctionSplitterTest {
    private static Options opts(int budget, boolean cheap) { return new Options(budget, Options.DEFAULT_MODEL, cheap); }

    private static org.tailbench.wasm.Module split(ValidatedModule vm, Options o) {
        return FunctionSplitter.split(vm, o).module().module();
    }

    @Test
    void functionsWithinBudgetAreLeftAlone() {
        ValidatedModule vm = ValidatedModule.of(RandomFunctions.module(1, 300));
        FunctionSplitter.Result r = FunctionSplitter.split(vm, opts(1_000_000, false));
        assertThat(r.module()).isSameAs(vm);
        assertThat(r.reports()).isEmpty();
        assertThat(r.originalFunction()).containsExactly(0, 1);
    }

    @Test
    void rejectsANonPositiveBudget() {
        assertThatThrownBy(() -> opts(0, false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budgetBytes");
    }

    @Test
    void keepsIndicesExportsTableAndAppendsNamedPartsThatKeepOriginalOffsets() {
        ValidatedModule vm = ValidatedModule.of(RandomFunctions.module(7, 800));
        FunctionSplitter.Result r = FunctionSplitter.split(vm, opts(1000, false));
        org.tailbench.wasm.Module in = vm.module(), out = r.module().module();
        assertThat(r.reports()).singleElement().satisfies(rep -> {
            assertThat(rep.functionIndex()).isEqualTo(1);
            assertThat(rep.pieces()).isEqualTo(out.functionCount() - 1);
            assertThat(rep.reason()).contains("budget 1000 B");
        });
        assertThat(out.functionCount()).isGreaterThan(in.functionCount());
        assertThat(out.exports).isEqualTo(in.exports);
        assertThat(out.elements).isEqualTo(in.elements);
        assertThat(out.functions.get(0)).isEqualTo(in.functions.get(0));
        assertThat(out.functions.get(1).typeIndex()).isEqualTo(in.functions.get(1).typeIndex());
        assertThat(out.types.subList(0, in.types.size())).isEqualTo(in.types);
        Set<Integer> offsets = new HashSet<>();
        Code body = in.functions.get(1).body();
        for (int i = 0; i < body.length; i++) offsets.add(body.pos[i]);
        for (int f = 1; f < out.functionCount(); f++) {
            if (f >= 2) {
                assertThat(r.originalFunction()[f]).isEqualTo(1);
                assertThat(out.functionName(f)).isEqualTo("func[1]$part" + (f - 1));
            }
            Code c = out.functions.get(f).body();
            for (int i = 0; i < c.length; i++) assertThat(offsets).as("pos of instruction %d of function %d", i, f).contains(c.pos[i]);
        }
        assertThat(r.originalFunction()[0]).isZero();
        assertThat(r.originalFunction()[1]).isEqualTo(1);
    }

    @Test
    void chainPiecesPassTheOperandStackValueAndFitTheBudget() {
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.chain(27_000));
        org.tailbench.wasm.Module out = split(vm, opts(48 * 1024, false));
        boolean stackParam = false;
        for (int f = 1; f < out.functionCount(); f++) {
            ValType[] p = out.functionType(f).params();
            // the running sum s (i64) is on the stack below every step; uses are a, b, c
            if (p.length == 4 && p[0] == ValType.I64) stackParam = true;
        }
        assertThat(stackParam).as("some piece takes the live stack value s").isTrue();
    }

    @Test
    void cheapOnlyNeverCutsInsideALoop() {
        int regionsSeen = 0;
        for (int seed = 0; seed < 40; seed++) {
            ValidatedModule vm = ValidatedModule.of(RandomFunctions.module(seed, 600));
            FunctionAnalysis fa = new FunctionAnalysis(vm.module(), 1, vm.functions()[1]);
            Planner p = new Planner(fa, new Costs(Options.DEFAULT_MODEL), 400, 0.9, true, false);
            p.plan();
            for (Region g : p.regions) {
                regionsSeen++;
                List<Op> open = new ArrayList<>();
                for (int i = 0; i < g.from; i++) {
                    Op op = fa.code.opAt(i);
                    if (op == Op.BLOCK || op == Op.LOOP || op == Op.IF) open.add(op);
                    if (op == Op.END && !open.isEmpty()) open.remove(open.size() - 1);
                }
                assertThat(open).as("blocks around region at %d (seed %d)", g.from, seed).doesNotContain(Op.LOOP);
            }
        }
        assertThat(regionsSeen).isGreaterThan(0);
    }

    /** The random corpus reaches every exit kind, dispatch on an exit code, shared slots and stack params. */
    @Test
    void randomCorpusExercisesEveryPartOfTheProtocol() {
        Set<Integer> kinds = new HashSet<>();
        boolean dispatch = false, stackIn = false, slotsShared = false;
        for (int seed = 0; seed < 30; seed++) {
            ValidatedModule vm = ValidatedModule.of(RandomFunctions.module(seed, 600));
            FunctionAnalysis fa = new FunctionAnalysis(vm.module(), 1, vm.functions()[1]);
            Planner p = new Planner(fa, new Costs(Options.DEFAULT_MODEL), 300, 0.9, false, false);
            p.plan();
            for (Region g : p.regions) {
                g.analyze(fa);
                for (Region.Exit e : g.exits) kinds.add(e.kind());
                dispatch |= g.exits.size() > 2;
                stackIn |= g.stackIn.length > 0;
                int carried = 0;
                for (ValType[] v : g.exitValues) carried += v.length;
                slotsShared |= g.slots.length < carried && g.exits.size() > 1;
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(Region.Exit.FALL, Region.Exit.LABEL, Region.Exit.RETURN, Region.Exit.RC, Region.Exit.RCI);
        assertThat(dispatch).isTrue();
        assertThat(stackIn).isTrue();
        assertThat(slotsShared).isTrue();
    }

    static Stream<Arguments> validityCases() {
        List<Arguments> l = new ArrayList<>();
        for (int seed = 100; seed < 160; seed++) {
            for (int budget : new int[] {150, 500, 3000}) l.add(Arguments.of(seed, budget));
        }
        return l.stream();
    }

    @ParameterizedTest(name = "seed {0}, budget {1}")
    @MethodSource("validityCases")
    void splitModulesValidateAndPartsFitLargeEnoughBudgets(int seed, int budget) {
        ValidatedModule vm = ValidatedModule.of(RandomFunctions.module(seed, 200 + 10 * seed));
        for (boolean cheap : new boolean[] {false, true}) {
            FunctionSplitter.Result r = FunctionSplitter.split(vm, opts(budget, cheap));
            org.tailbench.wasm.Module out = r.module().module();
            Validator.validate(out);   // throws when invalid
            assertThat(r.originalFunction()).hasSize(out.functionCount());
            // every outlined piece fits; only the root may stay over (reported) when stubs alone exceed tiny budgets
            for (int f = vm.module().functionCount(); f < out.functionCount(); f++) {
                assertThat(size(out.functions.get(f).body())).as("piece %d", f).isLessThanOrEqualTo(budget);
            }
            for (FunctionSplitter.Report rep : r.reports()) {
                long root = size(out.functions.get(rep.functionIndex()).body());
                if (root > budget) assertThat(rep.reason()).containsAnyOf("still over budget", "not split");
            }
        }
    }

    @Test
    void aSingleInstructionOverTheBudgetIsReported() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32);
        int[] labels = new int[300];
        ModuleBuilder.Body b = new ModuleBuilder.Body().block().localGet(0).brTable(labels, 0).end().i32Const(1);
        mb.export("f", mb.func(t, 0, b));
        FunctionSplitter.Result r = FunctionSplitter.split(ValidatedModule.of(mb.build()), opts(1000, false));
        assertThat(r.reports()).singleElement().satisfies(rep -> assertThat(rep.reason()).contains("br_table").contains("alone is"));
    }

    /** 20,000 nested blocks with work at every level: no recursion over nesting depth anywhere in the pass. */
    @Test
    void deeplyNestedCodeSplitsWithoutRecursion() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32);
        ModuleBuilder.Body b = new ModuleBuilder.Body();
        int depth = 20_000;
        for (int k = 0; k < depth; k++) b.block().localGet(0).i32Const(k).op(Op.I32_XOR).localSet(0).localGet(0).brIf(0);
        for (int k = 0; k < depth; k++) b.end();
        mb.export("f", mb.func(t, 0, b.localGet(0)));
        ValidatedModule vm = ValidatedModule.of(mb.build());
        Thread worker = new Thread(null, () -> {
            FunctionSplitter.Result r = FunctionSplitter.split(vm, opts(8000, false));
            assertThat(r.reports()).singleElement().satisfies(rep -> assertThat(rep.pieces()).isGreaterThan(10));
        }, "small-stack", 256 * 1024);
        List<Throwable> failure = new ArrayList<>();
        worker.setUncaughtExceptionHandler((th, e) -> failure.add(e));
        worker.start();
        try { worker.join(); } catch (InterruptedException e) { throw new AssertionError(e); }
        assertThat(failure).isEmpty();
    }

    static long size(Code c) {
        long s = 0;
        for (int i = 0; i < c.length; i++) s += Options.DEFAULT_MODEL.bytecodeBytes(c, i);
        return s;
    }

    /**
     * Issue 14, shared frame: the 3000-target br_table loop with 200 shared locals is cut into pieces that pass no
     * locals (params are stack values only, no written locals returned), each declaring the original's 202 locals
     * first; frameLocals marks the root and every piece; every piece is within the slack of the budget.
     */
    @Test
    void sharedFrameSplitPassesNoLocalsAndMarksTheFrame() {
        int[] program = new int[] {5, 2999, 1000, 3000};
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.interpreter(3000, program, 200));
        // like aot's BytecodeSize: a br_table costs by its distinct targets (a string constant maps the entries)
        FunctionSplitter.SizeModel model = (code, i) -> code.opAt(i) != Op.BR_TABLE ? Options.DEFAULT_MODEL.bytecodeBytes(code, i)
                : 40 + 9 * (int) java.util.Arrays.stream(code.brTables[(int) code.a[i]]).distinct().count();
        FunctionSplitter.Result r = FunctionSplitter.split(vm, new Options(8000, model, false, null, true));
        var m = r.module().module();
        assertThat(m.functionCount()).isGreaterThan(2);
        ValType[] original = new ValType[202];
        java.util.Arrays.fill(original, ValType.I32);
        assertThat(r.frameLocals()[0]).isEqualTo(202);
        for (int f = 1; f < m.functionCount(); f++) {
            assertThat(r.originalFunction()[f]).isZero();
            assertThat(r.frameLocals()[f]).isEqualTo(202);
            var fn = m.functions.get(f);
            int params = m.functionType(f).params().length;
            assertThat(params).as("piece %d takes stack values only", f).isLessThanOrEqualTo(1);
            assertThat(java.util.Arrays.copyOf(fn.locals(), 202)).as("piece %d declares the original's locals", f)
                    .containsExactly(original);
            long size = 0;
            for (int i = 0; i < fn.body().length; i++) size += model.bytecodeBytes(fn.body(), i);
            assertThat(size).isLessThanOrEqualTo((long) (FunctionSplitter.SHARED_SLACK * 8000));
        }
    }

    /**
     * Issue 14, "Why aot was slow on CPython": a dispatch runs through every level of pieces nested around the wide
     * br_table (a call down, a table replay up), so the shared-frame split moves each large handler out of the block
     * nest first and the nest keeps only stubs. 200 handlers of ~180 instructions (CPython's shape: ~130 KB estimated
     * in all) put the br_table at most 2 calls below the root (it was one level per ~8 KB of handlers before), and the
     * handlers' code lives in pieces of their own (called from the nest), not in the pieces the dispatch runs through.
     */
    @Test
    void sharedFrameSplitKeepsLargeHandlersOutOfTheDispatchNest() {
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.interpreter(200, new int[] {5, 199, 200}, 64, 40));
        FunctionSplitter.Result r = FunctionSplitter.split(vm, new Options(8000, Options.DEFAULT_MODEL, false, null, true));
        var m = r.module().module();
        int n = m.functionCount();
        assertThat(n).as("pieces").isGreaterThan(20);
        int[] caller = new int[n];
        java.util.Arrays.fill(caller, -1);
        int dispatch = -1;
        for (int f = 0; f < n; f++) {
            Code c = m.functions.get(f).body();
            for (int i = 0; i < c.length; i++) {
                if (c.opAt(i) == Op.CALL) caller[(int) c.a[i]] = f;
                if (c.opAt(i) == Op.BR_TABLE && java.util.Arrays.stream(c.brTables[(int) c.a[i]]).distinct().count() >= 16
                        && dispatch < 0) dispatch = f;
            }
        }
        assertThat(dispatch).as("the function with the dispatch br_table").isNotNegative();
        List<Integer> path = new ArrayList<>(List.of(0));
        for (int f = dispatch; f > 0; f = caller[f]) path.add(f);
        assertThat(path).as("the root and the pieces down to the dispatch").hasSizeLessThanOrEqualTo(3);
        // what the dispatch passes through holds a stub per handler, not the handlers' code (40 local.set each)
        for (int f : path) {
            Code c = m.functions.get(f).body();
            int sets = 0;
            for (int i = 0; i < c.length; i++) if (c.opAt(i) == Op.LOCAL_SET) sets++;
            assertThat(sets).as("local.set in dispatch piece %d", f).isLessThan(40 * 10);
        }
    }

    /**
     * Issue 14, the dispatch nest flattened ({@link Nest}): the opcode fetch ({@code i32.load16_u}, the code before the
     * dispatch {@code br_table} in its innermost block) and the dispatch stay in the root, and every piece is at most two
     * calls below it (root → segment of levels → outlined handler), so a dispatch no longer walks down and up through
     * the cut nest (before: the fetch and the table in a piece two calls deep, replayed on the way up, handlers three).
     */
    @Test
    void sharedFrameSplitDispatchesFromTheRootStraightToTheHandlersSegment() {
        int handlers = 1000;
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.interpreter(handlers, new int[] {5, 999, 1000}, 64, 40));
        FunctionSplitter.Result r = FunctionSplitter.split(vm, new Options(8000, Options.DEFAULT_MODEL, false, null, true));
        var m = r.module().module();
        int n = m.functionCount();
        assertThat(n).as("pieces").isGreaterThan(20);
        int[] caller = new int[n];
        java.util.Arrays.fill(caller, -1);
        List<Integer> fetch = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            Code c = m.functions.get(f).body();
            for (int i = 0; i < c.length; i++) {
                if (c.opAt(i) == Op.CALL) caller[(int) c.a[i]] = f;
                if (c.opAt(i) == Op.I32_LOAD16_U) fetch.add(f);
            }
        }
        assertThat(fetch).as("functions holding the opcode fetch").containsExactly(0);
        Code root = m.functions.get(0).body();
        int fetchAt = 0;
        while (root.opAt(fetchAt) != Op.I32_LOAD16_U) fetchAt++;
        boolean tableAfterFetch = false;
        for (int i = fetchAt; i < root.length; i++) {
            if (root.opAt(i) == Op.BR_TABLE && root.brTables[(int) root.a[i]].length == handlers + 1) tableAfterFetch = true;
        }
        assertThat(tableAfterFetch).as("the 1001-entry dispatch br_table in the root").isTrue();
        for (int f = 1; f < n; f++) {
            int depth = 0;
            for (int g = f; g > 0; g = caller[g]) depth++;
            assertThat(depth).as("calls from the root down to piece %d", f).isLessThanOrEqualTo(2);
        }
    }
}
