package org.tailbench.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tailbench.wasm.ModuleBuilder.F32;
import static org.tailbench.wasm.ModuleBuilder.F64;
import static org.tailbench.wasm.ModuleBuilder.I32;
import static org.tailbench.wasm.ModuleBuilder.I64;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.aot.rt.AotContext;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/** aot-specific behaviour: the jar mode, the compile log, profiling counters, wide signatures, the method size limit. */
class AotEngineTest {
    /** 40 parameters (i32, i64, f32, f64 repeated) and 4 results: the shape of a split pass's outlined functions. */
    private static final int[] WIDE_PARAMS = new int[40];
    static {
        int[] cycle = {I32, I64, F32, F64};
        for (int k = 0; k < 40; k++) WIDE_PARAMS[k] = cycle[k % 4];
    }

    private static Body f32(Body b, float v) {
        int bits = Float.floatToRawIntBits(v);
        b.op(Op.F32_CONST);
        for (int k = 0; k < 4; k++) b.u8((bits >>> (8 * k)) & 0xFF);
        return b;
    }

    private static Body f64(Body b, double v) {
        long bits = Double.doubleToRawLongBits(v);
        b.op(Op.F64_CONST);
        for (int k = 0; k < 8; k++) b.u8((int) (bits >>> (8 * k)) & 0xFF);
        return b;
    }

    /** pushes the 40 arguments derived from local 0 (an i32 x) */
    private static Body wideArgs(Body b) {
        for (int k = 0; k < 40; k++) {
            b.localGet(0);
            switch (WIDE_PARAMS[k]) {
                case I32 -> b.i32Const(k * 7).op(Op.I32_ADD);
                case I64 -> b.op(Op.I64_EXTEND_I32_S).i64Const(k * 100_003L).op(Op.I64_MUL);
                case F32 -> f32(b.op(Op.F32_CONVERT_I32_S), k + 0.5f).op(Op.F32_MUL);
                default -> f64(b.op(Op.F64_CONVERT_I32_S), k - 0.25).op(Op.F64_ADD);
            }
        }
        return b;
    }

    /**
     * g(40 params) = (p39 f64, p0 + p4 i32, p1 * p5 i64, p2 f32); wrappers w_call / w_ci / w_rc / w_rci (i32) →
     * same 4 results through call, call_indirect, return_call, return_call_indirect; exports f_* combine
     * them into one i64.
     */
    private static byte[] wideModule() {
        ModuleBuilder mb = new ModuleBuilder();
        int tg = mb.type(WIDE_PARAMS, F64, I32, I64, F32);
        int tw = mb.type(new int[] {I32}, F64, I32, I64, F32);
        int tf = mb.type(new int[] {I32}, I64);
        int g = mb.func(tg, 0, new Body().localGet(39).localGet(0).localGet(4).op(Op.I32_ADD)
                .localGet(1).localGet(5).op(Op.I64_MUL).localGet(2));
        int wCall = mb.func(tw, 0, wideArgs(new Body()).call(g));
        int wCi = mb.func(tw, 0, wideArgs(new Body()).i32Const(0).callIndirect(tg));
        int wRc = mb.func(tw, 0, wideArgs(new Body()).returnCall(g));
        int wRci = mb.func(tw, 0, wideArgs(new Body()).i32Const(0).returnCallIndirect(tg));
        mb.table(g);
        String[] names = {"f_call", "f_ci", "f_rc", "f_rci"};
        int[] wrappers = {wCall, wCi, wRc, wRci};
        for (int k = 0; k < 4; k++) {
            // locals: 1 f32, 2 i64, 3 i32, 4 f64 (stored in reverse order of the results)
            Body b = new Body().localGet(0).call(wrappers[k]).localSet(1).localSet(2).localSet(3).localSet(4)
                    .localGet(4).op(Op.I64_TRUNC_SAT_F64_S).localGet(3).op(Op.I64_EXTEND_I32_S).op(Op.I64_ADD)
                    .localGet(2).op(Op.I64_ADD).localGet(1).op(Op.I64_TRUNC_SAT_F32_S).op(Op.I64_ADD);
            mb.export(names[k], mb.func(tf, new int[] {1, F32, 1, I64, 1, I32, 1, F64}, b));
        }
        return mb.build();
    }

