package org.tailbench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Case number {@code index} of a fuzz run: a seed module (85% of the time a valid one with code) mutated one to three times, all drawn from a
 * {@link Random} seeded by (run seed, index) alone, so a case is the same whatever worker runs it and
 * whatever ran before it.
 *
 * @param index the case number
 * @param seedName the seed module's file name
 * @param mutations the mutation kinds applied, in order
 * @param bytes the mutated module
 */
public record FuzzCase(long index, String seedName, List<String> mutations, byte[] bytes) {

    /** A seed module: its file name and bytes, and whether it is valid and has function bodies. */
    public record Seed(String name, byte[] bytes, boolean validWithCode) {
        /** @return whether the seed comes from the workloads folder ({@code wasm/…}) */
        public boolean workload() { return name.startsWith("wasm/"); }
    }

    /** @return case {@code index} of the run with {@code seed} over {@code seeds} (sorted by name by the caller) */
    public static FuzzCase generate(long seed, long index, List<Seed> seeds) {
        Random r = new Random(mix(seed, index));
        // most seeds from valid modules with code: mutations of those reach the validator and engines;
        // the testsuite's malformed/invalid modules (two thirds of its binaries) get the rest
        // workloads (large programs whose _start runs a whole benchmark: timeouts, worker restarts) 1% of the time
        List<Seed> valid = seeds.stream().filter(x -> x.validWithCode() && !x.workload()).toList();
        List<Seed> workloads = seeds.stream().filter(Seed::workload).toList();
        int dice = r.nextInt(100);
        List<Seed> from = dice < 1 && !workloads.isEmpty() ? workloads : dice < 15 || valid.isEmpty() ? seeds : valid;
        Seed s = from.get(r.nextInt(from.size()));
        int count = r.nextInt(4) == 0 ? 2 + r.nextInt(2) : 1;
        byte[] b = s.bytes();
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mutator.Mutation m = Mutator.mutate(b, r);
            applied.add(m.kind().name().toLowerCase(java.util.Locale.ROOT));
            b = m.bytes();
        }
        return new FuzzCase(index, s.name(), applied, b);
    }

    /** SplitMix64 finalizer over (seed, index): independent streams per case. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
