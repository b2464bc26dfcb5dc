package org.tailbench.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One catalog entry (workloads/workloads.json): a WASI command module and its arguments. Three
 * families (workloads/README.md): C programs and the guest VM (pyvm_*), whose expected outputs come
 * from a native gcc/clang build (workloads/build.sh), and real interpreters (py_*: CPython 3.13 on
 * Wasm running a script of workloads/cpython/bench), whose expected outputs come from the native
 * python3.13 (bench/update-expected.sh) and which need preopened directories and environment
 * variables ({@code dirs}, {@code env}). Module bytes, expected outputs and those directories are
 * class-path resources under {@value #RESOURCE_PREFIX}.
 *
 * @param name          short name, e.g. {@code nbody}
 * @param analogue      the pyperformance benchmark it mirrors
 * @param description   one line
 * @param args          program arguments (argv[1..]) per size name ({@code smoke}, {@code default}, ...)
 * @param expectedSha256 sha256 (hex) of the expected stdout per size
 * @param features      Wasm features the binary uses
 * @param wasmFile      the .wasm file name, relative to the workloads folder
 * @param dirs          directories to preopen: guest path (e.g. {@code /lib}) to a folder relative to the
 *                      workloads folder (e.g. {@code cpython/lib}); empty for most entries
 * @param env           environment variables of the guest (e.g. {@code PYTHONHOME=/}); empty for most entries
 * @param expected      the expected outputs' path prefix relative to the workloads folder; the output of
 *                      size S is {@code expected + "." + S + ".out"}; default {@code expected/NAME}
 */
public record Workload(String name, String analogue, String description, Map<String, List<String>> args,
                       Map<String, String> expectedSha256, List<String> features, String wasmFile,
                       Map<String, String> dirs, Map<String, String> env, String expected) {
    /** Class-path folder holding workloads.json, wasm/ and expected/. */
    public static final String RESOURCE_PREFIX = "/org/tailbench/workloads/";
    /** The tiny size: well under a second in an interpreter; used by tests. */
    public static final String SMOKE = "smoke";
    /** The benchmark size: roughly 10–40 ms natively. */
    public static final String DEFAULT = "default";

    /**
     * Checks the entry and freezes its collections (size order is kept).
     * @throws IllegalArgumentException when a field is missing, a size lacks args or a sha256, or a
     *         sha256 is not 64 hex digits
     */
    public Workload {
        requireText(name, "name", name);
        requireText(analogue, "analogue", name);
        requireText(description, "description", name);
        requireText(wasmFile, "wasmFile", name);
        if (args == null || args.isEmpty()) throw bad(name, "has no args/sizes");
        if (expectedSha256 == null || !expectedSha256.keySet().equals(args.keySet())) {
            throw bad(name, "expectedSha256 sizes " + (expectedSha256 == null ? "(none)" : expectedSha256.keySet())
                    + " differ from args sizes " + args.keySet());
        }
        Map<String, List<String>> a = new LinkedHashMap<>();
        args.forEach((size, list) -> {
            if (list == null || list.stream().anyMatch(Objects::isNull)) throw bad(name, "size " + size + " has null args");
            a.put(size, List.copyOf(list));
        });
        Map<String, String> s = new LinkedHashMap<>();
        for (String size : args.keySet()) {
            String hex = expectedSha256.get(size);
            if (hex == null || !hex.matches("[0-9a-f]{64}")) throw bad(name, "size " + size + " has bad sha256 " + hex);
            s.put(size, hex);
        }
        args = Collections.unmodifiableMap(a);
        expectedSha256 = Collections.unmodifiableMap(s);
        features = features == null ? List.of() : List.copyOf(features);
        dirs = dirs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dirs));
        env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
        for (Map.Entry<String, String> d : dirs.entrySet()) {
            if (d.getKey() == null || !d.getKey().startsWith("/") || d.getValue() == null || d.getValue().isBlank()
                    || d.getValue().startsWith("/") || d.getValue().contains("..")) {
                throw bad(name, "has a bad dirs entry " + d.getKey() + " -> " + d.getValue()
                        + " (guest path from /, folder relative to the workloads folder)");
            }
        }
        if (expected == null) expected = "expected/" + name;
    }

    /** A C program and the guest VM keep the old constructor shape: no dirs, no env, expected/NAME. */
    public Workload(String name, String analogue, String description, Map<String, List<String>> args,
                    Map<String, String> expectedSha256, List<String> features, String wasmFile) {
        this(name, analogue, description, args, expectedSha256, features, wasmFile, null, null, null);
    }

    /** @return the size names in catalog order, e.g. {@code [smoke, default]} */
    public Set<String> sizes() { return args.keySet(); }

    /**
     * @return the full WASI argv for {@code size}: the program name, then {@code args.get(size)}
     * @throws IllegalArgumentException naming the known sizes, when there is no such size
     */
    public List<String> argv(String size) {
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(argsFor(size));
        return List.copyOf(argv);
    }

    /**
     * @return the module bytes (a WASI command: exports {@code _start} and {@code memory})
     * @throws IllegalStateException when the resource is missing from the class path
     */
    public byte[] wasm() { return resource(wasmFile); }

    /**
     * @return the exact stdout the program prints at {@code size} (from the native build)
     * @throws IllegalArgumentException naming the known sizes, when there is no such size
     * @throws IllegalStateException when the resource is missing from the class path
     */
    public byte[] expectedStdout(String size) {
        argsFor(size);
        return resource(expected + "." + size + ".out");
    }

    /**
     * Checks a run's stdout against the catalog's sha256 for {@code size}.
     * @throws IllegalArgumentException naming the known sizes, when there is no such size
     * @throws IllegalStateException when the output differs, with both hashes and the first
     *         differing line of expected and actual output
     */
    public void verifyStdout(String size, byte[] stdout) {
        argsFor(size);
        String want = expectedSha256.get(size), got = sha256Hex(stdout);
        if (want.equals(got)) return;
        String detail;
        try {
            detail = firstDifference(expectedStdout(size), stdout);
        } catch (IllegalStateException e) {
            detail = "(expected output not on the class path)";
        }
        throw new IllegalStateException("workload " + name + " size " + size + ": stdout sha256 " + got
                + ", expected " + want + "; " + detail);
    }

    /** @return {@code true} when {@code stdout} has the catalog's sha256 for {@code size} */
    public boolean stdoutMatches(String size, byte[] stdout) {
        argsFor(size);
        return expectedSha256.get(size).equals(sha256Hex(stdout));
    }

    /**
     * The host folders to preopen for a run: guest path to a real directory. From a class-path folder
     * (tests, an IDE) that is the folder itself; from a jar (the JMH uber-jar) the folder is copied
     * once per JVM into a temporary directory, deleted at exit.
     * @return guest path to host directory, in catalog order; empty for most entries
     * @throws IllegalStateException when a folder is missing from the class path or cannot be copied
     */
    public Map<String, java.nio.file.Path> hostDirs() {
        Map<String, java.nio.file.Path> m = new LinkedHashMap<>();
        dirs.forEach((guest, folder) -> m.put(guest, ResourceDirs.hostDir(RESOURCE_PREFIX + folder)));
        return Collections.unmodifiableMap(m);
    }

    /** @return lower-case hex sha256 of {@code bytes} */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private List<String> argsFor(String size) {
        List<String> a = args.get(size);
        if (a == null) {
            throw new IllegalArgumentException("workload " + name + " has no size \"" + size + "\"; sizes are " + sizes());
        }
        return a;
    }

    private static byte[] resource(String relative) {
        String path = RESOURCE_PREFIX + relative;
        try (InputStream in = Workload.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource " + path
                        + " is missing (build the tailbench-workloads module; workloads/build.sh makes the files)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading class-path resource " + path, e);
        }
    }

    private static String firstDifference(byte[] expected, byte[] actual) {
        String[] e = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        String[] a = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "(end of output)", al = i < a.length ? a[i] : "(end of output)";
            if (!el.equals(al)) return "line " + (i + 1) + ": expected \"" + el + "\", got \"" + al + "\"";
        }
        return "the outputs differ only in bytes that are not valid UTF-8 (" + expected.length + " vs "
                + actual.length + " bytes)";
    }

    private static void requireText(String value, String field, String name) {
        if (value == null || value.isBlank()) throw bad(name, "has no " + field);
    }

    private static IllegalArgumentException bad(String name, String what) {
        return new IllegalArgumentException("workloads.json: entry " + (name == null ? "(unnamed)" : name) + " " + what);
    }
}
