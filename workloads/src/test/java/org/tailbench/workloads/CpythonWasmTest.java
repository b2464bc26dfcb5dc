package org.tailbench.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.Decoder;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;

/**
 * The committed CPython-on-Wasm binaries (workloads/cpython, built by its build.sh; CI never rebuilds
 * them): they are the bytes manifest.json records, the -mtail-call build holds return_call* and the
 * other none (counted by our decoder, compared with wasm-objdump's counts in the manifest), and both
 * print 42 for {@code -c "print(6*7)"} and the benchmark scripts' native outputs on node's WASI, the
 * independent reference runtime.
 */
class CpythonWasmTest {
    private static final Path DIR = Path.of(System.getProperty("tailbench.workloads.dir", System.getProperty("user.dir")))
            .resolve("cpython");
    private static final List<String> FILES = List.of("python.wasm", "python-tailcall.wasm");

    private static JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("manifest.json").toFile());
    }

    private static JsonNode binary(String file) throws IOException {
        for (JsonNode b : manifest().get("binaries")) if (b.get("file").asText().equals(file)) return b;
        throw new AssertionError("manifest.json has no entry for " + file);
    }

    @Test
    void committedFilesHaveTheManifestsHashes() throws IOException {
        JsonNode m = manifest();
        assertThat(m.get("cpython").asText()).isEqualTo("3.13.5");
        assertThat(m.get("source").get("debianVersion").asText()).isNotBlank();
        for (String file : FILES) {
            JsonNode b = binary(file);
            byte[] bytes = Files.readAllBytes(DIR.resolve(file));
            assertThat(bytes.length).as("size of %s", file).isEqualTo(b.get("bytes").asLong());
            assertThat(sha256(bytes)).as("sha256 of %s", file).isEqualTo(b.get("sha256").asText());
        }
        JsonNode stdlib = m.get("stdlib").get("files");
        assertThat(stdlib.size()).as("stdlib subset files").isGreaterThan(20);
        for (Map.Entry<String, JsonNode> e : stdlib.properties()) {
            assertThat(sha256(Files.readAllBytes(DIR.resolve(e.getKey())))).as("sha256 of %s", e.getKey())
                    .isEqualTo(e.getValue().asText());
        }
        try (Stream<Path> lib = Files.walk(DIR.resolve("lib"))) {
            assertThat(lib.filter(Files::isRegularFile).count()).as("files under lib/ (all in the manifest)")
                    .isEqualTo(stdlib.size());
        }
        assertThat(DIR.resolve("LICENSE")).as("CPython's license next to the binaries").exists();
    }

    @Test
    void onlyTheTailcallBuildHoldsTailCalls() throws IOException {
        for (String file : FILES) {
            Module module = Decoder.decode(Files.readAllBytes(DIR.resolve(file)));
            int returnCall = 0, returnCallIndirect = 0;
            for (Module.Function f : module.functions) {
                returnCall += count(f.body(), Op.RETURN_CALL);
                returnCallIndirect += count(f.body(), Op.RETURN_CALL_INDIRECT);
            }
            JsonNode b = binary(file);
            // the manifest's counts come from wabt's wasm-objdump -d (build.sh, stdlib.py)
            assertThat(returnCall).as("return_call in %s", file).isEqualTo(b.get("returnCall").asInt());
            assertThat(returnCallIndirect).as("return_call_indirect in %s", file).isEqualTo(b.get("returnCallIndirect").asInt());
            if (file.equals("python.wasm")) {
                assertThat(returnCall + returnCallIndirect).as("return_call* in %s", file).isZero();
            } else {
                assertThat(returnCall).as("return_call in %s", file).isPositive();
                assertThat(returnCallIndirect).as("return_call_indirect in %s", file).isPositive();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python.wasm", "python-tailcall.wasm"})
    void printsFortyTwoOnNode(String file) throws Exception {
        assertThat(runOnNode(file, "-c", "print(6*7)")).isEqualTo("42\n");
    }

    /**
     * The benchmark scripts (cpython/bench) at their smoke size print on node what the native
     * python3.13 printed into bench/expected/NAME.smoke.out.
     */
    @ParameterizedTest
    @ValueSource(strings = {"python.wasm", "python-tailcall.wasm"})
    void benchmarkScriptsPrintTheNativeOutputOnNode(String file) throws Exception {
        JsonNode sizes = new ObjectMapper().readTree(DIR.resolve("bench/sizes.json").toFile());
        assertThat(sizes.size()).as("benchmarks in bench/sizes.json").isGreaterThanOrEqualTo(12);
        for (Map.Entry<String, JsonNode> e : sizes.properties()) {
            List<String> args = new ArrayList<>(List.of("/bench/" + e.getKey() + ".py"));
            for (JsonNode a : e.getValue().get("smoke")) args.add(a.asText());
            String expected = Files.readString(DIR.resolve("bench/expected/" + e.getKey() + ".smoke.out"), StandardCharsets.UTF_8);
            assertThat(runOnNode(file, args.toArray(String[]::new))).as("%s %s on node", file, args).isEqualTo(expected);
        }
    }

    /**
     * bench/suite.py (every script in one process, what {@link CpythonSuiteTest} runs on our engines) prints on
     * node the concatenation of the native outputs, each under its "== NAME ARGS" line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"python.wasm", "python-tailcall.wasm"})
    void suitePrintsTheNativeOutputsOnNode(String file) throws Exception {
        assertThat(runOnNode(file, "/bench/suite.py", CpythonSuiteTest.SIZE)).as("%s suite.py on node", file)
                .isEqualTo(CpythonSuiteTest.expected(CpythonSuiteTest.SIZE));
    }

    /**
     * The expected outputs hold published values: the Benchmarks Game's (nbody, spectral_norm),
     * Richards' totals, OEIS A000170 (92 solutions of 8 queens) and Dhrystone 2.1's "should be" lines.
     */
    @Test
    void expectedOutputsHoldPublishedValues() throws IOException {
        Path expected = DIR.resolve("bench/expected");
        for (String size : List.of("smoke", "default", "long")) {
            assertThat(Files.readString(expected.resolve("nbody." + size + ".out"))).as("nbody %s", size)
                    .startsWith("-0.169075164\n");
            List<String> richards = Files.readAllLines(expected.resolve("richards." + size + ".out"));
            assertThat(richards.subList(0, richards.size() - 1)).as("richards %s", size)
                    .allSatisfy(line -> assertThat(line).endsWith(" qpkt_count=23246 hold_count=9297 ok"));
        }
        JsonNode sizes = new ObjectMapper().readTree(DIR.resolve("bench/sizes.json").toFile());
        for (String size : List.of("smoke", "default", "long")) {
            String pystone = Files.readString(expected.resolve("pystone." + size + ".out"));
            long loops = Long.parseLong(sizes.get("pystone").get(size).get(0).asText());
            assertThat(pystone).as("pystone %s", size)
                    .contains("Int_Glob 5 Bool_Glob 1 Ch_1_Glob A Ch_2_Glob B\n")
                    .contains("Arr_2_Glob[8][7] " + (loops + 10) + "\n")
                    .contains("Int_Comp 17 ")
                    .contains("Int_1_Loc 5 Int_2_Loc 13 Int_3_Loc 7 Enum_Loc 2\n");
            if (sizes.get("nqueens").get(size).get(0).asText().equals("8")) {
                assertThat(Files.readString(expected.resolve("nqueens." + size + ".out"))).startsWith("8 queens: 92 solutions\n");
            }
        }
        // the later scripts' own checks, at every size: DeltaBlue's chain carries 0..99 to the end and its projection
        // test fixes dst = 17·10 + 1000 and src = (1050 − 1000) / 10 (the original benchmark's values); every hexiom
        // solution passes the cell-by-cell check; go's union-find bookkeeping agrees with a recount every time
        for (String size : List.of("tiny", "smoke", "default", "long")) {
            List<String> deltablue = Files.readAllLines(expected.resolve("deltablue." + size + ".out"));
            assertThat(deltablue).as("deltablue %s", size).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith(", failed checks 0"));
            assertThat(deltablue.stream().filter(l -> l.contains(" chain "))).allSatisfy(l -> assertThat(l).contains("last value 99"));
            assertThat(deltablue.stream().filter(l -> l.contains(" projection "))).allSatisfy(l -> assertThat(l).contains("dst 1170, src 5,"));
            List<String> hexiom = Files.readAllLines(expected.resolve("hexiom." + size + ".out"));
            assertThat(hexiom.stream().filter(l -> l.startsWith("puzzle "))).as("hexiom %s", size)
                    .hasSize(Integer.parseInt(sizes.get("hexiom").get(size).get(0).asText()))
                    .allSatisfy(l -> assertThat(l).endsWith(" nodes, valid"));
            String go = Files.readString(expected.resolve("go." + size + ".out"));
            int playouts = Integer.parseInt(sizes.get("go").get(size).get(0).asText());
            int checks = (playouts + 15) / 16;
            assertThat(go).as("go %s", size).contains("of " + playouts + " playouts\n")
                    .endsWith("bookkeeping consistent in " + checks + " of " + checks + " checks\n");
        }
        // fannkuch-redux at N = 10 (sizes.json's long): the Benchmarks Game's published 73196 and 38 flips
        assertThat(Files.readString(expected.resolve("fannkuch.long.out"))).as("fannkuch N=10")
                .isEqualTo("73196\nPfannkuchen(10) = 38\n");
        // spectral_norm at N = 100 (sizes.json's default)
        assertThat(Files.readString(expected.resolve("spectral_norm.default.out"))).isEqualTo("1.274219991\n");
        assertThat(new ObjectMapper().readTree(DIR.resolve("bench/sizes.json").toFile())
                .get("spectral_norm").get("default").get(0).asText()).isEqualTo("100");
    }

    /** stdout of python.wasm FILE with ARGS on node's WASI (lib/ as /lib, bench/ as /bench); fails on exit != 0. */
    private static String runOnNode(String file, String... args) throws Exception {
        assumeThat(onPath("node")).as("node is not installed (apt-get install -y nodejs)").isTrue();
        List<String> cmd = new ArrayList<>(List.of("node", "--no-warnings", "--stack-size=4000",
                "--experimental-wasi-unstable-preview1", DIR.resolveSibling("run-node.mjs").toString(),
                "--dir", DIR.resolve("lib") + "::/lib", "--dir", DIR.resolve("bench") + "::/bench",
                "--env", "PYTHONHOME=/", DIR.resolve(file).toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("cpython-node", ".out");
        Path err = Files.createTempFile("cpython-node", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("node finished within 3 minutes: %s", cmd).isTrue();
            assertThat(p.exitValue()).as("exit code of %s; stderr:\n%s", cmd, Files.readString(err)).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static int count(Code code, Op op) {
        int n = 0;
        for (int i = 0; i < code.length; i++) if (code.opAt(i) == op) n++;
        return n;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        return Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }
}
