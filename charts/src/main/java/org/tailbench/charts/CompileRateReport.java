package org.tailbench.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * "Compile rate": the compile benchmark's time per module ({@code CompileBenchmark.compile}: decode +
 * validate + the engine's compile, warm, ms per operation) divided by the module's size, as
 * <b>ms per MB of Wasm</b> (MB = 10⁶ bytes), one row per workload, one column per engine, with the error
 * scaled the same way. Issue 5 asks for it per workload so AOT compilers (aot, chicory-aot, wasmtime's
 * Cranelift) compare with each other and with the interpreters' lowering on a size-independent scale.
 * Sizes come from the workload catalog, or from the {@code wasmFile} parameter for a user's module.
 */
public final class CompileRateReport {
    static final String BENCHMARK = "org.tailbench.bench.CompileBenchmark.compile";

    private CompileRateReport() {}

    /** @return bytes of the module a compile result measured: its {@code wasmFile} param, else the catalog workload's */
    static long moduleBytes(JmhResult r) {
        String file = r.param("wasmFile");
        try {
            if (file != null && !file.isBlank()) return Files.size(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
        return WorkloadCatalog.load().get(r.param("workload")).wasm().length;
    }

    /**
     * @param results every JMH result of the run (only {@link #BENCHMARK}'s are used)
     * @param engines column order (engines not listed follow in order of appearance)
     * @param sizes   module bytes of a result (normally {@link #moduleBytes})
     * @return the markdown section, or "" when the run has no compile results
     */
    static String markdown(List<JmhResult> results, List<String> engines, ToLongFunction<JmhResult> sizes) {
        Map<String, Map<String, Estimate>> rows = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        java.util.LinkedHashSet<String> cols = new java.util.LinkedHashSet<>(engines);
        for (JmhResult r : results) {
            if (!r.benchmark().equals(BENCHMARK) || r.ms() == null) continue;
            String w = r.param("workload"), e = r.param("engine");
            long b = sizes.applyAsLong(r);
            if (b <= 0) continue;
            double mb = b / 1e6;
            rows.computeIfAbsent(w, k -> new LinkedHashMap<>())
                    .put(e, new Estimate(r.ms().score() / mb, r.ms().error() / mb));
            bytes.put(w, b);
            cols.add(e);
        }
        if (rows.isEmpty()) return "";
        List<String> used = cols.stream().filter(e -> rows.values().stream().anyMatch(m -> m.containsKey(e))).toList();
        StringBuilder sb = new StringBuilder("\n## Compile rate (ms per MB of Wasm)\n\n")
                .append("Decode + validate + compile time of the compile table divided by the module's size (MB = 10^6 bytes);")
                .append(" score ± error, lower is faster. Engines that compile lazily pay the rest during the runs.\n\n")
                .append("| workload | size (KB) |");
        for (String e : used) sb.append(' ').append(e).append(" |");
        sb.append("\n|---|---:|");
        sb.append("---:|".repeat(used.size())).append('\n');
        rows.forEach((w, m) -> {
            sb.append("| ").append(w).append(" | ").append(String.format(Locale.ROOT, "%.1f", bytes.get(w) / 1000.0)).append(" |");
            for (String e : used) {
                Estimate est = m.get(e);
                sb.append(' ').append(est == null ? "–" : est.format()).append(" |");
            }
            sb.append('\n');
        });
        return sb.toString();
    }
}
