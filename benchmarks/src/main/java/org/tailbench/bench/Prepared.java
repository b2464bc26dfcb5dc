package org.tailbench.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * What the benchmarks share: one module with its argv, decoded, validated and compiled once by one
 * engine, plus the check of a run's output. Everything here happens outside the measured operations.
 *
 * <p>The module is either a catalog workload at one size (its stdout must hash to the catalog's sha256),
 * or a user's {@code .wasm} file ({@link UserModule}: there is no expected output, so the first run's
 * stdout sha256 and exit code become the reference every later run of the trial must reproduce).
 */
final class Prepared {
    final String engineName;
    /** the catalog entry, or null for a user's file */
    final Workload workload;
    /** the row name: the catalog name, or the user module's name */
    final String name;
    final String size;
    /** argv as the program sees it ({@link Workload#argv}): the program name, then the arguments */
    final List<String> argv;
    /** lower-case hex sha256 of the expected stdout; for a user's file null until the first {@link #check} */
    String expectedSha256;
    /** for a user's file: the first run's exit code (set with {@link #expectedSha256}) */
    private int expectedExit;
    final Engine engine;
    final CompiledModule compiled;

    /** A catalog workload (the form the tests build directly). */
    Prepared(String engineName, Workload workload, String size, List<String> argv, String expectedSha256,
             Engine engine, CompiledModule compiled) {
        this(engineName, workload, workload.name(), size, argv, expectedSha256, engine, compiled);
    }

    private Prepared(String engineName, Workload workload, String name, String size, List<String> argv,
                     String expectedSha256, Engine engine, CompiledModule compiled) {
        this.engineName = engineName;
        this.workload = workload;
        this.name = name;
        this.size = size;
        this.argv = argv;
        this.expectedSha256 = expectedSha256;
        this.engine = engine;
        this.compiled = compiled;
    }

    /**
     * Looks up, decodes, validates and compiles a catalog workload.
     * @throws IllegalArgumentException for an unknown engine, workload or size
     */
    static Prepared of(String engineName, String workloadName, String size) {
        Engine engine = Engines.byName(engineName);
        Workload workload = WorkloadCatalog.load().get(workloadName);
        List<String> argv = workload.argv(size);  // throws, naming the sizes, for an unknown size
        String expected = workload.expectedSha256().get(size);
        ValidatedModule module = ValidatedModule.of(workload.wasm());
        CompiledModule compiled = engine.compile(module);
        return new Prepared(engineName, workload, size, argv, expected, engine, compiled);
    }

    /**
     * The benchmarks' entry point: a catalog workload when {@code wasmFile} is blank, else the user's
     * module {@code wasmFile} with the arguments {@code wasmArgs} (see {@link UserModule#parseArgs}),
     * named {@code workloadName} in the tables ({@code size} is then only a label).
     * @throws IllegalArgumentException for an unknown engine/workload/size, or an unreadable file
     */
    static Prepared of(String engineName, String workloadName, String size, String wasmFile, String wasmArgs) {
        if (wasmFile == null || wasmFile.isBlank()) return of(engineName, workloadName, size);
        Engine engine = Engines.byName(engineName);
        UserModule user = UserModule.load(workloadName, wasmFile, wasmArgs);
        CompiledModule compiled = engine.compile(ValidatedModule.of(user.bytes()));
        return new Prepared(engineName, null, user.name(), size, user.argv(), null, engine, compiled);
    }

    /**
     * @return a fresh WASI host for one run of the program: {@link #argv}, empty stdin, stdout/stderr to the
     *         given streams, and a seeded {@code random_get} (reproducible, and no {@code SecureRandom}
     *         seeding inside the timed operation)
     */
    Wasi newWasi(OutputStream stdout, OutputStream stderr) {
        return Wasi.builder().args(argv).stdin(InputStream.nullInputStream()).stdout(stdout).stderr(stderr)
                .randomSeed(RANDOM_SEED).build();
    }

