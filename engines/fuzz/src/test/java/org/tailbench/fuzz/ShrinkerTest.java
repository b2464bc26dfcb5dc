package org.tailbench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/** The shrinker on a planted finding: an engine that throws a raw exception while compiling f64.sqrt. */
class ShrinkerTest {
    /** The switch engine, except that compiling a module with an f64.sqrt throws a ClassCastException. */
    static final class PlantedBugEngine implements Engine {
        private final Engine inner = Engines.byName("switch");
        @Override public String name() { return "planted"; }
        @Override public String description() { return "switch, but f64.sqrt breaks compile"; }
        @Override public CompiledModule compile(ValidatedModule vm) {
            for (Module.Function f : vm.module().functions) {
                for (int i = 0; i < f.body().length; i++) {
                    if (f.body().opAt(i) == Op.F64_SQRT) throw new ClassCastException("planted: f64.sqrt");
                }
            }
            return inner.compile(vm);
        }
    }

    @Test
    void shrinksAWorkloadToTheInstructionThatShowsThePlantedBug() {
        byte[] nbody = TestModules.workload("nbody"); // 33 KB, 3 f64.sqrt
        List<Engine> engines = List.of(new PlantedBugEngine());
        CaseRunner runner = new CaseRunner(1000, 30_000);
        String sig = Verdict.of(List.of("planted"), new boolean[1], runner.run(nbody, engines)).finding();
        assertThat(sig).isEqualTo("crash planted: compile java.lang.ClassCastException at " + PlantedBugEngine.class.getName() + ".compile");

        Shrinker sh = new Shrinker(b -> sig.equals(Verdict.of(List.of("planted"), new boolean[1], new CaseRunner(1000, 30_000)
                .run(b, engines)).finding()), 5000, 100_000);
        byte[] small = sh.shrink(nbody);

        assertThat(small.length).isLessThan(100).isLessThan(nbody.length / 100);
        // still valid, still one f64.sqrt, and the reduced module still shows the finding
        ValidatedModule vm = ValidatedModule.of(small);
        long sqrts = vm.module().functions.stream()
                .flatMap(f -> java.util.stream.IntStream.range(0, f.body().length).mapToObj(i -> f.body().opAt(i)))
                .filter(op -> op == Op.F64_SQRT).count();
        assertThat(sqrts).isEqualTo(1);
        assertThat(vm.module().functions).hasSize(1);
    }

    @Test
    void ddminFindsTheOneFailingElement() {
        Shrinker sh = new Shrinker(b -> true, 1000, 10_000);
        List<Integer> items = java.util.stream.IntStream.range(0, 100).boxed().toList();
        assertThat(sh.ddmin(items, l -> l.contains(37) && l.contains(80))).containsExactly(37, 80);
    }
}
