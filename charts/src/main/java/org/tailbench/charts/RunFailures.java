package org.tailbench.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Why benchmarks failed, as the benchmarks recorded it ({@code org.tailbench.bench.Failures}): a run
 * folder's {@code failures/<engine>__<workload>.txt} files, whose first line is a one-line reason. The tables
 * show such a cell as {@code fails: <reason>} instead of a number.
 *
 * @param reasons (engine, workload) → reason
 */
public record RunFailures(Map<Key, String> reasons) {
    public record Key(String engine, String workload) {}

    public static final RunFailures NONE = new RunFailures(Map.of());

    public RunFailures {
        reasons = Map.copyOf(reasons);
    }

    /** @return the reason {@code engine} failed {@code workload}, or null */
    public String reason(String engine, String workload) { return reasons.get(new Key(engine, workload)); }

    /**
     * A failure the run expects and does not count as missing: any recorded failure of a peer (peers may lack
     * features, e.g. tail calls), and "call stack exhausted" of a {@code *-naive} engine (e.g. {@code aot-naive},
     * the baseline that compiles {@code return_call} as call + return, so deep tail recursion must trap).
     * @param peer whether {@code engine} is a peer engine
     */
    public boolean expected(String engine, String workload, boolean peer) {
        String r = reason(engine, workload);
        if (r == null) return false;
        return peer || (engine.endsWith("-naive") && r.startsWith("trap call stack exhausted"));
    }

    public boolean isEmpty() { return reasons.isEmpty(); }

    /**
     * Reads {@code dir/*.txt}; a missing folder means no failures. Files not named {@code <engine>__<workload>.txt}
     * are ignored.
     * @throws IOException when the folder or a file cannot be read
     */
    public static RunFailures read(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) return NONE;
        Map<Key, String> m = new TreeMap<>(java.util.Comparator.comparing(Key::engine).thenComparing(Key::workload));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            name = name.substring(0, name.length() - 4);
            int sep = name.indexOf("__");
            if (sep <= 0 || sep + 2 >= name.length()) continue;
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            String reason = lines.isEmpty() || lines.getFirst().isBlank() ? "(no reason recorded)" : lines.getFirst().strip();
            m.put(new Key(name.substring(0, sep), name.substring(sep + 2)), reason);
        }
        return new RunFailures(m);
    }

    /** @return {@code "fails: <reason>"} shortened to about {@code max} characters, with '|' made safe for markdown tables */
    public static String cell(String reason, int max) {
        String r = reason.length() <= max ? reason : reason.substring(0, max - 1) + "…";
        return "fails: " + r.replace("|", "\\|");
    }
}
