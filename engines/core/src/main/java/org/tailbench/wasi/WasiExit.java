package org.tailbench.wasi;

/** Thrown by {@code proc_exit}: unwinds the Wasm program with its exit code. Engines let it pass through. */
public final class WasiExit extends RuntimeException {
    private final int code;

    public WasiExit(int code) {
        super("proc_exit(" + code + ")", null, false, false);
        this.code = code;
    }

    public int code() { return code; }
}
