package org.tailbench.wasi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;

/**
 * The state one WASI program run shares between its host functions: arguments, environment,
 * the descriptor table, the random source and the Sightglass {@code bench} timestamps.
 */
final class WasiContext {
    final List<String> args;
    /** environment entries as {@code KEY=VALUE} */
    final List<String> env;
    final FdTable fds = new FdTable();
    final Random random;
    final OutputStream stdout, stderr;
    long benchStart = -1, benchEnd = -1;

    WasiContext(List<String> args, List<String> env, Random random, OutputStream stdout, OutputStream stderr) {
        this.args = List.copyOf(args);
        this.env = List.copyOf(env);
        this.random = random;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Flushes stdout and stderr, ignoring failures (the program is ending). */
    void flush() {
        for (OutputStream o : new OutputStream[] {stdout, stderr}) {
            try { o.flush(); } catch (IOException ignored) { /* nothing left to tell */ }
        }
    }
}
