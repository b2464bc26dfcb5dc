package org.tailbench.graalwasm;

import java.lang.management.ManagementFactory;
import org.tailbench.runtime.CompiledModule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tailbench.runtime.PeerEngine;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Peer engine {@code graalwasm}: GraalWasm 25 (Truffle) through the GraalVM polyglot API
 * ({@code org.graalvm.polyglot:polyglot} + {@code org.graalvm.polyglot:wasm}), for side-by-side ratios.
 *
 * <p>One polyglot {@link org.graalvm.polyglot.Engine} is shared by every module and context in the JVM, so
 * GraalWasm's parsed modules and compiled code are reused across instances (as an embedder would run it, and
 * what makes repeated JMH operations fair). {@link #compile} builds the polyglot {@code Source} once;
 * {@link GraalWasmModule#instantiate} makes one {@code Context} per WASI program run (with GraalWasm's own
 * WASI: {@code wasm.Builtins=wasi_snapshot_preview1}), or shares one {@code Context} per {@link
 * org.tailbench.runtime.Store} otherwise (so spec modules linked with {@code register} see each other).
 *
 * <p>Configuration matters a lot: on a stock JDK with the jars on the class path Truffle falls back to its
 * interpreter-only runtime. It compiles Wasm functions to machine code only with JVMCI enabled and the Graal
 * compiler on the upgrade module path (see this module's README.md); {@link #configuration()} says which
 * applies in this JVM and {@link #label()} marks the fallback.
 */
public final class GraalWasmEngine implements PeerEngine {
    /** The name users select the engine by. */
    public static final String NAME = "graalwasm";

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "GraalWasm " + polyglotVersion() + " (Truffle, polyglot API, GraalWasm's own WASI); " + configuration();
    }

    /** What the report's "Versions and configuration" table lists (see {@link PeerEngine#about()}). */
    @Override public Map<String, String> about() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("library", "org.graalvm.polyglot:polyglot + org.graalvm.polyglot:wasm " + polyglotVersion()
                + (optimizing() ? " + org.graalvm.compiler:compiler " + polyglotVersion() : ""));
        m.put("mode", configuration());
        m.put("wasi", "GraalWasm's own (wasm.Builtins=wasi_snapshot_preview1) with the run's argv, environment, stdin, "
                + "stdout/stderr streams and preopened directories (wasm.WasiMapDirs); one polyglot Context per run, "
                + "one shared polyglot Engine; proc_exit → WasiExit");
        m.put("jvm flags", optimizing()
                ? "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --module-path <Graal jars> --upgrade-module-path "
                  + "<compiler jar> --add-modules org.graalvm.polyglot (engines/peer-graalwasm/bin/graal-jvm-args.sh)"
                : "none (so interpreter-only; the optimizing flags are in engines/peer-graalwasm/bin/graal-jvm-args.sh)");
        return m;
    }

    /**
     * Reads the GraalWasm module's bytes ({@code Module.bytes}, the original binary) into a cached polyglot
     * {@code Source}. GraalWasm parses and validates it again in the first context that evaluates it.
     * @throws UnsupportedOperationException when the module uses a feature GraalWasm 25 does not implement
     *         (the tail-call proposal: {@code return_call}, {@code return_call_indirect})
     */
    @Override public CompiledModule compile(ValidatedModule module) {
        return new GraalWasmModule(module, Shared.polyglot());
    }

    /** @return whether GraalWasm runs with Truffle's optimizing runtime (Graal compiler via JVMCI) in this JVM */
    public static boolean optimizing() { return Shared.optimizing(); }

    /**
     * @return one line for tables and the "versions and configuration" section, e.g. {@code optimizing:
     *         Truffle runtime "GraalVM CE" with the Graal compiler (JVMCI)} or {@code interpreter-only
     *         fallback: JVMCI is not enabled ...}
     */
    public static String configuration() { return Shared.configuration(); }

    /** @return {@code graalwasm}, or {@code graalwasm (interpreter-only fallback)} when it does not optimize */
    public static String label() {
        return optimizing() ? NAME : NAME + " (interpreter-only fallback)";
    }

    /** @return the polyglot API version (the GraalVM release, e.g. 25.0.2) */
    public static String polyglotVersion() { return Shared.version(); }

    /** The shared polyglot engine and what it found, made on first use. */
    static final class Shared {
        private Shared() {}

        private static final class Holder {
            static final org.graalvm.polyglot.Engine ENGINE = org.graalvm.polyglot.Engine.newBuilder("wasm")
                    .option("engine.WarnInterpreterOnly", "false")  // we say it in configuration() instead
                    .build();
        }

        static org.graalvm.polyglot.Engine polyglot() { return Holder.ENGINE; }

        static boolean optimizing() {
            return !"Interpreted".equals(polyglot().getImplementationName());
        }

        static String version() {
            // the polyglot jar's release file (kept in a shaded jar; readable from its named module too)
            try (var in = org.graalvm.polyglot.Engine.class.getResourceAsStream("/META-INF/graalvm/org.graalvm.polyglot/version")) {
                if (in != null) return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            } catch (java.io.IOException e) {
                // fall through
            }
            return "(version unknown)";
        }

        static String configuration() {
            String impl = polyglot().getImplementationName();
            if (optimizing()) {
                return "optimizing: Truffle runtime \"" + impl + "\" compiles Wasm functions with the Graal compiler "
                        + "(JVMCI, compiler module " + compilerModule() + ")";
            }
            return "interpreter-only fallback: " + fallbackReason();
        }

        private static String compilerModule() {
            return ModuleLayer.boot().findModule("jdk.graal.compiler")
                    .map(m -> m.getDescriptor().toNameAndVersion()).orElse("jdk.graal.compiler");
        }

        private static String fallbackReason() {
            boolean jvmci = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+EnableJVMCI");
            if (!jvmci) {
                return "JVMCI is not enabled (needs -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI, the Graal jars on "
                        + "--module-path and the compiler on --upgrade-module-path; see engines/peer-graalwasm/README.md)";
            }
            if (ModuleLayer.boot().findModule("jdk.graal.compiler").isEmpty()) {
                return "JVMCI is enabled but no Graal compiler module (org.graalvm.compiler:compiler on --upgrade-module-path)";
            }
            if (ModuleLayer.boot().findModule("org.graalvm.truffle").isEmpty()) {
                return "Truffle runs from the class path (put the Graal jars on --module-path)";
            }
            return "Truffle found no optimizing runtime";
        }
    }
}
