package org.tailbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

class FailuresTest {
    @Test
    void aTrapIsNamedByItsKindOnOneLine() {
        assertThat(Failures.reason(new Trap(TrapKind.CALL_STACK_EXHAUSTED, "call stack\nexhausted", null)))
                .isEqualTo("trap call stack exhausted: call stack exhausted");
        assertThat(Failures.reason(new UnsupportedOperationException("wasmtime: rejected")))
                .isEqualTo("UnsupportedOperationException: wasmtime: rejected");
        assertThat(Failures.reason(new IllegalStateException("x".repeat(1000)))).hasSize(300).endsWith("…");
    }

    @Test
    void theFileIsNamedEngineWorkloadAndStartsWithTheReason(@TempDir Path dir) throws IOException {
        Path f = Failures.write(dir.resolve("failures"), "chicory-aot", "pyvm_tailcall", "default",
                "org.tailbench.bench.WorkloadBenchmark.run", new Trap(TrapKind.CALL_STACK_EXHAUSTED));
        assertThat(f.getFileName().toString()).isEqualTo("chicory-aot__pyvm_tailcall.txt");
        assertThat(Files.readAllLines(f).getFirst()).isEqualTo("trap call stack exhausted: call stack exhausted");
        assertThat(Files.readString(f)).contains("benchmark: org.tailbench.bench.WorkloadBenchmark.run, size default");
        try (var s = Files.list(dir.resolve("failures"))) {
            assertThat(s.toList()).as("no temporary file is left behind").hasSize(1);
        }
    }
}