    @Test
    void wideParameterListsAndMultiValueResultsMatchTheSwitchInterpreterThroughEveryKindOfCall() {
        byte[] wasm = wideModule();
        Instance ref = Engines.byName("switch").compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE);
        Random random = new Random(42);
        for (String engine : new String[] {"aot", "aot-naive"}) {
            Instance inst = Engines.byName(engine).compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE);
            for (int trial = 0; trial < 20; trial++) {
                long x = random.nextInt(2_000_001) - 1_000_000;
                for (String f : new String[] {"f_call", "f_ci", "f_rc", "f_rci"}) {
                    assertThat(inst.exportedFunction(f).invoke(x)).as("%s %s(%d)", engine, f, x)
                            .containsExactly(ref.exportedFunction(f).invoke(x));
                }
            }
        }
    }

    /**
     * Beyond the JVM's 255 parameter slots: g takes 150 parameters (i64, f64 alternating: 300 slots) and
     * returns them reversed (150 results); wrappers pass them through call / call_indirect / return_call /
     * return_call_indirect, and f_* fold the results into one i64.
     */
    private static byte[] veryWideModule() {
        int n = 150;
        int[] params = new int[n], results = new int[n];
        for (int k = 0; k < n; k++) params[k] = k % 2 == 0 ? I64 : F64;
        for (int k = 0; k < n; k++) results[k] = params[n - 1 - k];
        ModuleBuilder mb = new ModuleBuilder();
        int tg = mb.type(params, results);
        int tw = mb.type(new int[] {I32}, results);
        int tf = mb.type(new int[] {I32}, I64);
        Body gb = new Body();
        for (int k = n - 1; k >= 0; k--) gb.localGet(k);
        int g = mb.func(tg, 0, gb);
        java.util.function.Supplier<Body> args = () -> {
            Body b = new Body();
            for (int k = 0; k < n; k++) {
                b.localGet(0).op(Op.I64_EXTEND_I32_S).i64Const(k + 1).op(Op.I64_MUL);
                if (params[k] == F64) b.op(Op.F64_CONVERT_I64_S);
            }
            return b;
        };
        int[] w = {
            mb.func(tw, 0, args.get().call(g)),
            mb.func(tw, 0, args.get().i32Const(0).callIndirect(tg)),
            mb.func(tw, 0, args.get().returnCall(g)),
            mb.func(tw, 0, args.get().i32Const(0).returnCallIndirect(tg))};
        mb.table(g);
        String[] names = {"f_call", "f_ci", "f_rc", "f_rci"};
        for (int k = 0; k < 4; k++) {
            Body b = new Body().localGet(0).call(w[k]);   // local 1: the i64 accumulator
            for (int r = n - 1; r >= 0; r--) {
                if (results[r] == F64) b.op(Op.I64_TRUNC_SAT_F64_S);
                b.i64Const(r + 3).op(Op.I64_MUL).localGet(1).op(Op.I64_ADD).localSet(1);
            }
            mb.export(names[k], mb.func(tf, new int[] {1, I64}, b.localGet(1)));
        }
        return mb.build();
    }

    @Test
    void parameterListsBeyondTheJvmSlotLimitGoThroughTheContextSlots() {
        byte[] wasm = veryWideModule();
        Instance ref = Engines.byName("switch").compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE);
        for (String engine : new String[] {"aot", "aot-naive"}) {
            Instance inst = Engines.byName(engine).compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE);
            for (long x : new long[] {0, 1, -7, 123_456}) {
                for (String f : new String[] {"f_call", "f_ci", "f_rc", "f_rci"}) {
                    long[] want = ref.exportedFunction(f).invoke(x);
                    if (x != 0) assertThat(want[0]).as("reference is not trivially zero").isNotZero();
                    assertThat(inst.exportedFunction(f).invoke(x)).as("%s %s(%d)", engine, f, x).containsExactly(want);
                }
            }
        }
    }

    @Test
    void compiledJarLoadsAndRunsAndRefusesAnotherModule(@TempDir Path dir) throws Exception {
        byte[] wasm = wideModule();
        AotEngine aot = (AotEngine) Engines.byName("aot");
        ValidatedModule vm = ValidatedModule.of(wasm);
        AotClasses classes = aot.compileClasses(vm, "wide.wasm", new AotOptions(true, false, false));
        Path jar = dir.resolve("wide.jar");
        AotJar.write(classes, jar);
        Instance fromJar = AotJar.load(jar, ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE);
        Instance ref = Engines.byName("switch").compile(vm).instantiate(new Store(), Imports.NONE);
        assertThat(fromJar.exportedFunction("f_rci").invoke(77)).containsExactly(ref.exportedFunction("f_rci").invoke(77));
        assertThat(AotJar.read(jar).classFiles()[0]).isEqualTo(classes.classFiles()[0]);
        byte[] other = new ModuleBuilder().build();
        assertThatThrownBy(() -> AotJar.load(jar, ValidatedModule.of(other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another module");
        // from the bytes alone (run --aot-jar: no body decoding, no validation): same results, same refusal
        AotModule fast = AotJar.load(jar, wasm);
        assertThat(fast.module().module().functions).allSatisfy(f -> assertThat(f.body()).isNull());
        for (long x : new long[] {0, 5, 77}) {
            assertThat(fast.instantiate(new Store(), Imports.NONE).exportedFunction("f_rci").invoke(x))
                    .containsExactly(ref.exportedFunction("f_rci").invoke(x));
        }
        assertThatThrownBy(() -> AotJar.load(jar, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another module");
        byte[] flipped = wasm.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThatThrownBy(() -> AotJar.load(jar, flipped))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another module");
    }

    @Test
    void compileLogHasOneLinePerFunctionWithSizes() {
        AotClasses c = AotCompiler.compile(ValidatedModule.of(wideModule()), new AotOptions(true, false, false), "aot", "wide.wasm");
        assertThat(c.log()).hasSize(9);
        assertThat(c.log().get(0)).matches("aot: func\\[0\\] func\\[0\\]: wasm \\d+ B, bytecode \\d+ B, 1 method, not split");
        assertThat(ClassFiles.codeSizes(c.classFiles()[0])).containsKeys("f0_", "f1_");
        // the group's dispatch class (the last class) runs them
        assertThat(ClassFiles.codeSizes(c.classFiles()[c.classFiles().length - 1])).containsKeys("$invoke", "$drain");
    }

    @Test
    void functionsAboveTheJvmMethodLimitFailWithTheirNameNotAnAsmException() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[0]);
        Body b = new Body();
        for (int k = 0; k < 20_000; k++) b.i32Const(1000 + k).op(Op.DROP);   // sipush + pop: 4 bytes each
        mb.func(t, 0, new Body().op(Op.NOP));
        mb.func(t, 0, b);
        ValidatedModule vm = ValidatedModule.of(mb.build());
        AotOptions none = new AotOptions(true, false, false).withSplit(AotOptions.Split.NONE, 1, 1);
        assertThatThrownBy(() -> AotCompiler.compile(vm, none, "aot", "big.wasm"))
                .isInstanceOf(AotCompileException.class)
                .hasMessageContaining("function 1 (func[1])").hasMessageContaining("65535-byte method limit")
                .hasMessageContaining("split=none");
        // with splitting (the default) it compiles into several methods and runs
        AotOptions all = none.withSplit(AotOptions.Split.ALL, AotOptions.CHEAP_BUDGET, AotOptions.HARD_BUDGET);
        AotClasses c = AotCompiler.compile(vm, all, "aot", "big.wasm");
        assertThat(c.log()).anySatisfy(l -> assertThat(l).startsWith("aot: func[1] func[1]: ").contains(" methods, split: "));
        AotModule m = AotModule.define(vm, c);
        m.instantiate(new org.tailbench.runtime.Store(), org.tailbench.runtime.Imports.NONE).functions[1].invoke();
    }

    /** loop(n) = n == 0 ? 0 : return_call loop(n - 1) (self) and ping/pong mutual tail calls. */
    @Test
    void profilingCountsTailCallsPerFunctionAndDepthIsReadable() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {I32}, I32);
        for (int self = 0; self < 2; self++) {
            mb.func(t, 0, new Body().localGet(0).op(Op.I32_EQZ).ifResult(I32).i32Const(0).op(Op.ELSE)
                    .localGet(0).i32Const(1).op(Op.I32_SUB).returnCall(1 - self).end());
        }
        byte[] wasm = mb.export("ping", 0).build();
        AotEngine aot = (AotEngine) Engines.byName("aot");
        ValidatedModule vm = ValidatedModule.of(wasm);
        AotModule m = AotModule.define(vm, aot.compileClasses(vm, "pingpong.wasm", new AotOptions(true, true, false)));
        Instance inst = m.instantiate(new Store(), Imports.NONE);
        assertThat(inst.exportedFunction("ping").invoke(1001)).containsExactly(0L);
        AotContext ctx = AotModule.context(inst);
        assertThat(ctx.tailCalls[0]).isEqualTo(501);   // ping tail-calls at n = 1001, 999, ..., 1
        assertThat(ctx.tailCalls[1]).isEqualTo(500);
        assertThat(ctx.callDepth()).isZero();
        Instance plain = aot.compile(vm).instantiate(new Store(), Imports.NONE);
        assertThat(AotModule.context(plain).tailCalls).as("no counters unless profiling is on").isNull();
    }

    /**
     * Issue 14, start-up: generated classes are defined when first needed. 1500 functions make two groups
     * ({@link ModulePlan#MAX_FUNCTIONS_PER_CLASS} = 1000), each cut into small classes of
     * {@link ModulePlan#MAX_FUNCTIONS_PER_SMALL_CLASS} functions plus one dispatch class. Calling the export of the
     * first function defines its small class, its group's dispatch class (the export enters through {@code $invoke})
     * and, when the JVM first runs its call of the last function, that function's small class: nothing else.
     */
    @Test
    void classesAreDefinedWhenFirstNeeded() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[0], I32);
        int n = 1500, lastIndex = n - 1;
        // function 0 returns 1 + last(); function k > 0 returns 7k + 1
        int first = mb.func(t, 0, new Body().i32Const(1).call(lastIndex).op(Op.I32_ADD));
        int last = first;
        for (int k = 1; k < n; k++) last = mb.func(t, 0, new Body().i32Const(7 * k + 1));
        assertThat(last).isEqualTo(lastIndex);
        ValidatedModule vm = ValidatedModule.of(mb.export("first", first).export("last", last).build());
        AotModule m = new AotEngine().compile(vm, EngineOptions.parse(List.of("aot.hiddenClasses=false")));
        int perClass = ModulePlan.MAX_FUNCTIONS_PER_SMALL_CLASS, perGroup = ModulePlan.MAX_FUNCTIONS_PER_CLASS;
        int small = (perGroup + perClass - 1) / perClass + (n - perGroup + perClass - 1) / perClass;   // cut within each group
        String[] names = m.classes().classNames();
        assertThat(names).hasSize(small + 2);
        assertThat(m.classes().namedCalls()).isTrue();
        Instance inst = m.instantiate(new Store(), Imports.NONE);
        assertThat(defined(m)).isEmpty();
        assertThat((int) inst.exportedFunction("first").invoke()[0]).isEqualTo(1 + 7 * lastIndex + 1);
        int lastClass = small - 1;
        assertThat(defined(m)).as("first's class, its dispatch class, last's class (loaded by the JVM for the call)")
                .containsExactly(names[0], names[lastClass], names[small]);
        assertThat((int) inst.exportedFunction("last").invoke()[0]).isEqualTo(7 * lastIndex + 1);
        assertThat(defined(m)).containsExactly(names[0], names[lastClass], names[small], names[small + 1]);
        // with hidden classes: one class per group, calls between them through invokedynamic, also defined lazily
        EngineOptions hidden = EngineOptions.parse(List.of("aot.hiddenClasses=true"));
        AotModule h = new AotEngine().compile(vm, hidden);
        assertThat(h.classes().classNames()).hasSize(2);
        assertThat(h.classes().namedCalls()).isFalse();
        Instance hi = h.instantiate(new Store(), Imports.NONE);
        assertThat((int) hi.exportedFunction("last").invoke()[0]).isEqualTo(7 * lastIndex + 1);
        assertThat(h.linkage().defined(0)).as("class 0 before any of its functions ran").isFalse();
        assertThat((int) hi.exportedFunction("first").invoke()[0]).isEqualTo(1 + 7 * lastIndex + 1);
        assertThat(h.linkage().defined(0)).isTrue();
        // classes that call each other by name cannot be hidden classes: a clear refusal
        assertThatThrownBy(() -> AotModule.define(vm, m.classes(), hidden))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aot.hiddenClasses");
    }

    /** @return the names of the generated classes of {@code m} defined so far, in class index order */
    private static List<String> defined(AotModule m) {
        List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < m.classes().classNames().length; k++) if (m.linkage().defined(k)) out.add(m.classes().classNames()[k]);
        return out;
    }
}
