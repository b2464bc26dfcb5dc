package org.tailbench.nativ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Engines;
import org.tailbench.spectest.SpecRunner;
import org.tailbench.spectest.Testsuite;

/**
 * Tuned native passes the spec testsuite's indirect-call files: with {@code -Dtailbench.native.tuning=every-site} every
 * {@code call_indirect} / {@code return_call_indirect} site of every module guards up to two table functions of its
 * type (hit and miss paths), and the files whose modules call through tables pass on native and native-naive exactly as
 * untuned (including the deep {@code return_call_indirect} loops on native). A tuning file keyed by function index and
 * offset cannot be written for the testsuite's thousands of modules in advance; the every-site mode is how the guard
 * is exercised on all of them (as aot's {@code AotTunedConformanceTest}).
 */
class NativeTunedConformanceTest {
    private static final List<String> FILES = List.of("call_indirect.json", "tailcall_return_call_indirect.json", "elem.json",
            "func_ptrs.json", "linking.json", "imports.json", "table.json", "table_copy.json", "table_init.json", "table_set.json",
            "table_grow.json", "br_table.json");

    @Test
    void indirectCallFilesPassWithEverySiteGuarded() {
        assumeTrue(Platform.UNAVAILABLE == null, String.valueOf(Platform.UNAVAILABLE));
        Optional<Path> json = Testsuite.jsonDir();
        assumeTrue(json.isPresent(), Testsuite.HOW_TO_GET);
        String before = System.getProperty("tailbench.native.tuning");
        System.setProperty("tailbench.native.tuning", "every-site");
        try {
            // the property reaches the engines' default compile (what SpecRunner calls): every site of a module is guarded
            NativeModule probe = new NativeEngine().compile(org.tailbench.wasm.validate.ValidatedModule.of(
                    org.tailbench.testkit.gen.IndirectCallModule.bytes()));
            assertThat(probe.log()).singleElement().asString().startsWith("tuning: every-site testing mode: 4 indirect call sites guarded");
            for (String engine : List.of("native", "native-naive")) {
                List<String> failures = new ArrayList<>();
                int passed = 0, files = 0;
                for (String f : FILES) {
                    Path p = json.get().resolve(f);
                    if (!p.toFile().exists()) continue;
                    files++;
                    SpecRunner.FileResult r = SpecRunner.runFile(p, Engines.byName(engine));
                    passed += r.passed();
                    for (SpecRunner.Failure x : r.failures()) {
                        // native-naive's deep tail loops trap by design (NaiveConformance), tuned or not
                        if (engine.equals("native-naive") && f.startsWith("tailcall_") && x.detail().contains("call stack exhausted")) continue;
                        failures.add(f + ": " + x);
                    }
                }
                System.out.println("every-site tuning, " + engine + ": " + passed + " passed in " + files + " files");
                assertThat(failures).as(engine).isEmpty();
                assertThat(files).as(engine).isEqualTo(FILES.size());
                assertThat(passed).as(engine).isGreaterThan(500);
            }
        } finally {
            if (before == null) System.clearProperty("tailbench.native.tuning"); else System.setProperty("tailbench.native.tuning", before);
        }
    }
}
