package org.tailbench.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * Measures one operation of each benchmark per engine × workload, so that {@code tailbench bench} can size its
 * JMH iterations and estimate the run from real times (issue 15): decode + validate + compile, one untimed checked
 * run, then a few timed instantiations and runs, each time the fastest try ({@link #cell}; a JIT engine is still
 * far from warm after a few runs, so this over-estimates its operation).
 *
 * <pre>
 * java FORK_FLAGS -cp tailbench.jar org.tailbench.bench.Calibrate --out FILE.tsv --size S
 *      (--workloads a,b | --wasm FILE --name NAME --args @FILE) --engines e,f [--max-op-ms N] [--resume true]
 * </pre>
 * Writes a TSV ({@code engine workload compile_ms instantiate_ms run_ms status}, status {@code ok} or the one-line
 * failure reason; the times are empty then). With {@code --max-op-ms}, a cell whose first run is still going after
 * N ms gets status {@value #OVER_LIMIT} with run_ms = the time waited (a lower bound), and the JVM exits with status
 * {@value #EXIT_OVER_LIMIT} (the run cannot be stopped inside the engine); {@code --resume true} then keeps the
 * rows already in FILE.tsv and measures only the missing cells. Exit 0 (a failing cell is data, not an error), 2 on
 * bad arguments.
 */
public final class Calibrate {
    private Calibrate() {}

    /** status of a cell whose first run exceeded --max-op-ms */
    public static final String OVER_LIMIT = "over-limit";
    /** exit status after an {@value #OVER_LIMIT} cell: the caller starts a new JVM with --resume for the rest */
    public static final int EXIT_OVER_LIMIT = 3;

    public static void main(String[] a) throws IOException {
        Path out = null;
        String size = "default", wasm = "", name = null, args = "";
        long maxOpMs = Long.MAX_VALUE;
        boolean resume = false;
        List<String> engines = List.of(), workloads = List.of();
        for (int i = 0; i + 1 < a.length; i += 2) {
            switch (a[i]) {
                case "--out" -> out = Path.of(a[i + 1]);
                case "--size" -> size = a[i + 1];
                case "--engines" -> engines = List.of(a[i + 1].split(","));
                case "--workloads" -> workloads = List.of(a[i + 1].split(","));
                case "--wasm" -> wasm = a[i + 1];
                case "--name" -> name = a[i + 1];
                case "--args" -> args = a[i + 1];
                case "--max-op-ms" -> maxOpMs = Long.parseLong(a[i + 1]);
                case "--resume" -> resume = Boolean.parseBoolean(a[i + 1]);
                default -> { System.err.println("Calibrate: unknown argument " + a[i]); System.exit(2); }
            }
        }
        if (out == null || engines.isEmpty()) { System.err.println("Calibrate: --out and --engines are required"); System.exit(2); }
        if (!wasm.isBlank()) workloads = List.of(name);
        StringBuilder tsv = new StringBuilder("engine\tworkload\tcompile_ms\tinstantiate_ms\trun_ms\tstatus\n");
        java.util.Set<String> done = new java.util.HashSet<>();
        if (resume && Files.isRegularFile(out)) {
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.split("\t", -1);
                if (f.length < 6) continue;
                tsv.append(line).append('\n');
                done.add(f[0] + "\t" + f[1]);
            }
        }
        for (String w : workloads) {
            for (String e : engines) {
                if (done.contains(e + "\t" + w)) continue;
                String row = cell(e, w, size, wasm, args, maxOpMs);
                tsv.append(e).append('\t').append(w).append('\t').append(row).append('\n');
                Files.writeString(out, tsv, StandardCharsets.UTF_8);
                if (row.endsWith("\t" + OVER_LIMIT)) Runtime.getRuntime().halt(EXIT_OVER_LIMIT);  // its run thread is still going
            }
        }
    }

    /**
     * @return "compile_ms\tinstantiate_ms\trun_ms\tok", "compile_ms\t\twaited_ms\tover-limit", or "\t\t\treason". Each time
     * is the fastest of a few tries (compile: up to 3 within about 1 s; instantiate: up to 5; run: the checked first
     * run, then more within about 1.5 s in all), so that the JVM's first-call costs (class loading, interpretation
     * before JIT) do not count as the operation's where there is time to repeat it.
     */
    static String cell(String engine, String workload, String size, String wasm, String args, long maxOpMs) {
        try {
            Prepared p = Prepared.of(engine, workload, size, wasm, args);
            // compile as CompileBenchmark times it: decode + validate + the engine's compile of the in-memory bytes
            byte[] bytes = wasm == null || wasm.isBlank() ? WorkloadCatalog.load().get(workload).wasm()
                    : UserModule.load(workload, wasm, "").bytes();
            Engine e = Engines.byName(engine);
            long compile = Long.MAX_VALUE, spent = 0;
            for (int i = 0; i < 3 && (i == 0 || spent < 1_000_000_000L); i++) {
                long t0 = System.nanoTime();
                e.compile(ValidatedModule.of(bytes));
                long t = System.nanoTime() - t0;
                compile = Math.min(compile, t);
                spent += t;
            }
            long t0 = System.nanoTime();
            java.util.concurrent.FutureTask<Prepared.Run> first = new java.util.concurrent.FutureTask<>(p::runOnce);
            Thread runner = new Thread(null, first, "calibrate-run", 16L << 20);   // as deep as the forks' -Xss16m main thread
            runner.setDaemon(true);
            runner.start();
            Prepared.Run checked;
            try {
                checked = first.get(maxOpMs, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException over) {
                return ms(compile) + "\t\t" + ms(System.nanoTime() - t0) + "\t" + OVER_LIMIT;
            } catch (java.util.concurrent.ExecutionException failed) {   // runOnce throws only unchecked ones
                if (failed.getCause() instanceof Error err) throw err;
                throw failed.getCause() instanceof RuntimeException re ? re : new IllegalStateException(failed.getCause());
            }
            long run = System.nanoTime() - t0;
            p.check(checked);
            long instantiate = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long s0 = System.nanoTime();
                try (var wasi = p.newWasi(new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
                    p.instantiate(wasi);
                }
                instantiate = Math.min(instantiate, System.nanoTime() - s0);
            }
            spent = run;
            for (int i = 0; i < 4 && spent < 1_500_000_000L; i++) {
                long s0 = System.nanoTime();
                Prepared.Run r = p.runOnce();
                long t = System.nanoTime() - s0;
                p.check(r);
                run = Math.min(run, t);
                spent += t;
            }
            return ms(compile) + "\t" + ms(instantiate) + "\t" + ms(run) + "\t" + "ok";
        } catch (RuntimeException | Error | InterruptedException e) {
            return "\t\t\t" + Failures.reason(e).replace('\t', ' ');
        }
    }

    private static String ms(long nanos) { return String.format(Locale.ROOT, "%.3f", nanos / 1e6); }
}
