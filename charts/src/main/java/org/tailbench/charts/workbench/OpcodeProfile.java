package org.tailbench.charts.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tailbench.charts.JmhJson;

/**
 * An opcode profile ({@code opcodes/<workload>/<engine>.json}, written by the profiling engine run):
 * exact counts of executed instructions and of adjacent pairs ({@code previous>next} in the same
 * function activation), summed over the module's functions.
 *
 * @param engine            the engine that counted
 * @param totalInstructions instructions executed in all
 * @param ops               instruction text name → count
 * @param pairs             {@code a>b} → count
 * @param overheadNote      what counting cost (as written by the profiler), may be empty
 */
record OpcodeProfile(String engine, long totalInstructions, Map<String, Long> ops, Map<String, Long> pairs, String overheadNote) {

    /** @throws IOException when the file is unreadable or not such a profile (message names the file) */
    static OpcodeProfile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JmhJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a readable opcode profile (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject() || !root.path("functions").isArray()) {
            throw new IOException(file + ": not an opcode profile (expected an object with a \"functions\" array)");
        }
        Map<String, Long> ops = new HashMap<>(), pairs = new HashMap<>();
        for (JsonNode f : root.path("functions")) {
            f.path("ops").properties().forEach(e -> ops.merge(e.getKey(), e.getValue().asLong(), Long::sum));
            f.path("pairs").properties().forEach(e -> pairs.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        long total = root.path("totalInstructions").asLong(ops.values().stream().mapToLong(Long::longValue).sum());
        return new OpcodeProfile(root.path("engine").asText(""), total, ops, pairs, root.path("overheadNote").asText(""));
    }
}
