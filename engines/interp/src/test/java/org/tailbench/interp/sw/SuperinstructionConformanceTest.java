package org.tailbench.interp.sw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.Engines;
import org.tailbench.spectest.SpecRunner;
import org.tailbench.spectest.Testsuite;

/**
 * The tuned {@code switch} engine passes the spec testsuite as the untuned one does: with every superinstruction of the
 * catalog selected ({@code -Dtailbench.switch.superinstructions=all}, what a tuning file's {@code interp.superinstructions}
 * sets, with all candidates), every non-SIMD file passes with no failure (the untuned engine passes 27,464 commands of
 * the pinned suite, {@code org.tailbench.interp.kit.ConformanceTest}; more than 27,000 must pass here). A tuning file names patterns, not modules,
 * so the same selection applies to all of the suite's modules. (In engines/interp, not engines/spectest: the runner's
 * module has no engine on its test class path since the engine test kit.)
 */
class SuperinstructionConformanceTest {
    @Test
    void switchWithEverySuperinstructionPassesTheSuite() {
        Optional<Path> json = Testsuite.jsonDir();
        assumeTrue(json.isPresent(), Testsuite.HOW_TO_GET);
        String property = EngineOptions.SWITCH_SUPERINSTRUCTIONS.property();
        String before = System.getProperty(property);
        System.setProperty(property, "all");
        try {
            List<String> failures = new ArrayList<>();
            int passed = 0, files = 0;
            for (Path f : SpecRunner.jsonFiles(json.get())) {
                if (SpecRunner.isSimd(f)) continue;
                SpecRunner.FileResult r = SpecRunner.runFile(f, Engines.byName("switch"));
                files++;
                passed += r.passed();
                for (SpecRunner.Failure x : r.failures()) failures.add(r.file() + ": " + x);
            }
            System.out.println("switch with every superinstruction: " + passed + " passed in " + files + " files, " + failures.size() + " failed");
            assertThat(failures).isEmpty();
            assertThat(passed).isGreaterThan(27_000);
        } finally {
            if (before == null) System.clearProperty(property); else System.setProperty(property, before);
        }
    }
}
