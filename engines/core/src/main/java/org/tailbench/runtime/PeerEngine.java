package org.tailbench.runtime;

import java.util.Map;

/**
 * An engine that wraps another WebAssembly runtime (Chicory, GraalWasm, Wasmtime, ...) to put our
 * numbers next to the engines users already run (issue 7). It runs the module's original bytes
 * ({@link org.tailbench.wasm.Module#bytes}) in its own runtime; for WASI it uses the runtime's own
 * preview1 implementation, configured from {@link org.tailbench.wasi.Wasi#config()}.
 * The report's "Ratio to peers" and "Versions and configuration" tables use this marker and {@link #about()}.
 */
public interface PeerEngine extends Engine {
    /**
     * @return what the report lists for this peer, in display order: at least {@code library}
     *         (Maven coordinates and version, read from the build, not typed twice), {@code mode}
     *         (interpreter / compiled), {@code wasi} (how WASI is wired) and {@code jvm flags} (what it needs)
     */
    Map<String, String> about();

    @Override default boolean peer() { return true; }
}
