package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which recorded failures a run expects (a peer's; a naive baseline exhausting the stack) and which it does not. */
class RunFailuresTest {
    @Test
    void peersAndNaiveStackExhaustionAreExpectedOtherFailuresAreNot(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("aot-naive__pyvm_tailcall.txt"), "trap call stack exhausted: call stack exhausted\nbenchmark: x\n");
        Files.writeString(dir.resolve("aot-naive__nbody.txt"), "trap out of bounds memory access: out of bounds memory access\n");
        Files.writeString(dir.resolve("aot__pyvm_tailcall.txt"), "trap call stack exhausted: call stack exhausted\n");
        Files.writeString(dir.resolve("wasmtime__pyvm_tailcall.txt"), "IllegalStateException: tail calls unsupported\n");
        RunFailures f = RunFailures.read(dir);
        assertThat(f.expected("aot-naive", "pyvm_tailcall", false)).isTrue();
        assertThat(f.expected("aot-naive", "nbody", false)).isFalse();
        assertThat(f.expected("aot", "pyvm_tailcall", false)).isFalse();
        assertThat(f.expected("wasmtime", "pyvm_tailcall", true)).isTrue();
        assertThat(f.expected("wasmtime", "nbody", true)).isFalse();
    }
}
