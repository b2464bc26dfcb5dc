package org.tailbench.charts.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Charts of the JFR recordings of one workload ({@code jfr/<workload>/<engine>.jfr}): stack depth
 * (JVM and Wasm), per-opcode self time and per-function self/total time; adds a plain-text note for
 * everything it could not draw and why.
 */
final class ProfileCharts {
    static final String DEPTH = "Stack depth";
    static final String OPCODES = "Per-opcode self time (JFR execution samples)";
    static final String FUNCTIONS = "Per-function time";
    static final int TOP_OPCODES = 25;
    static final int TOP_FUNCTIONS = 20;

    /** One engine's recording of the workload with how its frames were attributed. */
    record Recording(String engine, JfrProfile profile, String attributionMethod, boolean attributes) {}

    private ProfileCharts() {}

    static void draw(Path runDir, String workload, List<Recording> recs, IntFunction<String> functionName,
                     List<Figure> figures, List<String> notes) throws IOException {
        String w = ChartFiles.slug(workload);
        Map<String, List<Integer>> jvm = new LinkedHashMap<>(), wasm = new LinkedHashMap<>();
        List<String> truncated = new ArrayList<>();
        for (Recording r : recs) {
            if (!r.profile().jvmDepths().isEmpty()) jvm.put(r.engine(), r.profile().jvmDepths());
            if (!r.profile().wasmDepths().isEmpty()) wasm.put(r.engine(), r.profile().wasmDepths());
            if (r.profile().truncated() > 0) truncated.add(r.engine() + " " + r.profile().truncated());
        }
        if (!jvm.isEmpty()) {
            String sub = "jdk.ExecutionSample of threads running tailbench code; frames per sample include inlined frames."
                    + (truncated.isEmpty() ? "" : " Samples cut at the recording's stack-depth limit (depth is a lower bound): " + String.join(", ", truncated) + ".");
            figures.add(ChartFiles.write(runDir, "depth-jvm-" + w, DEPTH, "JVM stack depth per execution sample, by engine, on " + workload
                    + ". A trampolined engine stays flat however deep the Wasm recursion or tail-call chain; an engine that maps Wasm calls to JVM calls grows with them.",
                    DepthChart.create("JVM stack depth — " + workload, sub, "JVM frames per execution sample", jvm)));
        } else {
            notes.add(workload + ": no execution samples of tailbench code in the recordings, so no JVM stack-depth chart.");
        }
        List<String> noWasm = recs.stream().filter(r -> r.profile().wasmDepthEvents() == 0).map(Recording::engine).toList();
        if (!wasm.isEmpty()) {
            figures.add(ChartFiles.write(runDir, "depth-wasm-" + w, DEPTH, "Wasm call depth (active Wasm frames) from the periodic tailbench.WasmCallDepth event, on " + workload
                    + (noWasm.isEmpty() ? "." : "; not recorded for " + String.join(", ", noWasm) + "."),
                    DepthChart.create("Wasm call depth — " + workload, "tailbench.WasmCallDepth events (periodic, per running Wasm thread)"
                            + (noWasm.isEmpty() ? "" : "; not recorded: " + String.join(", ", noWasm)), "active Wasm frames per event", wasm)));
        } else {
            notes.add(workload + ": Wasm call depth not recorded (no tailbench.WasmCallDepth events in the recordings).");
        }
        for (Recording r : recs) {
            opcodes(runDir, workload, r, figures, notes);
            functions(runDir, workload, r, functionName, figures, notes);
        }
    }

