package org.tailbench.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;

/**
 * WASI preview 1 host (module names {@code wasi_snapshot_preview1} and {@code wasi_unstable}),
 * plus the Sightglass {@code bench.start} / {@code bench.end} imports. One {@code Wasi} serves one
 * program run (it holds its file descriptors). Unsupported functions return {@code ENOSYS}.
 */
public final class Wasi {
    /** Configuration of one run. */
    public static final class Builder {
        public Builder args(List<String> argv) { throw todo(); }           // argv[0] included
        public Builder env(Map<String, String> env) { throw todo(); }
        /** Preopens host directory {@code host} as guest path {@code guest}. */
        public Builder preopen(Path host, String guest) { throw todo(); }
        public Builder stdin(InputStream in) { throw todo(); }
        public Builder stdout(OutputStream out) { throw todo(); }
        public Builder stderr(OutputStream err) { throw todo(); }
        public Wasi build() { throw todo(); }
    }

    public static Builder builder() { return new Builder(); }

    /** @return imports for {@code wasi_snapshot_preview1}, {@code wasi_unstable} and {@code bench} */
    public Imports imports() { throw todo(); }

    /**
     * Runs {@code _start} of a WASI command instance.
     * @return the exit code: the {@code proc_exit} code, or 0 when {@code _start} returns
     * @throws org.tailbench.runtime.Trap when the program traps
     */
    public int runStart(Instance instance) { throw todo(); }

    /** @return nanoseconds between the last {@code bench.start} and {@code bench.end}, if both were called */
    public OptionalLong benchNanos() { throw todo(); }

    private static UnsupportedOperationException todo() { return new UnsupportedOperationException("TODO: wasi"); }
}
