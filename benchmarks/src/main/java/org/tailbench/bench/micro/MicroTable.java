package org.tailbench.bench.micro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link DispatchBenchmark} results as markdown: time per Wasm instruction (or per call) for every
 * kernel and engine, and the tail-call cost figure per engine.
 *
 * <p>Errors are JMH's (the half-width of the 99.9% confidence interval of the score, NaN when there are
 * too few iterations, shown as "± ?"). Dividing by a constant divides the error by it; a ratio
 * {@code r = a / b} gets the first-order propagated error {@code r * sqrt((ea/a)² + (eb/b)²)} (independent
 * measurements).
 */
final class MicroTable {
    private MicroTable() {}

    /**
     * One benchmark result.
     * @param engine    engine name
     * @param kernel    kernel (benchmark method) name, one of {@link Kernels#NAMES}
     * @param n         the {@code n} parameter
     * @param usPerOp   score, microseconds per operation
     * @param usError   its error, microseconds (NaN when unknown)
     * @param bytesPerOp {@code gc.alloc.rate.norm}, bytes allocated per operation (NaN without {@code -prof gc})
     */
    record Row(String engine, String kernel, int n, double usPerOp, double usError, double bytesPerOp) {}

    /** A value with its error. */
    record Est(double value, double error) {
        Est div(double d) { return new Est(value / d, error / d); }
        Est ratio(Est b) {
            double r = value / b.value;
            return new Est(r, Math.abs(r) * Math.hypot(error / value, b.error / b.value));
        }
        String fmt(int decimals) {
            String f = "%." + decimals + "f";
            return String.format(Locale.ROOT, f, value) + " ± "
                    + (Double.isNaN(error) ? "?" : String.format(Locale.ROOT, f, error));
        }
    }

    /** @return nanoseconds per {@link Kernel#unit()} of {@code r}'s kernel, with its error */
    static Est nsPerUnit(Row r) {
        Kernel k = Kernels.byName(r.kernel());
        return new Est(r.usPerOp() * 1000, r.usError() * 1000).div(k.units(r.n()));
    }

    /** @return bytes allocated per unit (per call for call kernels), NaN without {@code -prof gc} */
    static double bytesPerUnit(Row r) {
        return r.bytesPerOp() / Kernels.byName(r.kernel()).units(r.n());
    }

    /** The engine the "relative" table divides by when it was run (else the first engine). */
    static final String BASELINE = "switch";

    /**
     * @return the markdown tables for {@code rows}: engines as columns in order of first appearance, and
     *         (for several engines) times relative to {@link #BASELINE}
     */
    static String render(List<Row> rows) {
        Map<String, Map<String, Row>> byEngine = new LinkedHashMap<>();
        for (Row r : rows) byEngine.computeIfAbsent(r.engine(), e -> new LinkedHashMap<>()).put(r.kernel(), r);
        List<String> engines = new ArrayList<>(byEngine.keySet());
        StringBuilder s = new StringBuilder();

        s.append("### Time per Wasm instruction (loop kernels) or per call (call kernels), ns\n\n");
        s.append("| kernel | unit | instructions per iteration |");
        for (String e : engines) s.append(' ').append(e).append(" |");
        s.append("\n|---|---|---:|");
        s.append("---:|".repeat(engines.size())).append('\n');
        for (String name : Kernels.NAMES) {
            if (byEngine.values().stream().noneMatch(m -> m.containsKey(name))) continue;
            Kernel k = Kernels.byName(name);
            s.append("| ").append(name).append(" | ").append(k.unit()).append(" | ")
                    .append(k.instructionsPerIteration()).append(" |");
            for (String e : engines) {
                Row r = byEngine.get(e).get(name);
                s.append(' ').append(r == null ? "–" : nsPerUnit(r).fmt(3)).append(" |");
            }
            s.append('\n');
        }

        s.append("\n### Tail-call cost (goal: ratio ≤ 1.2, 0 B per tail call)\n\n");
        s.append("| engine | ns per call+return | ns per return_call | ratio | ns per call_indirect+return"
                + " | ns per return_call_indirect | ratio | B per return_call | B per return_call_indirect"
                + " | B per call |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String e : engines) {
            Map<String, Row> m = byEngine.get(e);
            s.append("| ").append(e).append(" | ")
                    .append(cell(m.get("call"))).append(" | ").append(cell(m.get("returnCall"))).append(" | ")
                    .append(ratio(m.get("returnCall"), m.get("call"))).append(" | ")
                    .append(cell(m.get("callIndirect"))).append(" | ").append(cell(m.get("returnCallIndirect")))
                    .append(" | ").append(ratio(m.get("returnCallIndirect"), m.get("callIndirect"))).append(" | ")
                    .append(bytes(m.get("returnCall"))).append(" | ").append(bytes(m.get("returnCallIndirect")))
                    .append(" | ").append(bytes(m.get("call"))).append(" |\n");
        }
        if (engines.size() > 1) {
            String base = engines.contains(BASELINE) ? BASELINE : engines.getFirst();
            List<String> others = engines.stream().filter(e -> !e.equals(base)).toList();
            s.append("\n### Time relative to ").append(base).append(" (lower is faster)\n\n| kernel |");
            for (String e : others) s.append(' ').append(e).append(" |");
            s.append("\n|---|").append("---:|".repeat(others.size())).append('\n');
            for (String name : Kernels.NAMES) {
                Row b = byEngine.get(base).get(name);
                if (b == null) continue;
                s.append("| ").append(name).append(" |");
                for (String e : others) {
                    s.append(' ').append(ratio(byEngine.get(e).get(name), b)).append(" |");
                }
                s.append('\n');
            }
        }
        return s.toString();
    }

    private static String cell(Row r) { return r == null ? "–" : nsPerUnit(r).fmt(3); }

    private static String ratio(Row a, Row b) {
        if (a == null || b == null) return "–";
        return nsPerUnit(a).ratio(nsPerUnit(b)).fmt(2);
    }

    private static String bytes(Row r) {
        if (r == null || Double.isNaN(r.bytesPerOp())) return "–";
        return String.format(Locale.ROOT, "%.4f", bytesPerUnit(r));
    }
}
