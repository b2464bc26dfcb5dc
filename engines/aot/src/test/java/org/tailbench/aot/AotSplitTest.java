package org.tailbench.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.testkit.gen.LargeFunctionModels;
import org.tailbench.testkit.gen.LargeFunctions;
import org.tailbench.testkit.gen.RandomFunctions;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Issue 5, "no function left behind": functions too large for one JVM method are split
 * ({@link AotCompiler#prepare}) and compiled, never rejected. Expected values come from plain-Java models of the
 * generators' documented semantics and from the {@code switch} interpreter; method sizes are read from the class
 * files with the JDK's class-file API.
 */
class AotSplitTest {
    private static final Engine SWITCH = Engines.byName("switch");
    private static final List<AotEngine> AOT = List.of(new AotEngine(), new AotNaiveEngine());
    private static final AotOptions DEFAULT = new AotOptions(true, false, false).withSplit(AotOptions.Split.ALL,
            AotOptions.CHEAP_BUDGET, AotOptions.HARD_BUDGET);

    private static Instance instantiate(CompiledModule cm) { return cm.instantiate(new Store(), Imports.NONE); }

    private static AotModule compile(AotEngine engine, ValidatedModule vm, AotOptions options) {
        AotOptions o = new AotOptions(engine.trampoline(), false, false, options.split(), options.cheapBudget(), options.hardBudget(),
                options.frame());
        return AotModule.define(vm, engine.compileClasses(vm, "split.wasm", o));
    }

    /** @return code_length of every method of the generated classes whose name starts with {@code f<function>_} */
    private static List<Integer> methodSizes(AotClasses classes, int function) {
        List<Integer> sizes = new ArrayList<>();
        for (byte[] file : classes.classFiles()) {
            ClassModel cm = ClassFile.of().parse(file);
            for (MethodModel mm : cm.methods()) {
                if (!mm.methodName().stringValue().startsWith("f" + function + "_")) continue;
                mm.findAttribute(Attributes.code()).ifPresent(c -> sizes.add(c.codeLength()));
            }
        }
        return sizes;
    }


    @Test
    void chainOf200kInstructionsCompilesAndComputesTheJavaModelAndSwitch() {
        int steps = 27_000;
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.chain(steps));
        assertThat(vm.module().functions.get(0).body().length).isGreaterThanOrEqualTo(200_000);
        Instance ref = instantiate(SWITCH.compile(vm));
        for (AotEngine engine : AOT) {
            AotModule m = compile(engine, vm, DEFAULT);
            List<Integer> sizes = methodSizes(m.classes(), 0);
            assertThat(sizes).as("%s: methods of the chain", engine.name()).hasSizeGreaterThan(1)
                    .allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(BytecodeSize.JVM_METHOD_LIMIT));
            // straight-line code has no loop: the cheap pass splits it for C2 too
            assertThat(sizes).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(BytecodeSize.HUGE_METHOD_LIMIT));
            assertThat(m.classes().log()).anySatisfy(l -> assertThat(l)
                    .matches(engine.name() + ": func\\[0\\] func\\[0\\]: wasm \\d+ B, bytecode \\d+ B, " + sizes.size()
                            + " methods, split: above C2's HugeMethodLimit 8000 B \\(est\\. \\d+ B.*cheap split into "
                            + sizes.size() + " pieces.*"));
            Instance inst = instantiate(m);
            for (int x : new int[] {0, 7, -123456}) {
                long want = LargeFunctionModels.chain(x, steps);
                assertThat(ref.exportedFunction("chain").invoke(x)[0]).as("switch, x=%d", x).isEqualTo(want);
                assertThat(inst.exportedFunction("chain").invoke(x)[0]).as("%s, x=%d", engine.name(), x).isEqualTo(want);
            }
        }
    }


    private static int[] program(int handlers) {
        Random rnd = new Random(5);
        int[] program = new int[20_001];
        for (int i = 0; i < program.length - 1; i++) program[i] = i < handlers ? i : rnd.nextInt(handlers);
        program[program.length - 1] = handlers;
        return program;
    }

    /**
     * Issues 5 and 14, a dense br_table interpreter loop with thousands of targets (unsplit about 38, 60 and 120 KB
     * of bytecode). The loop cannot be split cheaply, so the frame strategy cuts the block nest around the br_table
     * into chunks; the br_table leaves each chunk as one exit that the caller replays: every method ends below
     * C2's HugeMethodLimit.
     */
    @ParameterizedTest(name = "{0} handlers")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1000, 1500, 3000})
    void denseBrTableInterpreterCompilesAndComputesTheJavaModelAndSwitch(int handlers) {
        int[] program = program(handlers);
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.interpreter(handlers, program));
        int[] hist = new int[256];
        int want = LargeFunctionModels.interpreter(handlers, program, hist);
        Instance ref = instantiate(SWITCH.compile(vm));
        assertThat((int) ref.exportedFunction("run").invoke()[0]).isEqualTo(want);
        for (AotEngine engine : AOT) {
            AotModule m = compile(engine, vm, DEFAULT);
            List<Integer> sizes = methodSizes(m.classes(), 0);
            assertThat(sizes).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(BytecodeSize.JVM_METHOD_LIMIT));
            assertThat(sizes).as("%s: methods of the interpreter", engine.name()).hasSizeGreaterThan(1);
            // the loop cannot be split cheaply: the log says so, then why the hard split happened
            // the loop cannot be split cheaply: the log says so, then that the frame strategy split it
            assertThat(m.classes().log()).anySatisfy(l -> assertThat(l).startsWith(engine.name() + ": func[0] ")
                    .contains(sizes.size() + " methods, split: above C2's HugeMethodLimit 8000 B")
                    .contains("no cheap split").contains("frame strategy")
                    .contains("split into " + sizes.size() + " pieces").contains("below C2's HugeMethodLimit"));
            assertThat(sizes).allSatisfy(s -> assertThat(s).isLessThan(BytecodeSize.HUGE_METHOD_LIMIT));
            Instance inst = instantiate(m);
            assertThat((int) inst.exportedFunction("run").invoke()[0]).as(engine.name()).isEqualTo(want);
            for (int k = 0; k < 256; k++) {
                assertThat(inst.memory().load32(4L * k)).as("%s hist[%d]", engine.name(), k).isEqualTo(hist[k]);
                assertThat(ref.memory().load32(4L * k)).as("switch hist[%d]", k).isEqualTo(hist[k]);
            }
        }
    }

    /**
     * Issue 14, the eval-loop shape: a 3000-target br_table loop whose handlers share 200 locals. The frame
     * strategy keeps the locals in one frame array shared by the pieces, so every method (pieces, the root and
     * its dispatch) stays below C2's HugeMethodLimit; results and memory equal the Java model and switch. Also with
     * 200 large handlers (40 shared-local updates each: CPython's shape, whose handlers the split moves out of the
     * dispatch's block nest, see "Why aot was slow on CPython").
     */
    @ParameterizedTest
    @MethodSource("sharedLocalsInterpreters")
    void sharedLocalsBrTableLoopHasEveryMethodBelowHugeMethodLimit(int handlers, int shared, int widen) {
        int[] program = program(handlers);
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.interpreter(handlers, program, shared, widen));
        int[] hist = new int[256];
        int want = LargeFunctionModels.interpreter(handlers, program, shared, widen, hist);
        Instance ref = instantiate(SWITCH.compile(vm));
        assertThat((int) ref.exportedFunction("run").invoke()[0]).isEqualTo(want);
        for (AotEngine engine : AOT) {
            AotModule m = compile(engine, vm, DEFAULT);
            List<Integer> sizes = methodSizes(m.classes(), 0);
            assertThat(sizes).as("%s: methods of the interpreter", engine.name()).hasSizeGreaterThan(1)
                    .allSatisfy(s -> assertThat(s).isLessThan(BytecodeSize.HUGE_METHOD_LIMIT));
            assertThat(m.classes().log()).anySatisfy(l -> assertThat(l).startsWith(engine.name() + ": func[0] ")
                    .contains("frame strategy").contains("largest method").contains("dispatch nest flattened"));
            Instance inst = instantiate(m);
            assertThat((int) inst.exportedFunction("run").invoke()[0]).as(engine.name()).isEqualTo(want);
            for (int k = 0; k < 256; k++) {
                assertThat(inst.memory().load32(4L * k)).as("%s hist[%d]", engine.name(), k).isEqualTo(hist[k]);
            }
        }
    }

    /**
     * Issue 14, the flattened dispatch nest: handlers that fall into the next one and branch forward to a later
     * handler's level (7 levels on, often into another segment of the flattened nest), besides continuing the loop.
     * 600 handlers of 12 shared-local updates each, 40 shared locals: results and memory equal switch's, every method
     * below HugeMethodLimit, on aot and aot-naive.
     */
    @Test
    void flattenedDispatchNestKeepsFallThroughAndForwardBranchesBetweenLevels() {
        int handlers = 600, shared = 40, widen = 12;
        int[] program = program(handlers);
        ModuleBuilder mb = new ModuleBuilder().memory(1 + (LargeFunctions.PROGRAM_BASE + 2 * program.length + 2) / 65536);
        byte[] prog = new byte[2 * program.length];
        for (int i = 0; i < program.length; i++) {
            prog[2 * i] = (byte) program[i];
            prog[2 * i + 1] = (byte) (program[i] >>> 8);
        }
        mb.data(LargeFunctions.PROGRAM_BASE, prog);
        int t = mb.type(new int[0], ModuleBuilder.I32);
        final int pc = 0, acc = 1;
        Body body = new Body().i32Const(1).localSet(acc).loop().block();
        for (int k = 0; k < handlers; k++) body.block();
        int[] labels = new int[handlers];
        for (int k = 0; k < handlers; k++) labels[k] = k;
        body.localGet(pc).mem(Op.I32_LOAD16_U, 1, LargeFunctions.PROGRAM_BASE).brTable(labels, handlers);
        for (int k = 0; k < handlers; k++) {
            body.end();
            body.localGet(acc).i32Const(LargeFunctions.handlerConst(k)).op(k % 2 == 0 ? Op.I32_ADD : Op.I32_XOR).localSet(acc);
            for (int j = 0; j < widen; j++) {
                int x = 2 + (k + j) % shared;
                body.localGet(x).localGet(acc).op(Op.I32_ADD).localSet(x);
            }
            int h = (k % 256) * 4;
            body.i32Const(h).i32Const(h).mem(Op.I32_LOAD, 2, 0).localGet(acc).op(Op.I32_ADD).mem(Op.I32_STORE, 2, 0);
            if (k % 5 == 1 && k + 1 < handlers) continue;                          // falls into handler k + 1
            if (k % 5 == 2 && k + 7 < handlers) { body.br(6); continue; }           // continues at handler k + 7
            body.localGet(pc).i32Const(2).op(Op.I32_ADD).localSet(pc).br(handlers - k);
        }
        body.end().end().localGet(acc);
        for (int x = 0; x < shared; x++) body.localGet(2 + x).op(Op.I32_XOR);
        int f = mb.func(t, 2 + shared, body);
        ValidatedModule vm = ValidatedModule.of(mb.export("run", f).build());
        Instance ref = instantiate(SWITCH.compile(vm));
        int want = (int) ref.exportedFunction("run").invoke()[0];
        for (AotEngine engine : AOT) {
            AotModule m = compile(engine, vm, DEFAULT);
            assertThat(methodSizes(m.classes(), 0)).as("%s: methods of the interpreter", engine.name()).hasSizeGreaterThan(2)
                    .allSatisfy(sz -> assertThat(sz).isLessThan(BytecodeSize.HUGE_METHOD_LIMIT));
            assertThat(m.classes().log()).anySatisfy(l -> assertThat(l).startsWith(engine.name() + ": func[0] ")
                    .contains("dispatch nest flattened"));
            Instance inst = instantiate(m);
            assertThat((int) inst.exportedFunction("run").invoke()[0]).as(engine.name()).isEqualTo(want);
            for (int k = 0; k < 256; k++) {
                assertThat(inst.memory().load32(4L * k)).as("%s hist[%d]", engine.name(), k).isEqualTo(ref.memory().load32(4L * k));
            }
        }
    }

    static Stream<Arguments> sharedLocalsInterpreters() {
        return Stream.of(Arguments.of(3000, 200, 1), Arguments.of(200, 64, 40));
    }

    @Test
    void splittingOffLeavesTheChainTooLargeWithAClearError() {
        ValidatedModule vm = ValidatedModule.of(LargeFunctions.chain(12_000));
        AotOptions none = DEFAULT.withSplit(AotOptions.Split.NONE, 1, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> compile(new AotEngine(), vm, none))
                .isInstanceOf(AotCompileException.class)
                .hasMessageContaining("function 0").hasMessageContaining("65535").hasMessageContaining("split=none");
    }

    static Stream<Arguments> randomCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int seed = 0; seed < 12; seed++) {
            cases.add(Arguments.of(seed, AotOptions.Split.ALL, 300, 1000));
            cases.add(Arguments.of(seed, AotOptions.Split.HARD, 1, 300));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, split {1}, cheap {2} B, hard {3} B")
    @MethodSource("randomCases")
    void randomFunctionsSplitAtSmallBudgetsBehaveLikeSwitch(int seed, AotOptions.Split mode, int cheap, int hard) {
        ValidatedModule vm = ValidatedModule.of(RandomFunctions.module(seed, 400 + seed * 25));
        AotOptions options = DEFAULT.withSplit(mode, cheap, hard);
        int main = vm.module().exports.stream().filter(e -> e.name().equals("main")).findFirst().orElseThrow().index();
        for (AotEngine engine : AOT) {
            AotModule m = compile(engine, vm, options);
            if (mode == AotOptions.Split.HARD) {
                assertThat(methodSizes(m.classes(), main)).as("main is split").hasSizeGreaterThan(1);
            }
            Instance a = instantiate(SWITCH.compile(vm)), b = instantiate(m);
            for (int x : new int[] {0, 1, -1, 7, 100, 12345, -99999, Integer.MIN_VALUE, 3, 42}) {
                assertThat(RandomFunctions.outcome(b, x)).as("%s x=%d, %s", engine.name(), x, m.classes().log()).isEqualTo(RandomFunctions.outcome(a, x));
            }
        }
    }

    /**
     * {@code main(x)}: 400 stores {@code mem32[4k] = x + k}, with an {@code i32.load} from address {@code x} after
     * the 200th (traps for large x), then 7. Split at a small hard budget, the load runs inside an outlined part.
     */
    @Test
    void trapInsideAnOutlinedPartNamesTheOriginalFunctionAndOffset() {
        ModuleBuilder mb = new ModuleBuilder().memory(1);
        int t = mb.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32);
        Body b = new Body();
        for (int k = 0; k < 400; k++) {
            b.i32Const(4 * k).localGet(0).i32Const(k).op(Op.I32_ADD).mem(Op.I32_STORE, 2, 0);
            if (k == 200) b.localGet(0).mem(Op.I32_LOAD, 2, 0).op(Op.DROP);
        }
        mb.func(t, 0, b.i32Const(7));
        ValidatedModule vm = ValidatedModule.of(mb.export("main", 0).build());
        Code code = vm.module().functions.get(0).body();
        long loadAt = -1;
        for (int i = 0; i < code.length; i++) if (code.opAt(i) == Op.I32_LOAD) loadAt = code.pos[i];
        for (AotEngine engine : AOT) {
            AotModule m = compile(engine, vm, DEFAULT.withSplit(AotOptions.Split.HARD, 1, 400));
            assertThat(methodSizes(m.classes(), 0)).hasSizeGreaterThan(2);
            Instance inst = instantiate(m);
            assertThat(inst.exportedFunction("main").invoke(5)[0]).isEqualTo(7);
            Trap trap = org.assertj.core.api.Assertions.catchThrowableOfType(Trap.class,
                    () -> inst.exportedFunction("main").invoke(70_000));
            assertThat(trap).isNotNull();
            assertThat(trap.kind()).isEqualTo(org.tailbench.runtime.TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
            List<Trap.Frame> frames = trap.wasmBacktrace();
            assertThat(frames).as(engine.name()).isNotEmpty();
            assertThat(frames.get(0).functionIndex()).isEqualTo(0);
            assertThat(frames.get(0).offset()).as("%s: offset of the i32.load", engine.name()).isEqualTo(loadAt);
            // the part and the function it was outlined from (its stub) both appear as function 0
            assertThat(frames.stream().filter(f -> f.functionIndex() == 0).count()).as(engine.name() + " " + frames).isGreaterThanOrEqualTo(2);
            for (int k = 0; k <= 200; k++) assertThat(inst.memory().load32(4L * k)).isEqualTo(70_000 + k);
        }
    }
}
