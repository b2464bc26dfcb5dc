package org.tailbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.tailbench.bench.run.JvmFlags;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * Time to prepare a module: average milliseconds per operation, one operation being decoding,
 * validating and the engine's {@code compile} of the workload's bytes (in memory).
 *
 * <p>Deliberately excluded: reading the {@code .wasm} file and the catalog (once per trial), instantiation
 * and running. An engine that compiles lazily (on a function's first call) does that work later, during
 * {@link WorkloadBenchmark}'s runs, and looks cheap here; read this table together with the engine's
 * description. Warm numbers: after warm-up the JIT has compiled the decoder, validator and the engine's
 * lowering, which a one-shot command-line run would not enjoy.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 2, jvmArgs = {JvmFlags.XSS, JvmFlags.XMS, JvmFlags.XMX, JvmFlags.UNSAFE, JvmFlags.NATIVE})   // = JvmFlags.FORK
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompileBenchmark {
    @Param({"switch"})
    public String engine;

    @Param({"nbody", "richards", "json_loads", "pyvm_switch", "pyvm_tailcall", "py_pystone"})
    public String workload;

    /** A user's module to compile instead of the catalog workload (path to a {@code .wasm}); blank = the catalog's. */
    @Param({""})
    public String wasmFile;

    private Engine engineImpl;
    private byte[] bytes;

    @Setup(Level.Trial)
    public void setup() {
        engineImpl = Engines.byName(engine);
        bytes = wasmFile.isBlank() ? WorkloadCatalog.load().get(workload).wasm()
                : UserModule.load(workload, wasmFile, "").bytes();
    }

    /** decode + validate + compile. @return the compiled module (consumed by JMH) */
    @Benchmark
    public CompiledModule compile() {
        return engineImpl.compile(ValidatedModule.of(bytes));
    }
}
