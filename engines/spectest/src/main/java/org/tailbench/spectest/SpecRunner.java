package org.tailbench.spectest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tailbench.runtime.Engine;

/**
 * Runs the WebAssembly spec testsuite, as converted by wabt's {@code wast2json}, against one
 * {@link Engine}. Each JSON file runs with one fresh {@link org.tailbench.runtime.Store} (so modules
 * linked with {@code register} share function addresses, tables and memories) and a fresh
 * {@link SpectestHost}. Commands are counted one by one: a failing or throwing command is recorded as
 * a {@link Failure} and the file goes on. Skipped: commands on text ({@code .wat}) modules and every
 * command of a {@code simd_*} file (no engine here executes SIMD).
 *
 * <p>In the default (lenient) mode, {@code assert_invalid} / {@code assert_malformed} /
 * {@code assert_unlinkable} / {@code assert_trap} commands whose module or action was rejected as
 * expected, but with a different message (or malformed-vs-invalid class), pass and are listed in
 * {@link FileResult#messageMismatches()}; in strict mode they fail.
 */
public final class SpecRunner {
    /** One command that did not do what the testsuite expects. */
    public record Failure(int line, String command, String detail) {
        @Override public String toString() { return "line " + line + ": " + command + ": " + detail; }
    }

    /**
     * The outcome of one JSON file: counts of commands, the failures (empty when {@code failed == 0})
     * and, in lenient mode, the rejections that passed with another message.
     */
    public record FileResult(String file, int passed, int failed, int skipped, List<Failure> failures,
                             List<Failure> messageMismatches) {
        public FileResult {
            failures = List.copyOf(failures);
            messageMismatches = List.copyOf(messageMismatches);
        }

        public FileResult(String file, int passed, int failed, int skipped, List<Failure> failures) {
            this(file, passed, failed, skipped, failures, List.of());
        }

        /** @return passed + failed + skipped */
        public int total() { return passed + failed + skipped; }

        /** @return "NAME: N passed, N failed, N skipped", then one line per failure */
        public String report() {
            StringBuilder sb = new StringBuilder(file).append(": ").append(passed).append(" passed, ")
                    .append(failed).append(" failed, ").append(skipped).append(" skipped");
            for (Failure f : failures) sb.append("\n  ").append(f);
            return sb.toString();
        }
    }

    /** Counts summed over files. */
    public record Totals(int files, int passed, int failed, int skipped) {
        public static Totals of(List<FileResult> results) {
            int p = 0, f = 0, s = 0;
            for (FileResult r : results) { p += r.passed(); f += r.failed(); s += r.skipped(); }
            return new Totals(results.size(), p, f, s);
        }

        @Override public String toString() { return passed + " passed, " + failed + " failed, " + skipped + " skipped"; }
    }

    private SpecRunner() {}

    /** Runs one file in lenient mode. @see #runFile(Path, Engine, boolean) */
    public static FileResult runFile(Path json, Engine engine) { return runFile(json, engine, false); }

    /**
     * Runs one {@code NAME.json} file; the module files it names are read from the same folder.
     * @param strict when true, an expected rejection with a different message (or exception class) fails
     * @return the counts; never throws for what a command does (an unreadable JSON file is one failure at line 0)
     */
    public static FileResult runFile(Path json, Engine engine, boolean strict) {
        return new FileRun(json, engine, strict).run();
    }

    /** Runs several files, in the given order. */
    public static List<FileResult> runFiles(List<Path> files, Engine engine, boolean strict) {
        List<FileResult> out = new ArrayList<>(files.size());
        for (Path p : files) out.add(runFile(p, engine, strict));
        return out;
    }

    /**
     * Runs {@code path}: a single {@code .json} file, or every {@code *.json} file of a folder (a
     * testsuite root is accepted too: its {@code json/} folder is used), sorted by name.
     */
    public static List<FileResult> runAll(Path path, Engine engine, boolean strict) {
        return runFiles(jsonFiles(path), engine, strict);
    }

    /**
     * @return {@code path} itself when it is a file, else the {@code *.json} files of the folder
     *         (or of its {@code json/} subfolder when there is one), sorted by name
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static List<Path> jsonFiles(Path path) {
        if (Files.isRegularFile(path)) return List.of(path);
        Path dir = Files.isDirectory(path.resolve("json")) ? path.resolve("json") : path;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list spec tests in " + dir, e);
        }
    }

    /** @return whether {@code json} is a SIMD file, whose commands are all skipped */
    public static boolean isSimd(Path json) { return json.getFileName().toString().startsWith("simd_"); }
}
