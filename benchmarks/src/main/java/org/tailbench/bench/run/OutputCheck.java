package org.tailbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A user's module has no expected output: every JMH trial checks its runs against its own first run, which it
 * records in {@code firstrun/<engine>/<engine>.txt} ({@code <sha256> <exit code>}); this compares the engines'
 * first runs with each other and with node's WASI (references.tsv's sha256 column).
 * @param text the sentence for results.md; {@code agree}: false when engines or node disagree
 */
record OutputCheck(String text, boolean agree) {
    static OutputCheck of(Path dir, String name, Path wasm, List<String> args) throws IOException {
        String text = "No expected output (your module `" + name + "` = " + wasm.getFileName() + ", arguments: `"
                + (args.isEmpty() ? "none" : String.join(" ", args)) + "`): each engine's runs were checked against that trial's first run"
                + " (stdout sha256 and exit code), in the setup and after every iteration; a change fails the benchmark.";
        Map<String, String> first = new TreeMap<>();
        Path root = dir.resolve("firstrun");
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    first.put(f.getFileName().toString().replaceFirst("\\.txt$", ""), Files.readString(f).strip());
                }
            }
        }
        String node = null;
        Path refs = dir.resolve("references.tsv");
        if (Files.isRegularFile(refs)) {
            for (String line : Files.readAllLines(refs)) {
                String[] f = line.split("\t", -1);
                if (f.length > 5 && f[2].equals("node") && !f[5].isEmpty()) { node = f[5]; break; }
            }
        }
        TreeSet<String> distinct = new TreeSet<>(first.values());
        if (distinct.isEmpty()) return new OutputCheck(text + " No first run was recorded (see jmh.log).", true);
        if (distinct.size() > 1) return new OutputCheck(text + " **The engines' first runs DISAGREE**: " + first + ".", false);
        String[] shaExit = distinct.first().split(" ");
        text += " Every JMH trial's first run printed stdout sha256 `" + shaExit[0] + "` and exited with " + shaExit[1];
        if (node == null) return new OutputCheck(text + " (no node reference to compare).", true);
        if (node.equals(shaExit[0])) return new OutputCheck(text + ", the same as node's WASI.", true);
        return new OutputCheck(text + ", but node's WASI printed `" + node + "`: **the engines and node DISAGREE**.", false);
    }
}
