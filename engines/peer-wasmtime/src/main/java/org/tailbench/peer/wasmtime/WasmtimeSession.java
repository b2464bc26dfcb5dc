package org.tailbench.peer.wasmtime;

import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.wasi.WasiCtx;
import io.github.kawamuray.wasmtime.wasi.WasiCtxBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.tailbench.wasi.Wasi;

/**
 * The Wasmtime store that stands for one of our {@link org.tailbench.runtime.Store}s (so modules
 * instantiated into the same store, e.g. a spec file's {@code register}ed ones, can share functions and
 * memories). Made on the first instantiation into that store; when it imports WASI, the session's store
 * gets a {@link WasiCtx} made from the run's {@link Wasi.Config}. The native store is disposed after
 * {@code _start} returns (a WASI command runs once) or, failing that, when our store is garbage-collected.
 */
final class WasmtimeSession {
    private static final Map<org.tailbench.runtime.Store, WasmtimeSession> SESSIONS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Cleaner CLEANER = Cleaner.create();

    final Store<Void> store;
    /** the WASI run's temporary files and target streams, or null without WASI */
    final WasiFiles wasi;
    private final Cleaner.Cleanable cleanable;
    private int modules;
    /** the first module instantiated into the session (for the offsets in Wasmtime's trap backtraces) */
    org.tailbench.wasm.Module module;

    private WasmtimeSession(Wasi.Config config) {
        WasiFiles files = null;
        WasiCtx ctx = null;
        if (config != null) {
            files = WasiFiles.create(config);
            ctx = files.context();
        }
        this.wasi = files;
        this.store = ctx == null ? new Store<>(null, WasmtimeModule.ENGINE) : new Store<>(null, WasmtimeModule.ENGINE, ctx);
        Store<Void> s = store;
        WasiFiles f = files;
        this.cleanable = CLEANER.register(this, () -> dispose(s, f));
    }

    /**
     * WASI sessions of this thread whose {@code _start} has not run yet. Each holds a native store with
     * Wasmtime's large virtual memory reservations, and a benchmark that only instantiates (never runs
     * {@code _start}) makes them faster than garbage collection frees them; past this many the oldest is
     * disposed, and its instance must not be used any more.
     */
    static final int MAX_OPEN_WASI_SESSIONS = 64;
    private static final ThreadLocal<java.util.ArrayDeque<WasmtimeSession>> OPEN_WASI =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    /** @return the session of {@code ours}, made on first use (with WASI when {@code config} is not null) */
    static WasmtimeSession of(org.tailbench.runtime.Store ours, Wasi.Config config) {
        synchronized (SESSIONS) {
            WasmtimeSession s = SESSIONS.get(ours);
            if (s == null) {
                s = new WasmtimeSession(config);
                SESSIONS.put(ours, s);
                if (config != null) {
                    var open = OPEN_WASI.get();
                    open.addLast(s);
                    if (open.size() > MAX_OPEN_WASI_SESSIONS) open.removeFirst().close();
                }
            }
            return s;
        }
    }

    /** A fresh module name for the linker. */
    String nextModuleName() { return "tailbench$" + (modules++); }

    /** Frees the native store now (after {@code _start}); the session's instances are unusable afterwards. */
    void close() {
        OPEN_WASI.get().remove(this);
        cleanable.clean();
    }

    private static void dispose(Store<Void> store, WasiFiles files) {
        store.dispose();
        if (files != null) files.delete();
    }

    /** Wasmtime's WASI wiring of one run: temporary files for stdin/stdout/stderr. */
    static final class WasiFiles {
        final Wasi.Config config;
        final Path stdin, stdout, stderr;

        private WasiFiles(Wasi.Config config, Path stdin, Path stdout, Path stderr) {
            this.config = config;
            this.stdin = stdin;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        static WasiFiles create(Wasi.Config c) {
            try {
                Path in = null;
                if (c.stdin() != System.in) {
                    in = Files.createTempFile("tailbench-wasmtime-", ".stdin");
                    Files.write(in, c.stdin().readAllBytes());
                }
                return new WasiFiles(c, in, Files.createTempFile("tailbench-wasmtime-", ".stdout"),
                        Files.createTempFile("tailbench-wasmtime-", ".stderr"));
            } catch (IOException e) {
                throw new UncheckedIOException("wasmtime: cannot create the WASI stdio files", e);
            }
        }

        WasiCtx context() {
            WasiCtxBuilder b = new WasiCtxBuilder().args(config.args()).stdout(stdout).stderr(stderr);
            if (stdin == null) b.inheritStdin(); else b.stdin(stdin);
            for (String kv : config.env()) {
                int eq = kv.indexOf('=');
                b.env(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
            config.preopens().forEach((guest, host) -> b.preopenedDir(host, guest));
            return b.build();
        }

        /** Copies what the guest wrote into the run's stdout and stderr streams. */
        void copyOut() {
            copy(stdout, config.stdout());
            copy(stderr, config.stderr());
        }

        private static void copy(Path from, OutputStream to) {
            try (InputStream in = Files.newInputStream(from)) {
                in.transferTo(to);
                to.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("wasmtime: cannot copy the guest's output from " + from, e);
            }
        }

        void delete() {
            for (Path p : new Path[] {stdin, stdout, stderr}) {
                try {
                    if (p != null) Files.deleteIfExists(p);
                } catch (IOException ignored) { /* a temporary file; nothing else to do */ }
            }
        }
    }
}
