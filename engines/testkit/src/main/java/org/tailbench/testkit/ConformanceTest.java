package org.tailbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tailbench.runtime.Engine;
import org.tailbench.spectest.SpecRunner;
import org.tailbench.spectest.SpecRunner.FileResult;
import org.tailbench.spectest.Testsuite;

/**
 * The spec runner's per-engine conformance test: the engines a subclass names ({@link EngineSuite}) against every file
 * of the pinned spec testsuite ({@link Testsuite#jsonDir()}); no command may fail. SIMD files and text-format modules
 * are skipped (and counted); each engine ends with a summary line {@code engine NAME: N passed, N failed, N skipped}.
 */
public abstract class ConformanceTest extends EngineSuite {
    /** Far above what any file needs (the slowest takes a few seconds). */
    private static final Duration PER_FILE = Duration.ofMinutes(5);

    @TestFactory
    Stream<DynamicNode> everyEngineOnEveryFile() {
        Optional<Path> json = Testsuite.jsonDir();
        assumeTrue(json.isPresent(), Testsuite.HOW_TO_GET);
        List<Path> files = SpecRunner.jsonFiles(json.get());
        assertThat(files).as("json files in " + json.get()).isNotEmpty();
        return engines().stream().map(engine -> forEngine(engine, files));
    }

    private static DynamicContainer forEngine(Engine engine, List<Path> files) {
        List<FileResult> results = new ArrayList<>();
        List<DynamicNode> tests = new ArrayList<>();
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                // preemptive: a hanging engine fails this file instead of stalling the build
                FileResult r = assertTimeoutPreemptively(PER_FILE, () -> SpecRunner.runFile(file, engine),
                        () -> engine.name() + " " + file.getFileName() + " did not finish in " + PER_FILE);
                results.add(r);
                assertThat(r.failed())
                        .as(() -> engine.name() + " " + r.file() + ": " + r.failed() + " failed\n"
                                + r.failures().stream().limit(50).map(f -> "  " + f).collect(Collectors.joining("\n"))
                                + (r.failures().size() > 50 ? "\n  ... " + (r.failures().size() - 50) + " more" : ""))
                        .isZero();
            }));
        }
        tests.add(DynamicTest.dynamicTest("summary", () -> {
            SpecRunner.Totals t = SpecRunner.Totals.of(results);
            int mismatches = results.stream().mapToInt(r -> r.messageMismatches().size()).sum();
            for (FileResult r : results) {
                for (SpecRunner.Failure m : r.messageMismatches()) System.out.println("  note: " + r.file() + " " + m);
            }
            System.out.println("engine " + engine.name() + ": " + t + " (" + t.files() + " files, "
                    + mismatches + " rejections with another message, listed above)");
            assertThat(t.files()).isEqualTo(files.size());
            assertThat(t.passed()).isPositive();
        }));
        return DynamicContainer.dynamicContainer("engine " + engine.name(), tests);
    }
}
