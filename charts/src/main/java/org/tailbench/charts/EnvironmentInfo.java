package org.tailbench.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Records the machine a benchmark ran on as {@code environment.json}: JVM (version, vendor, the benchmark
 * forks' JVM flags), CPU model and core count (from {@code /proc/cpuinfo}), memory, OS and kernel, CPU
 * frequency governor, load average, host name and the git commit of the sources. Every probe is best
 * effort: what cannot be read is left out (never guessed).
 *
 * <p>Usage: {@code java -cp charts.jar org.tailbench.charts.EnvironmentInfo --out environment.json
 * [--jvm-args "flags of the benchmark JVMs"] [--repo DIR]}
 */
public final class EnvironmentInfo {
    private EnvironmentInfo() {}

    public static void main(String[] args) throws IOException {
        Path out = null;
        String jvmArgs = null;
        Path repo = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--jvm-args" -> jvmArgs = value(args, ++i, "--jvm-args");
                case "--repo" -> repo = Path.of(value(args, ++i, "--repo"));
                case "-h", "--help" -> {
                    System.out.println("usage: EnvironmentInfo --out FILE [--jvm-args \"FLAGS\"] [--repo DIR]");
                    return;
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (out == null) usage("--out FILE is required");
        AtomicFiles.write(out, JmhJson.MAPPER.writeValueAsString(collect(jvmArgs, repo)) + "\n");
    }

    /** @return the environment as a JSON object (see the class comment for the fields) */
    public static ObjectNode collect(String benchmarkJvmArgs, Path repo) {
        ObjectNode root = JmhJson.MAPPER.createObjectNode();
        root.put("timestampUtc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("host", hostName());
        ObjectNode os = root.putObject("os");
        os.put("name", System.getProperty("os.name"));
        os.put("kernel", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));
        readFirst(Path.of("/etc/os-release"), "PRETTY_NAME=").ifPresent(v -> os.put("distribution", v.replace("\"", "")));
        ObjectNode cpu = root.putObject("cpu");
        List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
        cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .ifPresent(l -> cpu.put("model", l.substring(l.indexOf(':') + 1).strip()));
        long processors = cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
        if (processors > 0) cpu.put("logicalCpus", processors);
        cpu.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        firstLine(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")).ifPresent(v -> cpu.put("governor", v));
        firstLine(Path.of("/sys/devices/system/cpu/intel_pstate/no_turbo")).ifPresent(v -> cpu.put("intelNoTurbo", v));
        firstLine(Path.of("/sys/devices/system/cpu/cpufreq/boost")).ifPresent(v -> cpu.put("boost", v));
        readFirst(Path.of("/proc/meminfo"), "MemTotal:").ifPresent(v -> root.put("memory", v.strip()));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load >= 0) root.put("loadAverage1mAtStart", Math.round(load * 100) / 100.0);
        ObjectNode java = root.putObject("java");
        java.put("version", System.getProperty("java.runtime.version"));
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("vmName", System.getProperty("java.vm.name"));
        java.put("vmVersion", System.getProperty("java.vm.version"));
        java.put("home", System.getProperty("java.home"));
        if (benchmarkJvmArgs != null) java.put("benchmarkJvmArgs", benchmarkJvmArgs);
        ObjectNode git = root.putObject("git");
        String commit = run(repo, "git", "rev-parse", "HEAD");
        if (commit != null && !commit.isBlank()) {
            git.put("commit", commit.strip());
            String status = run(repo, "git", "status", "--porcelain", "--untracked-files=no");
            if (status != null) git.put("dirty", !status.isBlank());
        }
        return root;
    }

    /**
     * @return a short "## Environment" markdown section from an environment.json object: {@link #collect}'s form, or
     *         the flat form {@code tailbench profile} writes (system properties by name, availableProcessors, jvmArgs)
     */
    public static String markdown(JsonNode env) {
        if (!env.has("cpu") && (env.has("os.name") || env.has("java.version"))) return flatMarkdown(env);
        StringBuilder sb = new StringBuilder("## Environment\n\n");
        JsonNode cpu = env.path("cpu");
        line(sb, "CPU", cpu.path("model").asText("?") + " — " + cpu.path("availableProcessors").asText("?") + " CPUs available"
                + (cpu.has("governor") ? ", governor " + cpu.path("governor").asText() : ""));
        line(sb, "Memory", env.path("memory").asText(""));
        JsonNode os = env.path("os");
        line(sb, "OS", (os.has("distribution") ? os.path("distribution").asText() + ", " : "") + os.path("name").asText("")
                + " " + os.path("kernel").asText("") + " (" + os.path("arch").asText("") + ")");
        JsonNode java = env.path("java");
        line(sb, "JVM", java.path("vmName").asText("") + " " + java.path("version").asText("") + " (" + java.path("vendor").asText("") + ")");
        if (java.has("benchmarkJvmArgs")) line(sb, "Benchmark JVM flags", "`" + java.path("benchmarkJvmArgs").asText() + "`");
        line(sb, "Host", env.path("host").asText(""));
        if (env.has("loadAverage1mAtStart")) {
            double load = Math.max(env.path("loadAverage1mAtStart").asDouble(), env.path("loadAverage1mMax").asDouble(0));
            int cpus = cpu.path("availableProcessors").asInt(1);
            line(sb, "Load average (1 min)", "at start " + env.path("loadAverage1mAtStart").asText()
                    + (env.has("loadAverage1mAtEnd") ? ", at the end " + env.path("loadAverage1mAtEnd").asText() : "")
                    + (env.has("loadAverage1mMax") ? ", highest seen between benchmarks " + env.path("loadAverage1mMax").asText() : "")
                    + (!env.has("otherProcessesCpuShare") && load > 0.5 * cpus
                        ? " (high for " + cpus + " CPUs: other processes may have competed with the benchmark)" : ""));
        }
        if (env.has("otherProcessesCpuShare")) {   // written by tailbench bench: see OtherCpu there
            double other = env.path("otherProcessesCpuShare").asDouble();
            line(sb, "Other processes' CPU", String.format(Locale.ROOT, "%.1f %% of the machine's CPU time during the run"
                    + " (the load average above counts the run's own JVMs)%s", other * 100,
                    other > 0.25 ? ": high, other processes competed with the benchmark" : ""));
        }
        JsonNode git = env.path("git");
        if (git.has("commit")) line(sb, "Sources", "git " + git.path("commit").asText() + (git.path("dirty").asBoolean(false) ? " (with uncommitted changes)" : ""));
        line(sb, "Started", env.path("timestampUtc").asText(""));
        return sb.append('\n').toString();
    }

    /** The flat environment.json of {@code tailbench profile}. */
    private static String flatMarkdown(JsonNode env) {
        StringBuilder sb = new StringBuilder("## Environment\n\n");
        line(sb, "CPUs available", env.path("availableProcessors").asText(""));
        line(sb, "OS", env.path("os.name").asText("") + " " + env.path("os.version").asText("") + " (" + env.path("os.arch").asText("") + ")");
        line(sb, "JVM", env.path("java.vm.name").asText("") + " " + env.path("java.vm.version").asText("") + " (Java " + env.path("java.version").asText("") + ")");
        if (env.has("maxHeapBytes")) line(sb, "Max heap", (env.path("maxHeapBytes").asLong() >> 20) + " MiB");
        List<String> args = new ArrayList<>();
        env.path("jvmArgs").forEach(a -> args.add(a.asText()));
        if (!args.isEmpty()) line(sb, "JVM flags", "`" + String.join(" ", args) + "`");
        return sb.append('\n').toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        if (value != null && !value.isBlank()) sb.append("- ").append(key).append(": ").append(value.strip()).append('\n');
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) return h;
        var fromFile = firstLine(Path.of("/etc/hostname"));
        if (fromFile.isPresent()) return fromFile.get();
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static java.util.Optional<String> firstLine(Path p) {
        return lines(p).stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
    }

    private static java.util.Optional<String> readFirst(Path p, String prefix) {
        return lines(p).stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst();
    }

    /** @return the command's stdout, or null when it cannot run, fails or takes over 5 s */
    private static String run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS)) { p.destroy(); return null; }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) usage(option + " needs a value");
        return args[i];
    }

    static void usage(String message) {
        System.err.println("EnvironmentInfo: " + message);
        System.err.println("usage: EnvironmentInfo --out FILE [--jvm-args \"FLAGS\"] [--repo DIR]");
        System.exit(2);
    }
}
