package org.tailbench.wasm.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tailbench.wasm.MalformedModuleException;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.wasm.validate.Validator;

/**
 * Splits every valid module of the spec testsuite (non-SIMD; all value types, reference types, tables,
 * multi-value, imports, tail calls) with tiny budgets, so that nearly every function is cut, and checks
 * that the result validates and keeps the module's shape. Skipped when the testsuite is missing (see
 * ../shared/wasm-testsuite/README.md); behaviour is checked on generated code in engines/interp.
 */
class FunctionSplitterSpecCorpusTest {
    private static Path jsonDir() {
        String p = System.getProperty("tailbench.testsuite");
        Path dir = (p != null && !p.isBlank() ? Paths.get(p) : Paths.get("../../../shared/wasm-testsuite")).resolve("json");
        assumeTrue(Files.isDirectory(dir), "spec testsuite not found at " + dir);
        return dir;
    }

    /** A model under which the splitter's own glue is free, so that even tiny functions are cut everywhere. */
    private static final FunctionSplitter.SizeModel STRESS = (code, i) -> switch (code.opAt(i)) {
        case LOCAL_GET, LOCAL_SET, LOCAL_TEE, CALL, BR, BR_IF, BR_TABLE, BLOCK, LOOP, IF, ELSE, END, I32_CONST, RETURN -> 0;
        default -> 10;
    };

    @Test
    void everyValidSpecModuleSplitsIntoAValidModule() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(jsonDir())) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".wasm") && !f.getFileName().toString().startsWith("simd_"))
                    .sorted().toList();
        }
        int valid = 0, split = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            ValidatedModule vm;
            try {
                vm = ValidatedModule.of(Files.readAllBytes(f));
            } catch (MalformedModuleException | InvalidModuleException e) {
                continue;    // assert_malformed / assert_invalid modules
            }
            valid++;
            for (int budget : new int[] {12, 400}) {
                for (boolean cheap : new boolean[] {false, true}) {
                    try {
                        FunctionSplitter.Result r = FunctionSplitter.split(vm, new FunctionSplitter.Options(budget,
                                budget < 100 ? STRESS : FunctionSplitter.Options.DEFAULT_MODEL, cheap));
                        Validator.validate(r.module().module());
                        assertThat(r.module().module().exports).isEqualTo(vm.module().exports);
                        if (r.module() != vm) split++;
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(f.getFileName() + " budget " + budget + (cheap ? " cheap" : "") + ": " + e);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(valid).isGreaterThan(1000);
        System.out.println("spec corpus: " + valid + " valid modules, " + split + " (module, options) pairs changed");
        assertThat(split).isGreaterThan(500);
    }
}
