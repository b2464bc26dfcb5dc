package org.tailbench.bench.micro;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Dispatch micro-benchmarks: one hand-assembled kernel ({@link Kernels}) per method, run by one engine.
 * Average time per operation in microseconds; one operation is one host call {@code run(n)} of the
 * kernel's export, which executes {@code n} loop iterations (or {@code n} calls). Divide by
 * {@link Kernel#units} ({@link MicroReport} does) to get nanoseconds per Wasm instruction (loop kernels)
 * or per Wasm-to-Wasm call (call kernels).
 *
 * <p>Included in each operation: the engine's host-to-Wasm entry ({@code FunctionInstance.invoke}: argument
 * and result arrays, frame set-up; a constant per operation, amortised over {@code n}, default 10 000).
 * Excluded: decoding, validation, the engine's {@code compile} and instantiation (once per trial, in
 * {@link #setup}), and the result check. The result of every operation is kept and, after every warm-up and
 * measurement iteration, compared with the value {@link Kernel#expected} computes in Java; the trial setup
 * runs the kernel once and checks it too. A mismatch throws, so JMH marks the benchmark failed.
 *
 * <p>Parameters: {@code engine} (an {@code Engines} name; {@code micro.sh} passes each engine to compare)
 * and {@code n} (iterations per operation, ≥ 1). Only the kernel of the benchmark being run is compiled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {JvmFlags.XSS, "-Xms1g", "-Xmx1g", JvmFlags.UNSAFE, JvmFlags.NATIVE})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DispatchBenchmark {
    @Param({"switch"})
    public String engine;

    @Param({"10000"})
    public int n;

    private Kernel kernel;
    private FunctionInstance run;
    private long[] args;
    private int expected;
    private int last;
    private boolean ran;

    /**
     * Compiles and instantiates the kernel of the benchmark method being run, and checks one run.
     * @throws IllegalArgumentException for an unknown engine or {@code n < 1}
     * @throws IllegalStateException when the engine computes a wrong result
     */
    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        prepare(method);
    }

    /** {@link #setup} for the kernel {@code name} (for tests and {@link MicroReport}); @return this */
    DispatchBenchmark prepare(String name) {
        if (n < 1) throw new IllegalArgumentException("n must be ≥ 1, got " + n);
        Engine e = Engines.byName(engine);
        kernel = Kernels.byName(name);
        run = e.compile(ValidatedModule.of(kernel.wasm())).instantiate(new Store(), Imports.NONE)
                .exportedFunction(Kernel.EXPORT);
        args = kernel.args(n);
        expected = kernel.expected().applyAsInt(n);
        last = invoke();
        ran = true;
        check();
        return this;
    }

    private int invoke() { return (int) run.invoke(args)[0]; }

    /** Compares the last operation's result with the Java reference; throws on a mismatch. */
    @TearDown(Level.Iteration)
    public void check() {
        if (!ran) throw new IllegalStateException(label() + ": no operation ran in this iteration");
        ran = false;
        if (last != expected) {
            throw new IllegalStateException(label() + ": WRONG RESULT " + last + ", expected " + expected
                    + " (computed in Java)");
        }
    }

    private String label() { return "engine=" + engine + " kernel=" + kernel.name() + " n=" + n; }

    private int op() {
        int r = invoke();
        last = r;
        ran = true;
        return r;
    }

    /**
     * Straight-line integer arithmetic: per iteration {@code acc = acc + n + C1 + ... + C7}, 23 instructions of
     * which 8 are {@code i32.add}; measures the engine's per-instruction dispatch and operand stack traffic.
     * Excludes branches other than the loop's one {@code br_if}, calls and memory.
     */
    @Benchmark
    public int i32Add() { return op(); }

    /**
     * A 32-state machine: {@code br_table} over the state inside 32 nested blocks, each case a short
     * hash update and a {@code br} back to the loop; 19 instructions per iteration. Measures indirect-branch
     * dispatch on a data-dependent (unpredictable) target, the shape of a bytecode interpreter compiled to Wasm
     * without tail calls. Excludes calls and memory.
     */
    @Benchmark
    public int brTable() { return op(); }

    /**
     * Local-variable traffic: 12 statements {@code get, get, add|sub|xor, tee, set} over 16 locals per
     * iteration (65 instructions, 48 of them local accesses). Measures how cheaply the engine reaches locals
     * (frame slots or Java locals). Excludes calls and memory.
     */
    @Benchmark
    public int locals() { return op(); }

    /**
     * Linear memory: per iteration one {@code i32.load} from a data segment and one {@code i32.store}
     * (both bounds-checked) among 21 instructions. Measures the engine's memory access path (bounds check and
     * little-endian access). Excludes {@code memory.grow} and unaligned or sub-word accesses.
     */
    @Benchmark
    public int memory() { return op(); }

    /**
     * Non-tail ping-pong: two functions calling each other with {@code call}, {@code n} deep, then {@code n}
     * returns; 12 instructions per call level. Time per call = one call plus its return: the denominator of
     * the tail-call ratio. Includes frame push/pop at depth up to {@code n}.
     */
    @Benchmark
    public int call() { return op(); }

    /**
     * Tail ping-pong: the same two functions with {@code return_call}, so frame depth stays 1; 12 instructions
     * per call. Time per call = one tail call (frame replacement, argument move): the numerator of the
     * tail-call ratio. Excludes any return path (there is one return at the very end).
     */
    @Benchmark
    public int returnCall() { return op(); }

    /**
     * {@link #call} through a two-entry funcref table: {@code i32.const; call_indirect}, 13 instructions per
     * level; adds the table bounds, null and signature checks to each call.
     */
    @Benchmark
    public int callIndirect() { return op(); }

    /**
     * {@link #returnCall} through the table: {@code i32.const; return_call_indirect}, 13 instructions per
     * call: the shape of CPython 3.14's tail-calling interpreter compiled with {@code -mtail-call}.
     */
    @Benchmark
    public int returnCallIndirect() { return op(); }
}
