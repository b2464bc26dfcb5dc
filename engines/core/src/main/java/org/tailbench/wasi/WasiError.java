package org.tailbench.wasi;

/**
 * Ends a WASI host function early with an {@link Errno} code: the function returns {@link #errno}
 * to the guest. Never escapes the WASI host (stackless, cheap to throw).
 */
final class WasiError extends RuntimeException {
    final int errno;

    WasiError(int errno) {
        super("errno " + errno, null, false, false);
        this.errno = errno;
    }
}
