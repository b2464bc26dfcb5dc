package org.tailbench.wasm.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.wasm.Decoder;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.MalformedModuleException;
import org.tailbench.wasm.Module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the validator over every non-SIMD spec testsuite file (wast2json output, see
 * ../shared/wasm-testsuite/README.md): each binary {@code assert_invalid} module must be rejected with
 * an {@link InvalidModuleException} whose spec message starts with the command's expected text, and
 * every module of {@code module}, {@code assert_unlinkable} and {@code assert_uninstantiable} commands
 * must validate (those fail, if at all, when linked or instantiated). {@code assert_malformed} is the
 * decoder's business and skipped here.
 */
class ValidatorSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Commands whose binary cannot carry what the wast source tests, with the reason. select.2:
     * {@code (select (result) ...)} was converted by wast2json to the untyped {@code select} opcode 0x1B
     * (bytes {@code 41 01 1b 0b}), whose spec error is "type mismatch", not "invalid result arity".
     */
    private static final java.util.Map<String, String> BINARY_CANNOT_EXPRESS = java.util.Map.of(
            "select.2.wasm", "type mismatch");

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(jsonDir())) {
            return s.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith("simd_"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void validatesLikeTheSpec(String jsonFile) throws IOException {
        JsonNode root = JSON.readTree(jsonDir().resolve(jsonFile).toFile());
        List<String> failures = new ArrayList<>();
        int invalid = 0, valid = 0;
        for (JsonNode c : root.get("commands")) {
            String type = c.get("type").asText();
            JsonNode fn = c.get("filename");
            if (fn == null || !fn.asText().endsWith(".wasm") || type.equals("assert_malformed")) continue;
            String where = jsonFile + ":" + c.path("line").asInt() + " " + type + " " + fn.asText();
            String got = outcome(Files.readAllBytes(jsonDir().resolve(fn.asText())));
            if (type.equals("assert_invalid")) {
                invalid++;
                String text = BINARY_CANNOT_EXPRESS.getOrDefault(fn.asText(), c.get("text").asText());
                if (!got.startsWith("invalid: " + text)) failures.add(where + "\n    expected: invalid: " + text + "\n    got:      " + got);
            } else {
                valid++;
                if (!got.equals("valid")) failures.add(where + "\n    expected: valid\n    got:      " + got);
            }
        }
        System.out.printf("%s: %d assert_invalid, %d modules to validate, %d failures%n", jsonFile, invalid, valid, failures.size());
        assertThat(failures).as("validator disagreements with " + jsonFile + ":\n" + String.join("\n", failures)).isEmpty();
    }

    /** @return "valid", "invalid: " + spec message, or "malformed: " + spec message */
    private static String outcome(byte[] bytes) {
        Module m;
        try {
            m = Decoder.decode(bytes);
        } catch (MalformedModuleException e) {
            return "malformed: " + e.getMessage();
        }
        try {
            ValidatedModule v = Validator.validate(m);
            assertThat(v.functions()).hasSize(m.functions.size());
            return "valid";
        } catch (InvalidModuleException e) {
            return "invalid: " + e.specMessage() + "    [" + e.getMessage() + "]";
        }
    }

    /** The testsuite's json folder; skips (never passes) the test when the testsuite is missing. */
    static Path jsonDir() {
        String p = System.getProperty("tailbench.testsuite");
        Path base = p != null && !p.isBlank() ? Paths.get(p) : Paths.get("../../../shared/wasm-testsuite");
        Path dir = base.resolve("json").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir), "spec testsuite not found at " + dir
                + ": put it at ../shared/wasm-testsuite beside the repository (see that folder's README: "
                + "github.com/WebAssembly/testsuite converted with `wast2json --enable-all`) or pass -Dtailbench.testsuite=DIR");
        return dir;
    }
}
