package org.tailbench.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one {@link Wasi} run was configured with, for peer engines that run WASI commands with their own
 * WASI implementation (e.g. GraalWasm's {@code wasm.Builtins=wasi_snapshot_preview1}) but must give the
 * program the same arguments, environment, streams and preopened directories as ours.
 *
 * @param args       {@code argv}, the program name first
 * @param env        environment entries as {@code KEY=VALUE}, in order
 * @param preopens   guest path to host directory (resolved real path), in descriptor order (3, 4, ...)
 * @param stdin      descriptor 0
 * @param stdout     descriptor 1
 * @param stderr     descriptor 2
 * @param randomSeed the {@code random_get} seed when one was set ({@link Wasi.Builder#randomSeed})
 */
public record WasiConfig(List<String> args, List<String> env, Map<String, Path> preopens,
                         InputStream stdin, OutputStream stdout, OutputStream stderr, OptionalLong randomSeed) {}
