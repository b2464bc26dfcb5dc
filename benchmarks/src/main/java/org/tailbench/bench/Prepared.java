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
 * What the benchmarks share: one catalog workload at one size, decoded, validated and compiled once
 * by one engine, plus the check of a run's output against the catalog's expected sha256.
 * Everything here happens outside the measured operations.
 */
final class Prepared {
    final String engineName;
    final Workload workload;
    final String size;
    /** argv as the program sees it ({@link Workload#argv}): the workload name, then the catalog's args for {@link #size} */
    final List<String> argv;
    /** lower-case hex sha256 of the expected stdout */
    final String expectedSha256;
    final Engine engine;
    final CompiledModule compiled;

    Prepared(String engineName, Workload workload, String size, List<String> argv, String expectedSha256,
                     Engine engine, CompiledModule compiled) {
        this.engineName = engineName;
        this.workload = workload;
        this.size = size;
        this.argv = argv;
        this.expectedSha256 = expectedSha256;
        this.engine = engine;
        this.compiled = compiled;
    }

    /**
     * Looks up, decodes, validates and compiles a workload.
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

    /**
     * Fails when a run's exit code is not 0 or its stdout does not hash to {@link #expectedSha256}.
     * @throws IllegalStateException naming engine, workload and size, with both hashes and the first
     *         differing line (from {@link Workload#verifyStdout})
     */
    void check(Run run) {
        if (run == null) {
            throw new IllegalStateException(label() + ": no run was recorded in this iteration");
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

    String label() {
        return "engine=" + engineName + " workload=" + workload.name() + " size=" + size;
    }

    private static String excerpt(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        return '"' + s.replace("\n", "\\n") + (bytes.length > 200 ? "…" : "") + '"';
    }
}
