package org.tailbench.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import org.tailbench.runtime.Extern;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.wasm.FuncType;

/**
 * WASI preview 1 host (module names {@code wasi_snapshot_preview1} and {@code wasi_unstable}),
 * plus the Sightglass {@code bench.start} / {@code bench.end} imports. One {@code Wasi} serves one
 * program run (it holds its file descriptors). Unsupported functions return {@code ENOSYS}.
 *
 * <p>Descriptors 0, 1, 2 are the configured stdin/stdout/stderr; preopened directories get 3, 4, ...
 * in the order they were added. Guest paths cannot leave their preopened directory (see {@link Sandbox}).
 * Errors are reported to the guest as errno values of {@code wasi_snapshot_preview1.witx}; a guest pointer
 * outside memory gives {@code EFAULT} (21). {@code wasi_unstable} uses its own layouts for
 * {@code filestat}, {@code subscription} and the {@code whence} numbering.
 */
public final class Wasi implements AutoCloseable {
    public static final String PREVIEW1 = "wasi_snapshot_preview1";
    public static final String UNSTABLE = "wasi_unstable";
    public static final String BENCH = "bench";

    /** Configuration of one run. */
    public static final class Builder {
        private List<String> args = List.of();
        private final List<String> env = new ArrayList<>();
        private final Map<String, Path> preopens = new LinkedHashMap<>();
        private InputStream stdin = System.in;
        private OutputStream stdout = System.out, stderr = System.err;
        private Random random;
        private Long randomSeed;

        /** The program's arguments, {@code argv[0]} (the program name) included. */
        public Builder args(List<String> argv) { this.args = List.copyOf(argv); return this; }

        /** Adds environment variables (in the map's iteration order). */
        public Builder env(Map<String, String> env) {
            env.forEach((k, v) -> this.env.add(k + "=" + v));
            return this;
        }

        /**
         * Preopens host directory {@code host} as guest path {@code guest}.
         * @throws IllegalArgumentException at {@link #build()} when {@code host} is not an existing directory
         */
        public Builder preopen(Path host, String guest) {
            preopens.put(Objects.requireNonNull(guest, "guest"), Objects.requireNonNull(host, "host"));
            return this;
        }

        public Builder stdin(InputStream in) { this.stdin = Objects.requireNonNull(in); return this; }
        public Builder stdout(OutputStream out) { this.stdout = Objects.requireNonNull(out); return this; }
        public Builder stderr(OutputStream err) { this.stderr = Objects.requireNonNull(err); return this; }

        /** Makes {@code random_get} reproducible: a {@link java.util.Random} with this seed instead of {@link SecureRandom}. */
        public Builder randomSeed(long seed) { this.random = new Random(seed); this.randomSeed = seed; return this; }

        /** @throws IllegalArgumentException when a preopened directory does not exist or is not a directory */
        public Wasi build() {
            Map<String, Path> realPreopens = new LinkedHashMap<>();
            WasiContext ctx = new WasiContext(args, env, random != null ? random : new SecureRandom(), stdout, stderr);
            ctx.fds.add(new FdEntry.Input(stdin));
            ctx.fds.add(new FdEntry.Output(stdout));
            ctx.fds.add(new FdEntry.Output(stderr));
            preopens.forEach((guest, host) -> {
                Path real;
                try {
                    real = host.toRealPath();
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot preopen " + host + ": no such directory", e);
                }
                if (!Files.isDirectory(real)) throw new IllegalArgumentException("cannot preopen " + host + ": not a directory");
                ctx.fds.add(new FdEntry.Dir(real, List.of(), guest));
                realPreopens.put(guest, real);
            });
            return new Wasi(ctx, new Config(args, env, stdin, stdout, stderr, realPreopens,
                    randomSeed == null ? OptionalLong.empty() : OptionalLong.of(randomSeed)));
        }
    }

    public static Builder builder() { return new Builder(); }

