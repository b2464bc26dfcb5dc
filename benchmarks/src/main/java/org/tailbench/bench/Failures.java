package org.tailbench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tailbench.runtime.Trap;

/**
 * Records why a benchmark failed, for the tables: when the environment variable {@value #ENV} names a folder
 * (run-bench.sh sets it to {@code <run>/failures}; JMH's forks inherit the environment), a failing trial
 * setup or output check writes {@code <engine>__<workload>.txt} there, atomically (temporary file, then
 * rename): the first line is the one-line reason ({@code trap <kind>: <message>} for a Wasm trap, else the
 * exception's class and message), then the benchmark and size, then the stack trace. The exception is then
 * thrown on as before (JMH marks the benchmark failed, and the run goes on with the next one).
 */
public final class Failures {
    static final String ENV = "TAILBENCH_FAILURES_DIR";
    /** The same folder as a system property ({@code tailbench bench} passes it to the JMH forks). */
    static final String PROPERTY = "tailbench.failures.dir";

    private Failures() {}

    /** @return a one-line reason for {@code t} (at most 300 characters) */
    static String reason(Throwable t) {
        String text = t instanceof Trap trap
                ? "trap " + trap.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + trap.getMessage()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    /** Writes the failure file when {@value #ENV} is set; never throws (the original failure matters more). */
    static void record(String engine, String workload, String size, String benchmark, Throwable t) {
        String dir = System.getProperty(PROPERTY, System.getenv(ENV));
        if (dir == null || dir.isBlank()) return;
        try {
            write(Path.of(dir), engine, workload, size, benchmark, t);
        } catch (IOException | RuntimeException e) {
            System.err.println("tailbench: could not record the failure of " + engine + " × " + workload + ": " + e);
        }
    }

    /** @return the file written in {@code folder} */
    static Path write(Path folder, String engine, String workload, String size, String benchmark, Throwable t) throws IOException {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return writeFile(folder, engine, workload, reason(t) + "\nbenchmark: " + benchmark + ", size " + size + "\n\n" + trace);
    }

    /**
     * Records a cell that did not run (e.g. over a profile's time limit), so that its table cell gives the reason.
     * @param reason one line
     * @return the file written in {@code folder}
     */
    public static Path writeReason(Path folder, String engine, String workload, String size, String benchmark, String reason)
            throws IOException {
        return writeFile(folder, engine, workload, reason + "\nbenchmark: " + benchmark + ", size " + size + "\n");
    }

    /** Writes {@code folder/<engine>__<workload>.txt} atomically. */
    private static Path writeFile(Path folder, String engine, String workload, String body) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(safe(engine) + "__" + safe(workload) + ".txt");
        Path tmp = Files.createTempFile(folder, ".failure-", ".tmp");
        Files.writeString(tmp, body, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static String safe(String s) { return s.replaceAll("[^A-Za-z0-9_.-]", "_"); }
}
