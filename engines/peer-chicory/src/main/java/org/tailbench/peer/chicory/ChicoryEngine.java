package org.tailbench.peer.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.PeerEngine;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Chicory (<a href="https://chicory.dev">chicory.dev</a>, {@code com.dylibso.chicory}) as a peer engine:
 * {@link ChicoryInterpEngine chicory-interp} runs Chicory's interpreter, {@link ChicoryAotEngine chicory-aot}
 * its runtime compiler ({@code MachineFactoryCompiler}: Wasm to JVM bytecode with ASM, at {@link #compile}).
 * The module's original bytes ({@link org.tailbench.wasm.Module#bytes}) are parsed by Chicory's own parser.
 * WASI comes from Chicory's {@code WasiPreview1}, configured from {@link org.tailbench.wasi.Wasi#config()}
 * (see {@link ChicoryImports}). Chicory's exceptions become our {@code Trap}s ({@link ChicoryTraps}).
 */
abstract class ChicoryEngine implements PeerEngine {
    /** Versions from the parent pom, via resource filtering ({@code versions.properties}). */
    static final Properties VERSIONS = load();

    private final boolean compiled;

    ChicoryEngine(boolean compiled) { this.compiled = compiled; }

    @Override public String description() {
        return "peer: Chicory " + VERSIONS.getProperty("chicory.version") + (compiled
                ? " runtime compiler (Wasm → JVM bytecode with ASM " + VERSIONS.getProperty("asm.version") + ", at compile)"
                : " interpreter") + "; Chicory's WASI preview1";
    }

    @Override public Map<String, String> about() {
        Map<String, String> m = new LinkedHashMap<>();
        String v = VERSIONS.getProperty("chicory.version");
        m.put("library", "com.dylibso.chicory:runtime, wasi" + (compiled ? ", compiler" : "") + " " + v
                + (compiled ? " (ASM " + VERSIONS.getProperty("asm.version") + ")" : ""));
        m.put("mode", compiled
                ? "compiled: MachineFactoryCompiler turns every function into JVM bytecode once per module, then HotSpot JITs it;"
                  + " a function it cannot compile (e.g. too large for one JVM method) runs in Chicory's interpreter, silently"
                : "interpreter (InterpreterMachine)");
        m.put("wasi", "Chicory WasiPreview1 (wasi_snapshot_preview1) with the run's argv, environment, stdin, stdout/stderr"
                + " streams, preopened directories and random_get seed; proc_exit → WasiExit");
        m.put("jvm flags", "none beyond the benchmark's");
        return m;
    }

    @Override public CompiledModule compile(ValidatedModule module) {
        byte[] bytes = module.module().bytes;
        if (bytes == null) throw new IllegalArgumentException(name() + ": the module has no source bytes (Module.bytes)");
        WasmModule wasm;
        try {
            wasm = Parser.parse(bytes);
        } catch (ChicoryException e) {
            throw new UnsupportedOperationException(name() + ": Chicory's parser rejected the module: " + e.getMessage(), e);
        }
        Function<com.dylibso.chicory.runtime.Instance, Machine> machines = null;
        if (compiled) {
            try {
                // SILENT: a function Chicory's compiler cannot take runs in its interpreter either way; its default (WARN)
                // prints one stderr line per such function at every compile, which flooded run-bench's console (CPython)
                machines = MachineFactoryCompiler.builder(wasm).withInterpreterFallback(InterpreterFallback.SILENT).compile();
            } catch (RuntimeException | LinkageError e) {
                throw new UnsupportedOperationException(name() + ": Chicory's compiler failed: " + e, e);
            }
        }
        return new ChicoryModule(this, module, wasm, machines);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ChicoryEngine.class.getResourceAsStream("versions.properties")) {
            if (in == null) throw new IllegalStateException("versions.properties is missing from the peer-chicory jar");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
