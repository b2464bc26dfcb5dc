package org.tailbench.bench.run;

import java.nio.file.Path;
import java.util.List;

/**
 * The validated settings of one {@code tailbench bench} ({@link BenchCommand}'s options; see its help for each).
 * Empty {@code engines}/{@code workloads} mean the defaults; {@code wasm} is null unless a user's module runs;
 * {@code jmhArgs} are extra JMH options, {@code programArgs} the user module's arguments.
 */
public record BenchConfig(List<String> engines, List<String> workloads, String size, Profile profile, String baseline,
                          String references, int referenceRuns, String timer, Path wasm, String wasmName,
                          List<String> forkJvmArgs, Path resultsDir, boolean jfr, int jfrSeconds, int jfrWarmup,
                          boolean opcodeProfile, int shard, int shards, boolean dryRun, Path root,
                          List<String> jmhArgs, List<String> programArgs, String commandLine) {}
