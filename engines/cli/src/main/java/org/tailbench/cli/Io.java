package org.tailbench.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command uses: the guest's stdin/stdout/stderr pass through them unchanged
 * ({@link #out}/{@link #err} are byte streams, so guest output is not re-encoded).
 */
public record Io(InputStream in, PrintStream out, PrintStream err) {
    /** @return the process's own streams */
    public static Io system() { return new Io(System.in, System.out, System.err); }
}
