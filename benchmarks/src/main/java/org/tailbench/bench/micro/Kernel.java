package org.tailbench.bench.micro;

import java.util.function.IntUnaryOperator;

/**
 * One dispatch micro-benchmark kernel: a hand-assembled module whose export {@code run} takes an
 * iteration count {@code n} (≥ 1) as its first parameter (any further parameters are 0) and returns an i32
 * that {@link #expected} computes independently in Java.
 *
 * <p>Executed Wasm instructions per call of {@code run(n)} are exactly
 * {@code fixedInstructions + n * instructionsPerIteration} (counted by {@link CountingBody}: structural
 * {@code block}/{@code loop}/{@code else}/{@code end} excluded). For the call kernels one iteration is one
 * Wasm-to-Wasm call ({@link #callsPerIteration} = 1), so {@code n} calls per operation.
 *
 * @param name                     the benchmark method's name, e.g. {@code returnCall}
 * @param what                     one line: what an iteration does
 * @param wasm                     the module's bytes (exports {@code run: [i32 × params] -> [i32]})
 * @param params                   the number of i32 parameters of {@code run}
 * @param instructionsPerIteration Wasm instructions executed per iteration (per call level for call kernels)
 * @param fixedInstructions        instructions executed once per {@code run} outside the iterations
 * @param callsPerIteration        Wasm-to-Wasm calls (or tail calls) per iteration: 1 for the call kernels, else 0
 * @param expected                 {@code n -> run(n)}, computed in Java
 */
record Kernel(String name, String what, byte[] wasm, int params, int instructionsPerIteration, int fixedInstructions,
              int callsPerIteration, IntUnaryOperator expected) {
    /** Name of the exported entry function of every kernel module. */
    static final String EXPORT = "run";

    /** @return the arguments of {@code run(n)}: {@code n} then zeros (a fresh array) */
    long[] args(int n) {
        long[] a = new long[params];
        a[0] = n;
        return a;
    }

    /** @return Wasm instructions executed by one {@code run(n)} */
    long instructions(long n) { return fixedInstructions + n * (long) instructionsPerIteration; }

    /** @return the unit this kernel's time is reported in: "call" for call kernels, else "instruction" */
    String unit() { return callsPerIteration > 0 ? "call" : "instruction"; }

    /** @return how many {@link #unit()}s one {@code run(n)} executes: the divisor of the per-op time */
    long units(long n) { return callsPerIteration > 0 ? n * (long) callsPerIteration : instructions(n); }
}
