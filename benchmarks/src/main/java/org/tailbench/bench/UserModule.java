package org.tailbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user's own WASI command module benchmarked in place of a catalog workload: the benchmarks'
 * {@code wasmFile} parameter names the file, {@code wasmArgs} its arguments, {@code workload} the row name.
 *
 * @param name  the row name in the tables (and the program's argv[0])
 * @param file  the module file
 * @param bytes the module bytes
 * @param argv  the program name, then the arguments
 */
record UserModule(String name, Path file, byte[] bytes, List<String> argv) {

    /**
     * Reads the module and its arguments.
     * @param name     row name; when blank, the file name without {@code .wasm}
     * @param wasmArgs see {@link #parseArgs}
     * @throws IllegalArgumentException when the file or the argument file cannot be read
     */
    static UserModule load(String name, String wasmFile, String wasmArgs) {
        Path file;
        try {
            file = Path.of(wasmFile);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("bad wasmFile path " + wasmFile + ": " + e.getMessage(), e);
        }
        byte[] bytes = read(file, "wasmFile");
        String n = name == null || name.isBlank() ? file.getFileName().toString().replaceFirst("\\.wasm$", "") : name;
        List<String> argv = new ArrayList<>();
        argv.add(n);
        argv.addAll(parseArgs(wasmArgs));
        return new UserModule(n, file, bytes, List.copyOf(argv));
    }

    /**
     * The {@code wasmArgs} parameter: blank = no arguments; {@code @FILE} = one argument per line of FILE
     * (UTF-8, every line including empty ones, a final newline ends the last line, like javac's
     * {@code @argfiles} but without quoting); anything else = arguments separated by whitespace. JMH splits
     * {@code -p} values at commas, so an argument with a comma or a space needs the {@code @FILE} form
     * (which is what {@code run-bench.sh --wasm} always uses).
     * @throws IllegalArgumentException when the argument file cannot be read
     */
    static List<String> parseArgs(String wasmArgs) {
        if (wasmArgs == null || wasmArgs.isBlank()) return List.of();
        if (wasmArgs.startsWith("@")) {
            Path p;
            try {
                p = Path.of(wasmArgs.substring(1));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("bad wasmArgs file path " + wasmArgs + ": " + e.getMessage(), e);
            }
            String text = new String(read(p, "wasmArgs file"), StandardCharsets.UTF_8);
            if (text.isEmpty()) return List.of();
            if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
            return List.of(text.split("\n", -1));
        }
        return Arrays.stream(wasmArgs.strip().split("\\s+")).toList();
    }

    private static byte[] read(Path p, String what) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + p + ": " + e, e);
        }
    }
}
