package org.tailbench.peer.wasmtime;

import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.WasmtimeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.PeerEngine;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * {@code wasmtime}: Wasmtime (Cranelift, native code) through the JNI binding wasmtime-java
 * ({@code io.github.kawamuray.wasmtime:wasmtime-java}, which bundles Wasmtime 7.0.1's native library) —
 * the native-code reference inside the same JVM harness. {@link #compile} compiles the module's original
 * bytes with Cranelift once; instances live in a Wasmtime store per our {@link org.tailbench.runtime.Store}
 * (see {@link WasmtimeModule}). WASI is Wasmtime's own ({@code WasiCtx}); as wasmtime-java 0.19.0 can only
 * send stdout/stderr to files, each run writes them to temporary files that are copied into the configured
 * streams when {@code _start} returns. The JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 */
public final class WasmtimeEngine implements PeerEngine {
    static final Properties VERSIONS = load();
    /** The version of Wasmtime inside wasmtime-java 0.19.0 (its README; the jar does not say). */
    static final String WASMTIME_VERSION = "7.0.1";

    @Override public String name() { return "wasmtime"; }

    @Override public String description() {
        return "peer: Wasmtime " + WASMTIME_VERSION + " (Cranelift native code) via JNI wasmtime-java "
                + VERSIONS.getProperty("wasmtime-java.version") + "; Wasmtime's WASI preview1";
    }

    @Override public Map<String, String> about() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("library", "io.github.kawamuray.wasmtime:wasmtime-java " + VERSIONS.getProperty("wasmtime-java.version")
                + " (bundles Wasmtime " + WASMTIME_VERSION + " for linux/macOS/windows x86-64 and aarch64)");
        m.put("mode", "compiled ahead of the runs: Cranelift native code at compile; calls cross JNI");
        m.put("wasi", "Wasmtime WasiCtx (wasi_snapshot_preview1) with the run's argv, environment and preopened directories;"
                + " stdout/stderr go to temporary files copied into the run's streams when _start returns (inside the timed"
                + " operation); stdin from a temporary file (System.in is inherited); random_get from the OS (wasmtime-java cannot"
                + " seed it); proc_exit → WasiExit");
        m.put("jvm flags", "--enable-native-access=ALL-UNNAMED");
        return m;
    }

    @Override public CompiledModule compile(ValidatedModule module) {
        byte[] bytes = module.module().bytes;
        if (bytes == null) throw new IllegalArgumentException("wasmtime: the module has no source bytes (Module.bytes)");
        Module compiled;
        try {
            compiled = Module.fromBinary(WasmtimeModule.ENGINE, bytes);
        } catch (WasmtimeException e) {
            throw new UnsupportedOperationException("wasmtime: Wasmtime rejected the module: " + e.getMessage()
                    + (usesTailCalls(module.module()) ? " (the module uses return_call/return_call_indirect: Wasmtime "
                    + WASMTIME_VERSION + " as wasmtime-java builds it has no tail-call support)" : ""), e);
        }
        return new WasmtimeModule(module, compiled);
    }

    static boolean usesTailCalls(org.tailbench.wasm.Module m) {
        for (org.tailbench.wasm.Module.Function f : m.functions) {
            for (int i = 0; i < f.body().length; i++) {
                org.tailbench.wasm.Op op = f.body().opAt(i);
                if (op == org.tailbench.wasm.Op.RETURN_CALL || op == org.tailbench.wasm.Op.RETURN_CALL_INDIRECT) return true;
            }
        }
        return false;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = WasmtimeEngine.class.getResourceAsStream("versions.properties")) {
            if (in == null) throw new IllegalStateException("versions.properties is missing from the peer-wasmtime jar");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
