package org.tailbench.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Test access to the spec testsuite's wast2json output ({@code json/NAME.json} plus {@code .wasm}
 * files beside it). The folder comes from system property {@code tailbench.testsuite} (set by the
 * parent pom), else {@code ../shared/wasm-testsuite} relative to the repository root.
 */
final class SpecSuite {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command of a json file that names a binary module. */
    record Command(String file, int line, String type, String wasm, String text, String moduleType) {
        Path path() { return jsonDir().resolve(wasm); }
        byte[] bytes() {
            try { return Files.readAllBytes(path()); } catch (IOException e) { throw new UncheckedIOException(e); }
        }
        @Override public String toString() { return file + ":" + line + " " + type + " " + wasm; }
    }

    private SpecSuite() {}

    /** @return the json folder; skips the calling test (never passes it) when the testsuite is missing */
    static Path jsonDir() {
        Path dir = locate().resolve("json");
        assumeTrue(Files.isDirectory(dir), "spec testsuite not found at " + dir
                + ": put it at ../shared/wasm-testsuite beside the repository (see that folder's README: "
                + "github.com/WebAssembly/testsuite converted with `wast2json --enable-all`) or pass -Dtailbench.testsuite=DIR");
        return dir;
    }

    private static Path locate() {
        String p = System.getProperty("tailbench.testsuite");
        if (p != null && !p.isBlank() && Files.isDirectory(Paths.get(p))) return Paths.get(p);
        Path dir = Paths.get("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("../shared/wasm-testsuite").normalize();
            if (Files.isDirectory(d.resolve(".git")) || Files.exists(d.resolve("engines"))) {
                if (Files.isDirectory(candidate)) return candidate;
            }
        }
        return dir.resolve("../shared/wasm-testsuite").normalize();
    }

    /** @return the names of the non-SIMD json files, sorted (empty, and the caller skipped, when missing) */
    static Stream<String> nonSimdFiles() {
        Path dir = jsonDir();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith("simd_"))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every command of {@code jsonFile} that carries a binary module (a {@code .wasm} filename) */
    static List<Command> binaryCommands(String jsonFile) {
        try {
            JsonNode root = JSON.readTree(jsonDir().resolve(jsonFile).toFile());
            List<Command> out = new ArrayList<>();
            for (JsonNode c : root.get("commands")) {
                JsonNode fn = c.get("filename");
                if (fn == null || !fn.asText().endsWith(".wasm")) continue;
                out.add(new Command(jsonFile, c.path("line").asInt(), c.get("type").asText(), fn.asText(),
                        c.path("text").asText(null), c.path("module_type").asText("binary")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