    /**
     * What a run was configured with, for engines that bring their own WASI implementation (the peer
     * engines, e.g. Chicory's {@code WasiPreview1}): they give their WASI the same arguments, environment,
     * streams and preopened directories instead of linking this host's functions.
     *
     * @param args       argv, the program name first
     * @param env        environment entries as {@code KEY=VALUE}, in order
     * @param preopens   guest path → real host directory, in descriptor order (3, 4, ...)
     * @param randomSeed the seed of a reproducible {@code random_get}, if one was set
     */
    public record Config(List<String> args, List<String> env, InputStream stdin, OutputStream stdout,
                         OutputStream stderr, Map<String, Path> preopens, OptionalLong randomSeed) {
        public Config {
            args = List.copyOf(args);
            env = List.copyOf(env);
            preopens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(preopens));
        }
    }

    /** The {@link Imports} that {@link #imports()} returns: they remember their {@code Wasi} (see {@link #serving}). */
    private record WasiImports(Wasi wasi) implements Imports {
        @Override public Extern resolve(String module, String name) {
            Map<String, HostFunction> m = wasi.modules.get(module);
            return m == null ? null : m.get(name);
        }
    }

    private final WasiContext ctx;
    private final Config config;
    private final Map<String, Map<String, HostFunction>> modules = new LinkedHashMap<>();

    private Wasi(WasiContext ctx, Config config) {
        this.ctx = ctx;
        this.config = config;
        modules.put(PREVIEW1, Preview1.hostFunctions(PREVIEW1, ctx, false));
        modules.put(UNSTABLE, Preview1.hostFunctions(UNSTABLE, ctx, true));
        Map<String, HostFunction> bench = new LinkedHashMap<>();
        bench.put("start", new HostFunction(BENCH, "start", FuncType.EMPTY, (c, a) -> {
            ctx.benchStart = System.nanoTime();
            return new long[0];
        }));
        bench.put("end", new HostFunction(BENCH, "end", FuncType.EMPTY, (c, a) -> {
            ctx.benchEnd = System.nanoTime();
            return new long[0];
        }));
        modules.put(BENCH, bench);
    }

    /** @return imports for {@code wasi_snapshot_preview1}, {@code wasi_unstable} and {@code bench} */
    public Imports imports() { return new WasiImports(this); }

    /** @return the configuration this host was built with */
    public Config config() { return config; }

    /**
     * @return the {@code Wasi} whose {@link #imports()} {@code imports} are, if they are exactly those
     *         (imports combined with {@link Imports#orElse} are not recognised); engines with their own WASI
     *         (peers) use it to configure theirs the same way
     */
    public static java.util.Optional<Wasi> serving(Imports imports) {
        return imports instanceof WasiImports w ? java.util.Optional.of(w.wasi()) : java.util.Optional.empty();
    }

    /**
     * Runs {@code _start} of a WASI command instance.
     * @return the exit code: the {@code proc_exit} code, or 0 when {@code _start} returns
     * @throws org.tailbench.runtime.Trap when the program traps
     * @throws IllegalArgumentException when the instance exports no {@code _start} function
     */
    public int runStart(Instance instance) {
        try {
            instance.exportedFunction("_start").invoke();
            return 0;
        } catch (WasiExit e) {
            return e.code();
        } finally {
            ctx.flush();
        }
    }

    /** @return nanoseconds between the last {@code bench.start} and {@code bench.end}, if both were called */
    public OptionalLong benchNanos() {
        return ctx.benchStart >= 0 && ctx.benchEnd >= ctx.benchStart
                ? OptionalLong.of(ctx.benchEnd - ctx.benchStart) : OptionalLong.empty();
    }

    /** Flushes stdout and stderr. */
    public void flush() { ctx.flush(); }

    /** resources that live as long as this run ({@link #onClose}) */
    private final java.util.List<AutoCloseable> onClose = new java.util.ArrayList<>();

    /**
     * Registers a resource that lives as long as this run, e.g. the context in which a peer engine runs the
     * program with its own WASI (GraalWasm); {@link #close()} closes it, in reverse order of registration.
     */
    public void onClose(AutoCloseable resource) { onClose.add(Objects.requireNonNull(resource, "resource")); }

    /**
     * Closes the resources registered with {@link #onClose} (each once), every descriptor the program left
     * open, and flushes stdout/stderr (which stay open).
     * @throws IllegalStateException when a registered resource failed to close (after closing the rest)
     */
    @Override public void close() {
        RuntimeException failure = null;
        for (int i = onClose.size() - 1; i >= 0; i--) {
            try {
                onClose.get(i).close();
            } catch (Exception e) {
                if (failure == null) failure = new IllegalStateException("closing " + onClose.get(i) + " failed: " + e, e);
            }
        }
        onClose.clear();
        ctx.fds.closeAll();
        ctx.flush();
        if (failure != null) throw failure;
    }

    /** For tests in this package: the shared state. */
    WasiContext context() { return ctx; }
}
