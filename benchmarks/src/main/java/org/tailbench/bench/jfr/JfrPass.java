package org.tailbench.bench.jfr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tailbench.interp.sw.OpcodeProfiler;
import org.tailbench.jfr.ProfileRecorder;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.Workload;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * One cell of {@code run-bench.sh}'s JFR pass (run after the timed JMH pass, one JVM per cell, with
 * {@link ProfileRecorder#JVM_FLAGS}): checks one run of the workload, then records it with
 * {@code tailbench.jfc} to {@code RUN_DIR/jfr/<workload>/<engine>.jfr}; or, with
 * {@code --opcode-profile}, writes exact Wasm opcode counts to {@code RUN_DIR/opcodes/<workload>/switch.json}.
 *
 * <pre>
 * java FLAGS -cp benchmarks.jar org.tailbench.bench.jfr.JfrPass --out RUN_DIR --engine E
 *      (--workload W --size S | --wasm FILE --name NAME --args-file F) [--warmup SECONDS] [--seconds SECONDS]
 *      [--opcode-profile]
 * </pre>
 * Exit status 0, 1 on a wrong answer, a trap or bad arguments (message on stderr). A {@code *-naive} engine's
 * "call stack exhausted" is its expected outcome on deep tail-call workloads: those runs are recorded up to the trap.
 */
public final class JfrPass {
    private JfrPass() {}

    /**
     * @return whether {@code t} is the outcome the run expects of {@code engine}: "call stack exhausted" of a
     *         {@code *-naive} engine (e.g. {@code aot-naive}, whose tail calls grow the stack by design)
     */
    static boolean expectedStackExhaustion(String engine, Trap t) {
        return engine.endsWith("-naive") && t.kind() == TrapKind.CALL_STACK_EXHAUSTED;
    }

    public static void main(String[] a) throws IOException {
        try {
            System.exit(run(a));
        } catch (RuntimeException e) {
            System.err.println("jfr pass: " + e);
            System.exit(1);
        }
    }

    static int run(String[] a) throws IOException {
        String out = null, engineName = null, workload = null, size = "default", wasm = null, name = null, argsFile = null;
        double warmup = 2, seconds = 5;
        boolean opcodes = false;
        for (int i = 0; i < a.length; i++) {
            switch (a[i]) {
                case "--out" -> out = a[++i];
                case "--engine" -> engineName = a[++i];
                case "--workload" -> workload = a[++i];
                case "--size" -> size = a[++i];
                case "--wasm" -> wasm = a[++i];
                case "--name" -> name = a[++i];
                case "--args-file" -> argsFile = a[++i];
                case "--warmup" -> warmup = Double.parseDouble(a[++i]);
                case "--seconds" -> seconds = Double.parseDouble(a[++i]);
                case "--opcode-profile" -> opcodes = true;
                default -> throw new IllegalArgumentException("unknown argument " + a[i]);
            }
        }
        if (out == null || (workload == null) == (wasm == null)) {
            throw new IllegalArgumentException("usage: --out RUN_DIR --engine E (--workload W [--size S] | --wasm FILE --name NAME --args-file F)");
        }
        Workload w = null;
        byte[] bytes;
        List<String> argv;
        java.util.Map<String, String> env = java.util.Map.of();
        java.util.Map<String, Path> dirs = java.util.Map.of();
        if (workload != null) {
            w = WorkloadCatalog.load().get(workload);
            name = workload;
            bytes = w.wasm();
            argv = w.argv(size);
            env = w.env();          // CPython (py_*): PYTHONHOME and the preopened stdlib and scripts
            dirs = w.hostDirs();
        } else {
            bytes = Files.readAllBytes(Path.of(wasm));
            if (name == null) name = Path.of(wasm).getFileName().toString().replaceFirst("\\.wasm$", "");
            argv = new ArrayList<>();
            argv.add(name);
            if (argsFile != null) argv.addAll(Files.readAllLines(Path.of(argsFile), StandardCharsets.UTF_8));
        }
        final java.util.Map<String, String> wEnv = env;  // effectively final, for the recorded lambdas
        final java.util.Map<String, Path> wDirs = dirs;
        Path runDir = Path.of(out);
        ValidatedModule vm = ValidatedModule.of(bytes);
        if (opcodes) {
            Path json = runDir.resolve("opcodes").resolve(name).resolve("switch.json");
            Files.createDirectories(json.getParent());
            Path tmp = json.resolveSibling("switch.json.tmp");
            Files.writeString(tmp, OpcodeProfiler.profileWasi(vm, name, argv, wEnv, wDirs), StandardCharsets.UTF_8);
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("jfr pass: opcode profile of " + name + ": " + json);
            return 0;
        }
        if (engineName == null) throw new IllegalArgumentException("--engine is required");
        Engine engine = Engines.byName(engineName);
        CompiledModule cm = engine.compile(vm);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Path jfr = ProfileRecorder.jfrFile(runDir, name, engineName);
        ProfileRecorder.Result r;
        try {
            int exit = ProfileRecorder.runWasi(cm, argv, wEnv, wDirs, stdout, OutputStream.nullOutputStream());
            if (w != null) {
                w.verifyStdout(size, stdout.toByteArray());
                if (exit != 0) throw new IllegalStateException(name + " on " + engineName + " exited with " + exit);
            }
            r = ProfileRecorder.record(() -> engine.compile(vm), () -> {
                int code = ProfileRecorder.runWasi(cm, argv, wEnv, wDirs, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
                if (code != exit) throw new IllegalStateException("a later run exited with " + code + ", the first with " + exit);
            }, Duration.ofMillis((long) (warmup * 1000)), Duration.ofMillis((long) (seconds * 1000)), jfr);
        } catch (Trap t) {
            if (!expectedStackExhaustion(engineName, t)) throw t;
            // the naive baseline (return_call compiled as call + return) cannot finish a deep tail-call workload;
            // what the charts want from it is how deep its stack grows before the trap, so record the trapping runs
            System.out.printf("jfr pass: %s × %s ends in the trap \"%s\" (expected of the naive baseline); recording runs up to the trap%n",
                    name, engineName, t.getMessage());
            r = ProfileRecorder.record(() -> engine.compile(vm), () -> {
                try {
                    ProfileRecorder.runWasi(cm, argv, wEnv, wDirs, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
                    throw new IllegalStateException("a later run finished; the first trapped with " + t.getMessage());
                } catch (Trap again) {
                    if (again.kind() != t.kind()) throw again;
                }
            }, Duration.ofMillis((long) (warmup * 1000)), Duration.ofMillis((long) (seconds * 1000)), jfr);
        }
        System.out.printf("jfr pass: %s × %s: %d warm-up runs, %d runs recorded in %.1f s: %s%n", name, engineName,
                r.warmupRuns(), r.recordedRuns(), r.recorded().toMillis() / 1000.0, runDir.relativize(jfr));
        return 0;
    }
}
