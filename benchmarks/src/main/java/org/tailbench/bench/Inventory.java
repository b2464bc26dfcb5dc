package org.tailbench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.PeerEngine;
import org.tailbench.workloads.WorkloadCatalog;

/**
 * Prints what this benchmarks.jar can run, one {@code key=value} line each, for {@code run-bench.sh}:
 * <pre>
 * engines=a,b             every engine on the class path (Engines.all())
 * workloads=x,y           every catalog workload, in catalog order
 * default-workloads=x,y   WorkloadBenchmark's {@code @Param} defaults (the quick profile's set)
 * sizes.x=smoke,default   the sizes of each workload
 * engine.a=description    one line per engine
 * peer.a.key=value        per peer engine ({@link PeerEngine}): what {@link PeerEngine#about()} reports
 * </pre>
 * Usage: {@code java -cp benchmarks.jar org.tailbench.bench.Inventory}
 */
public final class Inventory {
    private Inventory() {}

    public static void main(String[] args) {
        for (String line : collect().lines()) System.out.println(line);
    }

    /**
     * What this class path can run.
     * @param sizes workload → its sizes; {@code descriptions} engine → one-line description;
     *              {@code peers} peer engine → what it reports about itself
     */
    public record Data(List<String> engines, List<String> workloads, List<String> defaultWorkloads,
                       Map<String, List<String>> sizes, Map<String, String> descriptions,
                       Map<String, Map<String, String>> peers) {
        /** @return the {@code key=value} lines of the class comment */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add("engines=" + String.join(",", engines));
            out.add("workloads=" + String.join(",", workloads));
            out.add("default-workloads=" + String.join(",", defaultWorkloads));
            sizes.forEach((w, s) -> out.add("sizes." + w + "=" + String.join(",", s)));
            out.addAll(engineLines());
            out.addAll(peerLines());
            return out;
        }

        /** @return {@code name=description} per engine (the run folder's engines.txt) */
        public List<String> engineLines() {
            List<String> out = new ArrayList<>();
            descriptions.forEach((e, d) -> out.add(e + "=" + d));
            return out;
        }

        /** @return {@code peer.<engine>.<key>=<value>} (the run folder's peers.txt) */
        public List<String> peerLines() {
            List<String> out = new ArrayList<>();
            peers.forEach((e, m) -> m.forEach((k, v) -> out.add("peer." + e + "." + k + "=" + v)));
            return out;
        }
    }

    /** @return every engine on the class path and every catalog workload */
    public static Data collect() {
        List<Engine> engines = Engines.all();
        WorkloadCatalog catalog = WorkloadCatalog.load();
        Map<String, List<String>> sizes = new LinkedHashMap<>();
        catalog.all().forEach(w -> sizes.put(w.name(), List.copyOf(w.sizes())));
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, Map<String, String>> peers = new LinkedHashMap<>();
        for (Engine e : engines) {
            descriptions.put(e.name(), e.description().replace('\n', ' '));
            if (e instanceof PeerEngine p) {
                Map<String, String> about = new LinkedHashMap<>();
                p.about().forEach((k, v) -> about.put(k, v.replace('\n', ' ')));
                peers.put(e.name(), about);
            }
        }
        return new Data(engines.stream().map(Engine::name).toList(), List.copyOf(catalog.names()), defaultWorkloads(),
                sizes, descriptions, peers);
    }

    /** @return the {@code @Param} default of {@link WorkloadBenchmark#workload} */
    static List<String> defaultWorkloads() {
        try {
            return Arrays.asList(WorkloadBenchmark.class.getField("workload").getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
