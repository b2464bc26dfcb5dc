package org.tailbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Plan}: the shards of a plan are disjoint, cover every fork of every cell, and do not depend on the run. */
class PlanTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shardsPartitionTheEngineWorkloadForkMatrix(long seed) {
        Random rnd = new Random(seed);
        int nEngines = 1 + rnd.nextInt(5), nWorkloads = 1 + rnd.nextInt(4), forks = 1 + rnd.nextInt(3), shards = 1 + rnd.nextInt(6);
        List<String> engines = new ArrayList<>(), workloads = new ArrayList<>();
        for (int i = 0; i < nEngines; i++) engines.add("e" + i);
        for (int i = 0; i < nWorkloads; i++) workloads.add("w" + i);
        Map<Bench, Integer> f = Map.of(Bench.RUN, forks, Bench.INSTANTIATE, forks, Bench.COMPILE, forks);
        Set<Plan.Unit> seen = new HashSet<>();
        int total = 0;
        for (int s = 1; s <= shards; s++) {
            Plan p = Plan.of(workloads, List.of(Bench.values()), engines, f, s, shards);
            assertThat(Plan.of(workloads, List.of(Bench.values()), engines, f, s, shards)).isEqualTo(p);
            for (Plan.Unit u : p.units()) assertThat(seen.add(u)).as("unit in two shards: " + u).isTrue();
            total += p.units().size();
        }
        int cells = nEngines * nWorkloads * 3;
        assertThat(total).isEqualTo(shards == 1 ? cells : cells * forks);
        if (shards > 1) {
            for (Plan.Unit u : seen) assertThat(u.fork()).isBetween(1, forks);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/2", "3/2", "1/0", "a/b", "1", "1/2/3"})
    void badShardsAreRefused(String shard) {
        assertThatThrownBy(() -> {
            int[] s = Plan.parseShard(shard);
            Plan.of(List.of("w"), List.of(Bench.RUN), List.of("e"), Map.of(), s[0], s[1]);
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--shard");
    }
}
