package org.tailbench.jfr;

/**
 * The Wasm frames of one running execution (typically one thread's interpreter machine), as an engine
 * keeps them in its own structures, read <em>racily</em> by the JFR periodic hook that writes
 * {@code tailbench.WasmCallDepth} events (see {@link WasmJfr#enter}). Implementations must not lock
 * and must tolerate being read while the owning thread changes the frames: a sample may be slightly
 * stale or mix two moments, but every method must return (never throw, never loop forever), which
 * in practice means bounds-checking array reads against the array actually read.
 */
public interface CallDepthSource {
    /** @return active Wasm frames of this execution (all nesting levels of host → Wasm re-entrance), 0 when idle */
    int wasmCallDepth();

    /** @return the function index (imports first, spec §2.5.1) of the innermost Wasm frame, or -1 when none */
    int innermostFunction();

    /**
     * Fills {@code out} with the function indices of the active Wasm frames, innermost first, up to
     * {@code out.length} of them. An engine may stop at the first host frame (re-entrant calls) when it
     * does not know the frames below it.
     * @return how many entries were written
     */
    int stack(int[] out);
}
