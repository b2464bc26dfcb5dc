package org.tailbench.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Integrity of the bundled catalog: sizes, module bytes and expected outputs agree. */
class WorkloadCatalogTest {
    private static final WorkloadCatalog CATALOG = WorkloadCatalog.load();

    static Stream<Workload> workloads() { return CATALOG.all().stream(); }

    @Test
    void listsTheCorePrograms() {
        assertThat(CATALOG.names()).contains("nbody", "fannkuch", "bytecode_vm");
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void everyEntryHasSmokeAndDefaultSizes(Workload w) {
        assertThat(w.args()).containsKeys(Workload.SMOKE, Workload.DEFAULT);
        assertThat(w.expectedSha256().keySet()).isEqualTo(w.args().keySet());
        assertThat(w.features()).contains("mvp");
        assertThat(w.argv(Workload.SMOKE)).first().isEqualTo(w.name());
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void wasmStartsWithMagicAndVersion(Workload w) {
        byte[] bytes = w.wasm();
        assertThat(bytes).hasSizeGreaterThan(8);
        // Wasm spec §5.5.16: magic "\0asm", version 1 (little-endian u32).
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void expectedOutputsMatchTheirSha256(Workload w) throws Exception {
        for (String size : w.sizes()) {
            byte[] out = w.expectedStdout(size);
            // py_startup (-c pass) is the one entry that prints nothing
            if (!w.args().get(size).contains("-c")) assertThat(out).as("%s.%s.out", w.name(), size).isNotEmpty();
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out));
            assertThat(sha).as("sha256 of %s.%s.out", w.name(), size).isEqualTo(w.expectedSha256().get(size));
            w.verifyStdout(size, out);
        }
    }

    /** Published answers of the original benchmarks (Computer Language Benchmarks Game, OEIS). */
    @Test
    void expectedOutputsHoldTheKnownAnswers() {
        // nbody: energy before any step, and after 1000 steps (the Benchmarks Game's sample output)
        assertThat(text("nbody", Workload.SMOKE)).isEqualTo("-0.169075164\n-0.169087605\n");
        // fannkuch-redux, n=6: max flips 10 (OEIS A000375(6) = 10); checksum 49
        assertThat(text("fannkuch", Workload.SMOKE)).isEqualTo("49\nPfannkuchen(6) = 10\n");
        // n=9: max flips 30 (A000375(9) = 30)
        assertThat(text("fannkuch", Workload.DEFAULT)).endsWith("\nPfannkuchen(9) = 30\n");
        // n=11: checksum 556355, max flips 51 (A000375(11) = 51; the Benchmarks Game's n=11 output)
        assertThat(text("fannkuch", "long")).isEqualTo("556355\nPfannkuchen(11) = 51\n");
        // bytecode_vm 200 10: longest Collatz chain below 200 starts at 171 (124 steps); fib(10) = 55
        assertThat(text("bytecode_vm", Workload.SMOKE)).endsWith("124\n171\n55\n");
        // bytecode_vm 7000 20: 6171 has the longest chain below 10^4, so below 7000 (261 steps); fib(20) = 6765
        assertThat(text("bytecode_vm", Workload.DEFAULT)).endsWith("261\n6171\n6765\n");
    }

    @Test
    void unknownNamesAndSizesAreRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> CATALOG.get("no-such-program"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-program").hasMessageContaining("nbody").hasMessageContaining("fannkuch");
        Workload nbody = CATALOG.get("nbody");
        assertThatThrownBy(() -> nbody.expectedStdout("huge"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smoke");
    }

    @Test
    void verifyStdoutReportsTheFirstDifferingLine() {
        Workload nbody = CATALOG.get("nbody");
        byte[] wrong = "-0.169075164\n-0.169087606\n".getBytes(StandardCharsets.UTF_8);
        assertThat(nbody.stdoutMatches(Workload.SMOKE, wrong)).isFalse();
        assertThatThrownBy(() -> nbody.verifyStdout(Workload.SMOKE, wrong))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2").hasMessageContaining("-0.169087605");
    }

    @Test
    void badCatalogsAreRejected() {
        String missingSha = """
                {"workloads": [{"name": "x", "analogue": "a", "description": "d", "args": {"smoke": ["1"]},
                  "expectedSha256": {}, "features": ["mvp"], "wasmFile": "wasm/x.wasm"}]}""";
        assertThatThrownBy(() -> WorkloadCatalog.parse(new ByteArrayInputStream(missingSha.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expectedSha256");
        String unknownField = "{\"workloads\": [], \"extra\": 1}";
        assertThatThrownBy(() -> WorkloadCatalog.parse(new ByteArrayInputStream(unknownField.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("extra");
    }

    private static String text(String name, String size) {
        return new String(CATALOG.get(name).expectedStdout(size), StandardCharsets.UTF_8);
    }
}
