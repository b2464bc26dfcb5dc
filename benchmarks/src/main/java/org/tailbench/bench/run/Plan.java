package org.tailbench.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one {@code tailbench bench} runs: the JMH invocations, one per benchmark × workload × engine (× fork when
 * sharded), in the order workload, benchmark, engine; and a deterministic slice of them for {@code --shard i/n}.
 *
 * @param units every invocation of this shard, in run order
 * @param shard this shard's number (1-based) and {@code shards} their count (1/1 = unsharded)
 */
public record Plan(List<Unit> units, int shard, int shards) {

    /**
     * One JMH invocation.
     * @param fork the fork's number (1-based) when a sharded run splits a cell's forks, else 0 (all forks at once)
     */
    public record Unit(Bench bench, String workload, String engine, int fork) {
        /** @return "run × nbody × switch" (and "fork 2" when split) */
        public String label() {
            return bench.label() + " × " + workload + " × " + engine + (fork > 0 ? " (fork " + fork + ")" : "");
        }

        /** @return the file name of its JMH JSON part, e.g. {@code 03-run-nbody-switch.json} */
        public String partName(int index) {
            return String.format("%03d-%s-%s-%s%s.json", index, bench.label(), workload, engine, fork > 0 ? "-f" + fork : "");
        }
    }

    /**
     * @param benches the benchmarks; {@code forks} the forks per cell of each benchmark (a sharded run splits them)
     * @param shard 1-based, {@code <= shards}
     * @throws IllegalArgumentException for a shard outside 1..shards
     */
    public static Plan of(List<String> workloads, List<Bench> benches, List<String> engines, Map<Bench, Integer> forks,
                          int shard, int shards) {
        if (shards < 1 || shard < 1 || shard > shards) {
            throw new IllegalArgumentException("--shard must be i/n with 1 <= i <= n, not " + shard + "/" + shards);
        }
        List<Unit> all = new ArrayList<>();
        for (String w : workloads) {
            for (Bench b : benches) {
                for (String e : engines) {
                    if (shards == 1) {
                        all.add(new Unit(b, w, e, 0));
                    } else {
                        for (int f = 1; f <= forks.getOrDefault(b, 1); f++) all.add(new Unit(b, w, e, f));
                    }
                }
            }
        }
        List<Unit> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (i % shards == shard - 1) mine.add(all.get(i));
        return new Plan(List.copyOf(mine), shard, shards);
    }

    /** @return "i/n" → {i, n} @throws IllegalArgumentException when malformed */
    public static int[] parseShard(String s) {
        String[] p = s.split("/");
        try {
            if (p.length == 2) return new int[] {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())};
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--shard must be i/n (e.g. 1/2), not '" + s + "'");
    }
}
