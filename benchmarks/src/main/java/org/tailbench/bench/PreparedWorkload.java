package org.tailbench.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The parameters and trial setup that {@link WorkloadBenchmark} and {@link InstantiateBenchmark} share
 * (JMH inherits {@code @Param} fields and {@code @Setup} methods of a {@code @State} superclass): which
 * engine, which workload at which size — or a user's module — prepared once per trial (decoded, validated,
 * compiled), and run once untimed with its output checked, so a wrong engine fails before any warm-up.
 * A failure is recorded with its reason for the tables ({@link Failures}) and thrown on.
 */
@State(Scope.Thread)
public abstract class PreparedWorkload {
    @Param({"switch"})
    public String engine;

    /**
     * The quick profile's default set; {@code run-bench.sh} reads it through {@link Inventory}. It ends with one
     * CPython benchmark (issue 12), on the normal build only: one operation is 10-30 s on the interpreters (CPython's
     * start-up included), so both builds would double that part of the run; add {@code py_pystone@tailcall} with
     * {@code --workloads} for results.md's "tail-call build ÷ normal build" table.
     */
    @Param({"nbody", "richards", "json_loads", "pyvm_switch", "pyvm_tailcall", "py_pystone"})
    public String workload;

    @Param({"default"})
    public String size;

    /**
     * A user's module to run instead of the catalog workload (path to a WASI command {@code .wasm});
     * blank (the default) = the catalog workload. {@code workload} is then only the row name.
     */
    @Param({""})
    public String wasmFile;

    /** Arguments of {@link #wasmFile}: blank, {@code @FILE} (one per line) or whitespace-separated (see {@code UserModule.parseArgs}). */
    @Param({""})
    public String wasmArgs;

    protected Prepared prepared;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        try {
            prepared = Prepared.of(engine, workload, size, wasmFile, wasmArgs);
            prepared.check(prepared.runOnce());
        } catch (RuntimeException | Error e) {
            Failures.record(engine, workload, size, params.getBenchmark(), e);
            throw e;
        }
    }
}
