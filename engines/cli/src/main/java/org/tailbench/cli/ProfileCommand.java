package org.tailbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tailbench.interp.sw.OpcodeProfiler;
import org.tailbench.jfr.ProfileRecorder;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.Trap;
import org.tailbench.wasm.validate.ValidatedModule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tailbench profile}: records one WASI program with JFR in-process ({@link ProfileRecorder}:
 * {@code tailbench.jfc}, warm-up first, then the program runs repeatedly for the recording time; output
 * is shown for the first run only, later runs must exit with the same code) and writes a run folder:
 * {@code jfr/<name>/<engine>.jfr}, {@code command.txt}, {@code environment.json}, and with
 * {@code --opcode-profile} {@code opcodes/<name>/switch.json} (exact Wasm counts from the {@code switch}
 * engine's counting mode). Then draws charts with the {@code charts} subcommand when this build has it.
 * The {@code ./tailbench} launcher adds {@link ProfileRecorder#JVM_FLAGS} for this command.
 * Exit status: 0, 134 when the first run traps, 1 for bad input or a failed write.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Records a WASI program with JFR (tailbench.jfc) and writes a run folder for the charts.",
                "Options go before FILE; everything after FILE is passed to the program."})
final class ProfileCommand implements Callable<Integer> {
    private final Io io;

    @Mixin EngineArgs.Choice engine = new EngineArgs.Choice();

    @Mixin EngineArgs.Tuning tuning = new EngineArgs.Tuning();

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "N",
            description = "Seconds to record, after the warm-up (default: ${DEFAULT-VALUE}; 0: no JFR recording).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "N", description = "Seconds to run before recording (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--opcode-profile",
            description = "Also count every executed Wasm instruction and pair exactly (switch engine counting mode, one run).")
    boolean opcodeProfile;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: results/profile-<UTC time>-<engine>-<name>).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "Workload name in the folder layout (default: FILE without .wasm).")
    String name;

    @Option(names = "--no-charts", description = "Do not draw charts.")
    boolean noCharts;

    @Parameters(index = "0", paramLabel = "FILE.wasm", description = "The WASI command module.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program.")
    List<String> args = new ArrayList<>();

    ProfileCommand(Io io) { this.io = io; }

    @Override public Integer call() {
        try {
            if (seconds < 0 || warmup < 0) throw new UserError("--seconds and --warmup must not be negative");
            if (name == null) name = file.getFileName().toString().replaceFirst("\\.wasm$", "");
            if (!name.matches("[A-Za-z0-9_.-]+")) throw new UserError("--name '" + name + "': use letters, digits, '_', '.' and '-' only");
            EngineOptions options = tuning.install();
            ValidatedModule vm = ModuleInput.load(file);
            Engine e = engine.engine();
            CompiledModule cm = e.compile(vm, options);
            List<String> argv = new ArrayList<>();
            argv.add(file.toString());
            argv.addAll(args);

            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            int firstExit;
            try {
                firstExit = ProfileRecorder.runWasi(cm, argv, stdout, stderr);
            } catch (Trap t) {
                io.out().write(stdout.toByteArray());
                io.err().write(stderr.toByteArray());
                io.err().println("trap: " + t.getMessage());
                return RunCommand.TRAP_EXIT;
            }
            io.out().write(stdout.toByteArray());
            io.err().write(stderr.toByteArray());
            io.out().flush();

            Path dir = out != null ? out : Path.of("results", "profile-"
                    + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")) + "-" + engine.name + "-" + name);
            Files.createDirectories(dir);
            writeAtomically(dir.resolve("command.txt"), "# " + ZonedDateTime.now(ZoneOffset.UTC) + "\n"
                    + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + "\n"
                    + "tailbench profile --engine " + engine.name + (options.isEmpty() ? "" : " --option " + String.join(" --option ", options.encode().split(",")))
                    + " --seconds " + seconds + " --warmup " + warmup
                    + (opcodeProfile ? " --opcode-profile" : "") + " --name " + name + " " + String.join(" ", argv) + "\n"
                    + "# first run: exit code " + firstExit + ", " + stdout.size() + " bytes of stdout\n");
            writeAtomically(dir.resolve("environment.json"), environmentJson());
            // the module itself, so the charts (opcode and function names) and later redraws need nothing outside the folder
            Path module = dir.resolve("module").resolve(name + ".wasm");
            Files.createDirectories(module.getParent());
            Files.copy(file, module, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            if (seconds > 0) {
                Path jfr = ProfileRecorder.jfrFile(dir, name, engine.name);
                int expectExit = firstExit;
                ProfileRecorder.Result r = ProfileRecorder.record(() -> e.compile(vm, options), () -> {
                    int code = ProfileRecorder.runWasi(cm, argv, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
                    if (code != expectExit) throw new IllegalStateException("a later run exited with " + code + ", the first with " + expectExit);
                }, seconds(warmup), seconds(seconds), jfr);
                io.err().printf("profile: %d warm-up runs, then %d runs recorded in %.1f s: %s%n",
                        r.warmupRuns(), r.recordedRuns(), r.recorded().toMillis() / 1000.0, jfr);
            }
            if (opcodeProfile) {
                Path json = dir.resolve("opcodes").resolve(name).resolve("switch.json");
                Files.createDirectories(json.getParent());
                writeAtomically(json, OpcodeProfiler.profileWasi(vm, name, argv));
                io.err().println("profile: exact opcode counts: " + json);
            }
            drawCharts(dir);
            io.err().println("profile: run folder " + dir);
            return 0;
        } catch (UserError x) {
            io.err().println("error: " + x.getMessage());
            return 1;
        } catch (IOException x) {
            io.err().println("error: " + x.getMessage());
            return 1;
        }
    }

    private static Duration seconds(double s) { return Duration.ofNanos((long) (s * 1e9)); }

    /**
     * Draws charts through the {@code charts} subcommand when this build registers one; its messages go to
     * stderr, so stdout holds only the program's output.
     */
    private void drawCharts(Path dir) {
        if (noCharts) return;
        CommandLine root = Main.commandLine(new Io(io.in(), io.err(), io.err()));
        if (!root.getSubcommands().containsKey("charts")) {
            io.err().println("profile: charts are not available in this build (no `charts` subcommand); open the .jfr in JDK Mission Control");
            return;
        }
        int code = root.execute("charts", dir.toString());
        if (code != 0) io.err().println("profile: drawing charts failed (exit " + code + ")");
    }

    private static String environmentJson() {
        Runtime rt = Runtime.getRuntime();
        StringBuilder sb = new StringBuilder("{");
        for (String k : List.of("java.version", "java.vm.name", "java.vm.version", "os.name", "os.arch", "os.version")) {
            sb.append(json(k)).append(':').append(json(System.getProperty(k, ""))).append(',');
        }
        sb.append("\"availableProcessors\":").append(rt.availableProcessors()).append(',');
        sb.append("\"maxHeapBytes\":").append(rt.maxMemory()).append(',');
        sb.append("\"jvmArgs\":[");
        List<String> a = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < a.size(); i++) sb.append(i > 0 ? "," : "").append(json(a.get(i)));
        return sb.append("]}\n").toString();
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static void writeAtomically(Path p, String text) throws IOException {
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
