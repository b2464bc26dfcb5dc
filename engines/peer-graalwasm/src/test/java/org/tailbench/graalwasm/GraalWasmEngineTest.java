package org.tailbench.graalwasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * The graalwasm peer behind the Engine interface. Expected values come from the catalog's native-checked
 * outputs and from the spec's trap semantics. (Interpreter-only here: surefire runs without JVMCI.)
 */
class GraalWasmEngineTest {
    private static final Engine ENGINE = new GraalWasmEngine();
    private static final WorkloadCatalog CATALOG = WorkloadCatalog.load();

    @Test void registeredAndSaysHowItRuns() {
        assertThat(Engines.byName("graalwasm")).isInstanceOf(GraalWasmEngine.class);
        // surefire's JVM has no JVMCI: the fallback must be said, in the description and the label
        assertThat(GraalWasmEngine.optimizing()).isFalse();
        assertThat(GraalWasmEngine.label()).isEqualTo("graalwasm (interpreter-only fallback)");
        assertThat(ENGINE.description()).contains("25.0.2").contains("interpreter-only fallback: JVMCI is not enabled");
    }

    /**
     * Smoke-size workloads with GraalWasm's own WASI and an empty stdin; stdout must match the catalog's
     * native-checked output (nbody, richards, json_loads and pyvm_switch run in {@link GraalWasmPeerContractTest}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"fannkuch", "regex"})
    void workloadsPrintTheExpectedOutput(String name) {
        Workload w = CATALOG.get(name);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        CompiledModule compiled = ENGINE.compile(ValidatedModule.of(w.wasm()));
        int exit;
        try (Wasi wasi = Wasi.builder().args(w.argv(Workload.SMOKE)).stdin(InputStream.nullInputStream())
                .stdout(out).stderr(err).build()) {
            exit = wasi.runStart(compiled.instantiate(new Store(), wasi.imports()));
        }
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        w.verifyStdout(Workload.SMOKE, out.toByteArray());
    }

    /** cat_file.wat: opens hello.txt in the first preopened directory and copies it to stdout. */
    @Test void preopenedDirectoriesAreMappedForGraalWasmsWasi(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String text = "contents of a preopened file\n";
        java.nio.file.Files.writeString(dir.resolve("hello.txt"), text);
        byte[] wasm;
        try (InputStream in = GraalWasmEngineTest.class.getResourceAsStream("cat_file.wasm")) {
            wasm = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledModule compiled = ENGINE.compile(ValidatedModule.of(wasm));
        try (Wasi wasi = Wasi.builder().args(List.of("cat_file")).preopen(dir, "/data").stdout(out).build()) {
            assertThat(wasi.runStart(compiled.instantiate(new Store(), wasi.imports()))).isZero();
        }
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(text);
    }

    /**
     * Beyond the contract's trap kinds ({@link GraalWasmPeerContractTest}): a quotient, and unbounded
     * recursion, which must be the spec's call stack exhaustion, not a JVM error.
     */
    @Test void divisionAndDeepRecursion() {
        ModuleBuilder mb = new ModuleBuilder();
        int div = mb.type(new int[] {ModuleBuilder.I32, ModuleBuilder.I32}, ModuleBuilder.I32);
        int f = mb.func(div, 0, new Body().localGet(0).localGet(1).op(Op.I32_DIV_S));
        int none = mb.type(new int[0]);
        int rec = mb.func(none, 0, new Body().call(1));  // unbounded recursion
        Instance inst = ENGINE.compile(ValidatedModule.of(mb.export("div", f).export("recurse", rec).build()))
                .instantiate(new Store(), Imports.NONE);
        assertThat(inst.exportedFunction("div").invoke(-7, 2)).containsExactly(-3);
        assertThatThrownBy(() -> inst.exportedFunction("recurse").invoke()).isInstanceOfSatisfying(Trap.class,
                t -> assertThat(t.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
    }

    /** Keeping only an exported function (not its store or instance) must keep its context open. */
    @Test void aFunctionKeepsItsContextAlive() throws InterruptedException {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[] {ModuleBuilder.I32}, ModuleBuilder.I32);
        int f = mb.func(t, 0, new Body().localGet(0).i32Const(1).op(Op.I32_ADD));
        FunctionInstance inc = ENGINE.compile(ValidatedModule.of(mb.export("inc", f).build()))
                .instantiate(new Store(), Imports.NONE).exportedFunction("inc");
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(inc.invoke(41)).containsExactly(42);
    }

    /** GraalWasm 25.0.2 does not implement the tail-call proposal: the failure must say so, not crash. */
    @Test void tailCallsAreReportedAsUnsupported() {
        ModuleBuilder mb = new ModuleBuilder();
        int t = mb.type(new int[0], ModuleBuilder.I32);
        int g = mb.func(t, 0, new Body().i32Const(42));
        int f = mb.func(t, 0, new Body().returnCall(g));
        byte[] wasm = mb.export("f", f).build();
        assertThatThrownBy(() -> ENGINE.compile(ValidatedModule.of(wasm)).instantiate(new Store(), Imports.NONE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("does not implement the tail-call proposal (return_call in function 1");
    }
}
