package org.tailbench.bench.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The child processes of a run: the references ({@code workloads/reference.sh}, which drives gcc, clang and
 * node), the calibration JVMs ({@code org.tailbench.bench.Calibrate}), the JFR pass's JVMs
 * ({@code org.tailbench.bench.jfr.JfrPass}) and GraalWasm's flags ({@code engines/peer-graalwasm/bin/graal-jvm-args.sh}).
 * Their output is appended to the run folder's jmh.log.
 */
final class Children {
    private Children() {}

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    static String classPath() { return System.getProperty("java.class.path"); }

    /** @return GraalWasm's optimizing flags (JVMCI, module path), or empty when its jars were not built */
    static List<String> graalFlags(Path root) {
        Path script = root.resolve("engines/peer-graalwasm/bin/graal-jvm-args.sh");
        if (!Files.isExecutable(script)) return List.of();
        try {
            Process p = new ProcessBuilder(script.toString(), root.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? JvmFlags.split(line) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** @return the Inventory JVM's command with {@code flags} (e.g. GraalWasm's optimizing configuration) */
    static List<String> inventoryCommand(List<String> flags) {
        List<String> cmd = new ArrayList<>(List.of(java(), JvmFlags.UNSAFE, JvmFlags.NATIVE));
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", classPath(), "org.tailbench.bench.Inventory"));
        return cmd;
    }

    /** @return {@code cmd}'s stdout lines (stderr discarded), empty when it fails or takes over 2 minutes */
    static List<String> output(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) return List.of();
            return text.lines().toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Runs {@code cmd}, its output appended to {@code log}. @return its exit status (124 after {@code timeoutSeconds}) */
    static int run(List<String> cmd, Path log, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return 124;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** @return the reference.sh command writing {@code tsv} */
    static List<String> referencesCommand(BenchConfig c, Matrix m, Path runDir, Path tsv) {
        List<String> cmd = new ArrayList<>(List.of(c.root().resolve("workloads/reference.sh").toString(), "--out", tsv.toString(),
                "--runs", "" + c.referenceRuns(), "--references", c.references(), "--timer", c.timer()));
        if (c.wasm() != null) {
            cmd.addAll(List.of("--wasm", runDir.resolve("module").resolve(c.wasmName() + ".wasm").toString(), "--name", c.wasmName(), "--"));
            cmd.addAll(c.programArgs());
        } else {
            cmd.addAll(List.of("--size", c.size(), "--workloads", String.join(",", m.workloads())));
        }
        return cmd;
    }

    /** @return the calibration JVM's command for {@code engines} (one group: graalwasm alone, with its flags) */
    static List<String> calibrateCommand(BenchConfig c, Matrix m, List<String> engines, List<String> extraFlags, Path runDir, Path tsv) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(c.forkJvmArgs());
        cmd.addAll(extraFlags);
        cmd.addAll(List.of("-cp", classPath(), "org.tailbench.bench.Calibrate", "--out", tsv.toString(), "--size", c.size(),
                "--engines", String.join(",", engines), "--resume", "true"));
        long maxOpMs = c.profile().run.maxOpMs();
        if (maxOpMs != Long.MAX_VALUE) cmd.addAll(List.of("--max-op-ms", Long.toString(maxOpMs)));
        if (c.wasm() != null) {
            cmd.addAll(List.of("--wasm", runDir.resolve("module").resolve(c.wasmName() + ".wasm").toString(), "--name", c.wasmName(),
                    "--args", "@" + runDir.resolve("module").resolve(c.wasmName() + ".args")));
        } else {
            cmd.addAll(List.of("--workloads", String.join(",", m.workloads())));
        }
        return cmd;
    }

    /**
     * One JFR pass cell: {@code engine} null = the opcode profile of {@code workload}; {@code notRun} non-null = the
     * reason the pass skips it (one operation over the profile's time limit, as its JMH cell).
     */
    record JfrCell(String engine, String workload, String notRun) {}

    /**
     * @param times the operation times (empty: every cell runs)
     * @return the JFR pass's cells of this shard (the same modulo slicing as the JMH plan), skipped ones included
     */
    static List<JfrCell> jfrCells(BenchConfig c, Matrix m, Plan plan, OpTimes times) {
        List<JfrCell> all = new ArrayList<>();
        for (String w : m.workloads()) {
            if (c.jfr()) for (String e : m.engines()) {
                all.add(new JfrCell(e, w, c.profile().run.adaptTo(times.of(Bench.RUN, w, e)).notRun()));
            }
            if (c.opcodeProfile()) all.add(new JfrCell(null, w, null));
        }
        List<JfrCell> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (i % plan.shards() == plan.shard() - 1) mine.add(all.get(i));
        return mine;
    }

    /** @return the JFR pass JVM's command for {@code cell} */
    static List<String> jfrCommand(BenchConfig c, JfrCell cell, Path runDir, boolean forDisplay) {
        List<String> cmd = new ArrayList<>(List.of(forDisplay ? "java" : java(), JvmFlags.XSS, JvmFlags.XMX, JvmFlags.UNSAFE, JvmFlags.NATIVE));
        cmd.addAll(JvmFlags.JFR);
        cmd.addAll(List.of("-cp", forDisplay ? "tailbench.jar" : classPath(), "org.tailbench.bench.jfr.JfrPass", "--out", runDir.toString()));
        if (c.wasm() != null) {
            cmd.addAll(List.of("--wasm", runDir.resolve("module").resolve(c.wasmName() + ".wasm").toString(), "--name", c.wasmName(),
                    "--args-file", runDir.resolve("module").resolve(c.wasmName() + ".args").toString()));
        } else {
            cmd.addAll(List.of("--workload", cell.workload(), "--size", c.size()));
        }
        if (cell.engine() != null) {
            cmd.addAll(List.of("--engine", cell.engine(), "--warmup", "" + c.jfrWarmup(), "--seconds", "" + c.jfrSeconds()));
        } else {
            cmd.add("--opcode-profile");
        }
        return cmd;
    }

    /** @return the JFR pass's commands as text, or a skipped cell's reason as the real run says it (for --dry-run) */
    static List<String> jfrPlan(BenchConfig c, Matrix m, Plan plan, OpTimes times) {
        List<String> out = new ArrayList<>();
        for (JfrCell cell : jfrCells(c, m, plan, times)) {
            out.add(cell.notRun() != null ? "no recording of " + cell.engine() + " × " + cell.workload() + " (" + cell.notRun() + ")"
                    : BenchCommand.quote(jfrCommand(c, cell, Path.of("RUN_DIR"), true)));
        }
        return out;
    }

    static String pathSeparator() { return File.pathSeparator; }
}