    /** Seed of the guest's {@code random_get}. */
    static final long RANDOM_SEED = 42L;

    /** @return a fresh instance (new store, new memory with data segments) linked to {@code wasi} */
    Instance instantiate(Wasi wasi) {
        return compiled.instantiate(new Store(), wasi.imports());
    }

    /** The observable result of one run. */
    record Run(int exitCode, byte[] stdout, byte[] stderr) {}

    /** Runs the program once, untimed (setup-time sanity run). */
    Run runOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (Wasi wasi = newWasi(out, err)) {
            exit = wasi.runStart(instantiate(wasi));
        }
        return new Run(exit, out.toByteArray(), err.toByteArray());
    }

    /** Prefix of the line {@link #check} prints for a user's module's first run (run-bench.sh looks for it). */
    static final String FIRST_RUN_LINE = "tailbench: first run stdout sha256 ";

    /**
     * Catalog workload: fails when a run's exit code is not 0 or its stdout does not hash to
     * {@link #expectedSha256}. User's file: the first call records the run's stdout sha256 and exit code
     * (and prints {@link #FIRST_RUN_LINE}{@code <sha256> exit <code> <label>} to stdout, which JMH copies
     * into its log); later calls fail when either differs.
     * @throws IllegalStateException naming engine, workload and size, with both hashes and (for a catalog
     *         workload) the first differing line (from {@link Workload#verifyStdout})
     */
    void check(Run run) {
        if (run == null) {
            throw new IllegalStateException(label() + ": no run was recorded in this iteration");
        }
        if (workload == null) {
            checkAgainstFirstRun(run);
            return;
        }
        try {
            workload.verifyStdout(size, run.stdout());
        } catch (IllegalStateException e) {
            throw new IllegalStateException(label() + ": WRONG ANSWER: " + e.getMessage() + "\n  exit code "
                    + run.exitCode() + "; stderr begins: " + excerpt(run.stderr()), e);
        }
        if (run.exitCode() != 0) {
            throw new IllegalStateException(label() + ": exit code " + run.exitCode()
                    + " (expected 0); stderr begins: " + excerpt(run.stderr()));
        }
    }

    private void checkAgainstFirstRun(Run run) {
        String got = Workload.sha256Hex(run.stdout());
        if (expectedSha256 == null) {
            expectedSha256 = got;
            expectedExit = run.exitCode();
            System.out.println(FIRST_RUN_LINE + got + " exit " + run.exitCode() + " " + label());
            recordFirstRun(got, run.exitCode());
            return;
        }
        if (!got.equals(expectedSha256) || run.exitCode() != expectedExit) {
            throw new IllegalStateException(label() + ": OUTPUT CHANGED: stdout sha256 " + got + " exit code "
                    + run.exitCode() + ", but the first run gave " + expectedSha256 + " exit code " + expectedExit
                    + " (a user's module has no expected output: every run must repeat the first)"
                    + "; stderr begins: " + excerpt(run.stderr()));
        }
    }

    /** System property naming the folder where a user's module's first runs are recorded, one file per engine. */
    static final String FIRST_RUN_DIR = "tailbench.firstrun.dir";

    /** Writes {@code <dir>/<engine>.txt} = {@code <sha256> <exit code>} when {@value #FIRST_RUN_DIR} is set; never throws. */
    private void recordFirstRun(String sha, int exit) {
        String dir = System.getProperty(FIRST_RUN_DIR);
        if (dir == null || dir.isBlank()) return;
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            java.nio.file.Files.writeString(java.nio.file.Path.of(dir, engineName.replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt"),
                    sha + " " + exit + "\n");
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("tailbench: could not record the first run: " + e);
        }
    }

    String label() {
        return "engine=" + engineName + " workload=" + name + " size=" + size;
    }

    private static String excerpt(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        return '"' + s.replace("\n", "\\n") + (bytes.length > 200 ? "…" : "") + '"';
    }
}
