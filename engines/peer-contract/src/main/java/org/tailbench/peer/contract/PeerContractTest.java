package org.tailbench.peer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tailbench.wasm.ModuleBuilder.I32;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.PeerEngine;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.spectest.SpecRunner;
import org.tailbench.spectest.Testsuite;
import org.tailbench.testkit.EngineSuite;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.ModuleBuilder;
import org.tailbench.wasm.ModuleBuilder.Body;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * What every peer engine (another runtime behind our {@link Engine} interface) must do, run over the engines
 * a subclass names (an {@link EngineSuite} of the engine test kit, engines/testkit; it lives in this module because
 * it reads the workload catalog, which the kit cannot depend on): be a {@link PeerEngine} naming its library
 * version; run workloads (smoke size) to the native builds' expected output; run the musttail guest interpreter
 * ({@code pyvm_tailcall}) to the right output or fail with a {@link Trap} (or, where allowed, a clear
 * {@link UnsupportedOperationException});
 * pass WASI argv, {@code proc_exit} codes and preopened directories through our {@link Wasi} config; keep
 * trap kinds; report a missing import as a {@link LinkException} ("unknown import", spec text); and pass
 * most commands (80%) of a few spec testsuite files through {@link SpecRunner} (counts printed). Spec files
 * are skipped when the testsuite is absent ({@link Testsuite#HOW_TO_GET}).
 */
public abstract class PeerContractTest extends EngineSuite {
    /** What every engine's {@code about().get("library")} must contain, e.g. the pinned library version. */
    protected abstract String libraryVersion();

    /** Spec testsuite json files (names in the json/ folder) that must mostly pass. */
    protected abstract List<String> specFiles();

    /**
     * Whether an engine may reject {@code pyvm_tailcall} with an {@link UnsupportedOperationException}
     * (a runtime whose tail-call support is off or missing) instead of running it; default no.
     */
    protected boolean mayRejectTailCalls() { return false; }

    /** Function bodies ({@code [] -> [i32]}, one memory page) and the trap kind each must raise. */
    protected List<Arguments> trapCases() {
        return List.of(
                Arguments.of(new Body().op(Op.UNREACHABLE).i32Const(0), TrapKind.UNREACHABLE),
                Arguments.of(new Body().i32Const(1).i32Const(0).op(Op.I32_DIV_S), TrapKind.INTEGER_DIVIDE_BY_ZERO),
                Arguments.of(new Body().i32Const(1).i32Const(0).op(Op.I32_DIV_U), TrapKind.INTEGER_DIVIDE_BY_ZERO),
                Arguments.of(new Body().i32Const(Integer.MIN_VALUE).i32Const(-1).op(Op.I32_DIV_S), TrapKind.INTEGER_OVERFLOW),
                Arguments.of(new Body().i32Const(70000).mem(Op.I32_LOAD, 2, 0), TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS));
    }

    protected Stream<Arguments> engineAndWorkload() {
        return engines().stream().flatMap(e -> Stream.of("nbody", "richards", "json_loads", "pyvm_switch").map(w -> Arguments.of(e, w)));
    }

    @Test
    void foundAsPeersWithTheirLibraryVersion() {
        for (Engine e : engines()) {
            assertThat(e).isInstanceOf(PeerEngine.class);
            assertThat(((PeerEngine) e).about().get("library")).contains(libraryVersion()).doesNotContain("${");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engineAndWorkload")
    void workloadSmokeOutputMatchesTheNativeBuild(Engine engine, String name) {
        Workload w = WorkloadCatalog.load().get(name);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Wasi wasi = Wasi.builder().args(w.argv(Workload.SMOKE)).stdout(out).stderr(err).randomSeed(42).build();
        Instance inst = engine.compile(ValidatedModule.of(w.wasm())).instantiate(new Store(), wasi.imports());
        int exit = wasi.runStart(inst);
        assertThat(exit).as("exit code; stderr %s", err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(new String(w.expectedStdout(Workload.SMOKE), StandardCharsets.UTF_8));
    }

    /**
     * The musttail guest interpreter ({@code return_call_indirect} handlers). Whatever the engine does, the
     * outcome must be the right output or one of our {@link Trap}s, or, where {@link #mayRejectTailCalls},
     * a clear rejection (what the report shows as "fails").
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void tailCallWorkloadGivesTheRightOutputOrATrap(Engine engine) {
        Workload w = WorkloadCatalog.load().get("pyvm_tailcall");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wasi wasi = Wasi.builder().args(w.argv(Workload.SMOKE)).stdout(out).stderr(new ByteArrayOutputStream()).build();
        try {
            Instance inst = engine.compile(ValidatedModule.of(w.wasm())).instantiate(new Store(), wasi.imports());
            assertThat(wasi.runStart(inst)).isZero();
            assertThat(out.toByteArray()).isEqualTo(w.expectedStdout(Workload.SMOKE));
            System.out.println(engine.name() + " pyvm_tailcall: correct");
        } catch (Trap t) {
            assertThat(t.getMessage()).isNotBlank();
            System.out.println(engine.name() + " pyvm_tailcall: fails: " + t.kind() + ": " + t.getMessage());
        } catch (UnsupportedOperationException x) {
            assertThat(mayRejectTailCalls()).as("%s rejected pyvm_tailcall: %s", engine.name(), x.getMessage()).isTrue();
            assertThat(x.getMessage()).isNotBlank();
            System.out.println(engine.name() + " pyvm_tailcall: fails: " + x.getMessage());
        }
    }

    /** A WASI command calling {@code proc_exit(argc + 4)}, argc read with {@code args_sizes_get}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void procExitCodeAndArgsReachTheGuest(Engine engine) {
        ModuleBuilder mb = new ModuleBuilder();
        int exitT = mb.type(new int[] {I32});
        int sizesT = mb.type(new int[] {I32, I32}, I32);
        int voidT = mb.type(new int[0]);
        int procExit = mb.importFunc("wasi_snapshot_preview1", "proc_exit", exitT);
        int sizes = mb.importFunc("wasi_snapshot_preview1", "args_sizes_get", sizesT);
        int start = mb.func(voidT, 0, new Body().i32Const(0).i32Const(4).call(sizes).op(Op.DROP)
                .i32Const(0).mem(Op.I32_LOAD, 2, 0).i32Const(4).op(Op.I32_ADD).call(procExit));
        mb.memory(1).exportMemory("memory").export("_start", start);
        Wasi wasi = Wasi.builder().args(List.of("prog", "a", "b")).build();
        Instance inst = engine.compile(ValidatedModule.of(mb.build())).instantiate(new Store(), wasi.imports());
        assertThat(wasi.runStart(inst)).as("proc_exit(argc + 4)").isEqualTo(7);
    }

    protected Stream<Arguments> traps() {
        return engines().stream().flatMap(e -> trapCases().stream().map(c -> Arguments.of(e, c.get()[0], c.get()[1])));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("traps")
    void trapsKeepTheirKind(Engine engine, Body body, TrapKind kind) {
        ModuleBuilder mb = new ModuleBuilder();
        int f = mb.func(mb.type(new int[0], I32), 0, body);
        mb.memory(1).export("f", f);
        Instance inst = engine.compile(ValidatedModule.of(mb.build())).instantiate(new Store(), Imports.NONE);
        assertThatThrownBy(() -> inst.exportedFunction("f").invoke())
                .isInstanceOfSatisfying(Trap.class, t -> assertThat(t.kind()).isEqualTo(kind));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aMissingImportIsALinkError(Engine engine) {
        ModuleBuilder mb = new ModuleBuilder();
        mb.importFunc("env", "nothing", mb.type(new int[0]));
        assertThatThrownBy(() -> engine.compile(ValidatedModule.of(mb.build())).instantiate(new Store(), Imports.NONE))
                .isInstanceOfSatisfying(LinkException.class, e -> assertThat(e.specMessage()).isEqualTo("unknown import"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void preopenedDirectoryIsTheSameForTheGuest(Engine engine, @TempDir Path dir) throws IOException {
        // fd 3 is the first preopen: fd_prestat_get(3, buf) must succeed (errno 0) and give the guest path's length
        ModuleBuilder mb = new ModuleBuilder();
        int prestat = mb.importFunc("wasi_snapshot_preview1", "fd_prestat_get", mb.type(new int[] {I32, I32}, I32));
        int exit = mb.importFunc("wasi_snapshot_preview1", "proc_exit", mb.type(new int[] {I32}));
        int start = mb.func(mb.type(new int[0]), 0, new Body().i32Const(3).i32Const(16).call(prestat)
                .i32Const(100).op(Op.I32_MUL).i32Const(20).mem(Op.I32_LOAD, 2, 0).op(Op.I32_ADD).call(exit));
        mb.memory(1).exportMemory("memory").export("_start", start);
        Files.writeString(dir.resolve("x.txt"), "x");
        Wasi wasi = Wasi.builder().args(List.of("p")).preopen(dir, "/data").build();
        Instance inst = engine.compile(ValidatedModule.of(mb.build())).instantiate(new Store(), wasi.imports());
        assertThat(wasi.runStart(inst)).as("errno * 100 + pr_name_len of \"/data\"").isEqualTo(5);
    }

    protected Stream<Arguments> engineAndSpecFile() {
        return engines().stream().flatMap(e -> specFiles().stream().map(f -> Arguments.of(e, f)));
    }

    /** Counts are printed; each file must mostly pass (the peer is not required to pass everything). */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engineAndSpecFile")
    void specFilesMostlyPass(Engine engine, String file) {
        Optional<Path> json = Testsuite.jsonDir();
        assumeTrue(json.isPresent(), Testsuite.HOW_TO_GET);
        SpecRunner.FileResult r = SpecRunner.runFile(json.get().resolve(file), engine);
        System.out.println(engine.name() + " " + r.report().lines().limit(6).reduce((a, b) -> a + "\n" + b).orElse(""));
        assertThat(r.passed()).as(r.report()).isGreaterThan(0);
        assertThat(r.passed()).as(r.report()).isGreaterThanOrEqualTo((int) (0.8 * (r.passed() + r.failed())));
    }
}