    private static void opcodes(Path runDir, String workload, Recording r, List<Figure> figures, List<String> notes) throws IOException {
        JfrProfile p = r.profile();
        if (!r.attributes()) {
            notes.add(workload + " × " + r.engine() + ": no per-opcode chart — " + r.attributionMethod() + ".");
            return;
        }
        if (p.attributedOpcodes() == 0) {
            notes.add(workload + " × " + r.engine() + ": no per-opcode chart — none of the " + p.samples() + " samples had a frame attributable to a Wasm instruction.");
            return;
        }
        var shares = TopBarChart.shares(p.opcodeSelf(), p.attributedOpcodes(), TOP_OPCODES, true);
        String sub = String.format(Locale.ROOT, "%d of %d samples (%.0f%%) attributed; the rest ran outside the engine's instruction code (host functions/WASI, JVM start-up, compilation). Attribution: %s",
                p.attributedOpcodes(), p.samples(), 100.0 * p.attributedOpcodes() / Math.max(1, p.samples()), r.attributionMethod());
        figures.add(ChartFiles.write(runDir, "opcodes-" + ChartFiles.slug(workload) + "-" + ChartFiles.slug(r.engine()), OPCODES,
                "Share of attributed execution samples per Wasm instruction (self time: the innermost frame the engine can attribute), top " + TOP_OPCODES + " and the rest as other, " + r.engine() + " on " + workload + ".",
                TopBarChart.create("Self time per Wasm opcode — " + r.engine() + ", " + workload, sub, "Wasm instruction",
                        "share of attributed samples (%)", Map.of("self", shares), "0.0")));
    }

    private static void functions(Path runDir, String workload, Recording r, IntFunction<String> functionName,
                                  List<Figure> figures, List<String> notes) throws IOException {
        JfrProfile p = r.profile();
        Map<Integer, Long> self, total;
        long denom;
        String source;
        if (!p.jvmFunctionSelf().isEmpty()) {
            self = p.jvmFunctionSelf();
            total = p.jvmFunctionTotal();
            denom = p.samples();
            source = "JVM execution samples attributed to Wasm functions (self: innermost function frame; total: on the stack); "
                    + denom + " samples. Attribution: " + r.attributionMethod();
        } else if (!p.wasmFunctionSelf().isEmpty()) {
            self = p.wasmFunctionSelf();
            total = p.wasmFunctionTotal();
            denom = p.wasmDepthEvents();
            source = "sampled by the periodic tailbench.WasmCallDepth event (self: innermost function; total: in the event's stack of at most 64 innermost frames); "
                    + denom + " events";
        } else {
            notes.add(workload + " × " + r.engine() + ": no per-function chart — no JVM frame maps to a Wasm function and no tailbench.WasmCallDepth events were recorded.");
            return;
        }
        Map<String, Long> byName = new LinkedHashMap<>();
        for (var e : self.entrySet()) byName.put(name(functionName, p, e.getKey()), e.getValue());
        LinkedHashMap<String, Double> selfShare = new LinkedHashMap<>(), totalShare = new LinkedHashMap<>();
        Map<Integer, Long> rank = new LinkedHashMap<>(self);
        for (var e : total.entrySet()) rank.putIfAbsent(e.getKey(), 0L);
        for (int fn : TopBarChart.top(rank, TOP_FUNCTIONS)) {
            String n = name(functionName, p, fn);
            selfShare.put(n, 100.0 * self.getOrDefault(fn, 0L) / denom);
            totalShare.put(n, 100.0 * total.getOrDefault(fn, 0L) / denom);
        }
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        series.put("self", selfShare);
        series.put("total", totalShare);
        figures.add(ChartFiles.write(runDir, "functions-" + ChartFiles.slug(workload) + "-" + ChartFiles.slug(r.engine()), FUNCTIONS,
                "Self and total time per Wasm function (top " + TOP_FUNCTIONS + " by self time), " + r.engine() + " on " + workload + ".",
                TopBarChart.create("Time per Wasm function — " + r.engine() + ", " + workload, source, "Wasm function (index name)",
                        "share of samples (%)", series, "0.0")));
    }

    private static String name(IntFunction<String> functionName, JfrProfile p, int index) {
        String n = p.functionNames().get(index);
        if (n == null) n = functionName.apply(index);
        if (n == null || n.isBlank()) n = "func[" + index + "]";
        if (n.length() > 48) n = n.substring(0, 45) + "…";
        return index + " " + n;
    }
}
