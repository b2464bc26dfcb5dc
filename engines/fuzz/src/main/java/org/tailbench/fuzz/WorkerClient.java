package org.tailbench.fuzz;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on one worker JVM ({@link Worker}), started with this JVM's class path and flags:
 * sends a case, reads each engine's steps. Restarts the worker after it exits (a run overran its limit),
 * after it dies (a JVM crash becomes a {@value Outcomes#CRASH}{@code worker JVM died…} step for every
 * engine), and every {@link #RECYCLE_AFTER} cases. A backstop timer kills a worker that stops answering.
 */
public final class WorkerClient implements AutoCloseable {
    static final int RECYCLE_AFTER = 5000;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fuzz-worker-backstop");
        t.setDaemon(true);
        return t;
    });

    private final Path log;
    private final List<String> extraJvmArgs;
    private Process process;
    private DataOutputStream out;
    private DataInputStream in;
    private int served;
    private int restarts;

    /**
     * @param log where the worker's stderr goes (overwritten at each start)
     * @param extraJvmArgs JVM flags added after the inherited ones
     */
    public WorkerClient(Path log, List<String> extraJvmArgs) {
        this.log = log;
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
    }

    /** @return how many times a worker was started */
    public int starts() { return restarts; }

    /**
     * Runs one case.
     * @return per engine its outcome steps
     */
    public List<List<String>> run(byte[] bytes, List<String> engines, long invokeLimitMillis, long compileLimitMillis) {
        List<List<String>> all = new ArrayList<>();
        while (all.size() < engines.size()) {
            // a worker that timed out answers for the engines up to that one; the rest then run at once in a
            // fresh worker (one restart for all of them rather than one each)
            List<String> rest = engines.subList(all.size(), engines.size());
            List<List<String>> part = runOnce(bytes, rest, invokeLimitMillis, compileLimitMillis, !all.isEmpty());
            all.addAll(part.subList(0, Math.min(part.size(), rest.size())));
            if (part.isEmpty()) throw new IllegalStateException("worker answered for no engine");
        }
        return all;
    }

    private List<List<String>> runOnce(byte[] bytes, List<String> engines, long invokeLimitMillis, long compileLimitMillis, boolean parallel) {
        try {
            ensureStarted();
            new Worker.Request(bytes, engines, invokeLimitMillis, compileLimitMillis, parallel).write(out);
        } catch (IOException e) {
            return died(engines, "cannot send the case: " + e.getMessage());
        }
        long backstop = 60_000 + engines.size() * (2 * compileLimitMillis + 20 * invokeLimitMillis);
        Process p = process;
        ScheduledFuture<?> killer = TIMER.schedule(p::destroyForcibly, backstop, TimeUnit.MILLISECONDS);
        try {
            boolean stuck = in.readBoolean();
            int n = in.readInt();
            List<List<String>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = in.readInt();
                List<String> steps = new ArrayList<>();
                for (int j = 0; j < k; j++) steps.add(in.readUTF());
                all.add(steps);
            }
            killer.cancel(false);
            served++;
            if (stuck || served >= RECYCLE_AFTER) stop();
            return all;
        } catch (IOException e) {
            boolean killed = killer.isDone();
            killer.cancel(false);
            return died(engines, killed ? "worker JVM stopped answering for " + backstop + " ms (killed)" : "worker JVM died");
        }
    }

    private List<List<String>> died(List<String> engines, String why) {
        String tail = stderrTail();
        int code = -1;
        if (process != null) {
            try {
                process.destroyForcibly();
                code = process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process = null;
        String step = Outcomes.CRASH + why + " (exit " + code + "): " + Outcomes.clip(tail);
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) all.add(List.of(step));
        return all;
    }

    private String stderrTail() {
        try {
            String s = Files.readString(log);
            s = s.strip();
            int i = s.lastIndexOf('\n', Math.max(0, s.length() - 600));
            return s.substring(Math.max(0, i + 1));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) return;
        if (process != null) stop();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib") || a.startsWith("-javaagent") || a.startsWith("-Xmx") || a.startsWith("-XX:StartFlightRecording")
                    || a.startsWith("-Dtailbench.testsuite")) continue;
            cmd.add(a);
        }
        cmd.addAll(extraJvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Worker.class.getName());
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        process = pb.start();
        out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        served = 0;
        restarts++;
    }

    private void stop() {
        if (process == null) return;
        try {
            out.close();
        } catch (IOException ignored) {
            // the worker may be gone already
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override public void close() { stop(); }
}
