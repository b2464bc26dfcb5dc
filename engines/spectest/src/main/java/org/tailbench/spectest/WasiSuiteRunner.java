package org.tailbench.spectest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Runs WASI preview 1 conformance tests (github.com/WebAssembly/wasi-testsuite) on one {@link Engine},
 * in-process, with the rules of upstream's runner ({@code test-runner/}, {@code adapters/wasmtime.py}):
 * for {@code NAME.wasm}, the optional {@code NAME.json} gives {@code args} (program arguments after
 * {@code argv[0]}, the file name), {@code env} (environment variables), {@code root} (a folder beside the test,
 * preopened as {@code /}) and {@code exit_code} (the expected exit status, 0 when absent). Each run gets a fresh
 * copy of {@code root} in a temporary folder (tests create and delete files there), an empty stdin and
 * captured stdout/stderr. A test passes when the program's exit status equals the expected one; stdout is not
 * compared. A trap counts as exit status {@value #TRAP_EXIT} (as {@code tailbench run}).
 */
public final class WasiSuiteRunner {
    /** The exit status a trap counts as (134, SIGABRT's shell status, as {@code tailbench run} and wasmtime report). */
    public static final int TRAP_EXIT = 134;
    /** How much of a test's stdout/stderr is kept for the report (bytes each). */
    static final int OUTPUT_LIMIT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WasiSuiteRunner() {}

    /**
     * The outcome of one test.
     * @param name     the test's name: its path below the given folder without {@code .wasm}, {@code tests/},
     *                 {@code testsuite/} and {@code wasm32-wasip1/} (e.g. {@code rust/path_link})
     * @param expected the expected exit status
     * @param actual   the exit status (or {@value #TRAP_EXIT} after a trap; -1 when the test did not run)
     * @param detail   why it failed ("" when it passed): the trap or load error, then the program's stderr
     */
    public record Result(String name, int expected, int actual, String detail) {
        public boolean passed() { return expected == actual; }

        /** @return {@code NAME: ok} or {@code NAME: FAILED (exit A, expected E)} */
        public String line() {
            return name + (passed() ? ": ok" : ": FAILED (exit " + actual + ", expected " + expected + ")");
        }
    }

    /** @return every {@code .wasm} test below {@code dir} (or {@code dir} itself when it is one), sorted by path */
    public static List<Path> tests(Path dir) {
        if (Files.isRegularFile(dir)) return dir.toString().endsWith(".wasm") ? List.of(dir) : List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".wasm") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the short name of {@code wasm} as listed below {@code base} (see {@link Result#name()}) */
    public static String name(Path base, Path wasm) {
        Path rel = Files.isRegularFile(base) ? wasm.getFileName() : base.relativize(wasm);
        List<String> parts = new ArrayList<>();
        for (Path c : rel) {
            String s = c.toString();
            if (!s.equals("tests") && !s.equals("testsuite") && !s.equals("wasm32-wasip1")) parts.add(s);
        }
        String n = String.join("/", parts);
        return n.endsWith(".wasm") ? n.substring(0, n.length() - 5) : n;
    }

    /**
     * Runs one test; never throws for what the program does (a malformed, invalid or unlinkable module, or an
     * unreadable {@code .json}, is a failure with exit status -1 and the error as detail).
     */
    public static Result run(Engine engine, String name, Path wasm) {
        int expected = 0;
        Path scratch = null;
        ByteArrayOutputStream err = new Bounded();
        try {
            Path json = wasm.resolveSibling(stem(wasm) + ".json");
            JsonNode spec = Files.exists(json) ? JSON.readTree(json.toFile()) : JSON.createObjectNode();
            expected = spec.path("exit_code").asInt(0);
            List<String> argv = new ArrayList<>();
            argv.add(wasm.getFileName().toString());
            spec.path("args").forEach(a -> argv.add(a.asText()));
            Map<String, String> env = new LinkedHashMap<>();
            spec.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            Wasi.Builder b = Wasi.builder().args(argv).env(env).stdin(new ByteArrayInputStream(new byte[0]))
                    .stdout(new Bounded()).stderr(err);
            if (spec.hasNonNull("root")) {
                scratch = Files.createTempDirectory("wasitest-");
                copyTree(wasm.resolveSibling(spec.get("root").asText()), scratch);
                b.preopen(scratch, "/");
            }
            ValidatedModule vm = ValidatedModule.of(Files.readAllBytes(wasm));
            var compiled = engine.compile(vm);
            try (Wasi wasi = b.build()) {
                int actual;
                String detail = "";
                try {
                    Instance instance = compiled.instantiate(new Store(), wasi.imports());
                    actual = wasi.runStart(instance);
                } catch (Trap t) {
                    actual = TRAP_EXIT;
                    detail = "trap: " + t.getMessage();
                }
                wasi.flush();
                if (actual != expected) detail = (detail + "\n" + err.toString(StandardCharsets.UTF_8)).strip();
                return new Result(name, expected, actual, detail);
            }
        } catch (IOException | RuntimeException e) { // malformed/invalid/unlinkable module, bad .json, engine limit
            return new Result(name, expected, -1, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (scratch != null) deleteTree(scratch);
        }
    }

    private static String stem(Path wasm) {
        String f = wasm.getFileName().toString();
        return f.endsWith(".wasm") ? f.substring(0, f.length() - 5) : f;
    }

    /** Copies the folder {@code from} into the existing folder {@code to} (contents only, fresh writable files). */
    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) throw new IOException("root folder " + from + " does not exist");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    /** Deletes {@code dir} and everything below it, never following symbolic links; failures are ignored. */
    static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }
                @Override public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }
                @Override public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    d.toFile().setWritable(true);
                    return FileVisitResult.CONTINUE;
                }
                @Override public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: a leftover temporary folder does not change the result
        }
    }

    /** Keeps the first {@value #OUTPUT_LIMIT} bytes written and drops the rest. */
    private static final class Bounded extends ByteArrayOutputStream {
        @Override public synchronized void write(int b) { if (count < OUTPUT_LIMIT) super.write(b); }
        @Override public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, Math.max(0, Math.min(len, OUTPUT_LIMIT - count)));
        }
    }
}
