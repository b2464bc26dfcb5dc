package org.tailbench.bench;

import java.util.Arrays;
import java.util.List;
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

    public static void main(String[] args) throws NoSuchFieldException {
        List<Engine> engines = Engines.all();
        WorkloadCatalog catalog = WorkloadCatalog.load();
        System.out.println("engines=" + String.join(",", engines.stream().map(Engine::name).toList()));
        System.out.println("workloads=" + String.join(",", catalog.names()));
        System.out.println("default-workloads=" + String.join(",", defaultWorkloads()));
        catalog.all().forEach(w -> System.out.println("sizes." + w.name() + "=" + String.join(",", w.sizes())));
        engines.forEach(e -> System.out.println("engine." + e.name() + "=" + e.description().replace('\n', ' ')));
        for (Engine e : engines) {
            if (e instanceof PeerEngine p) {
                p.about().forEach((k, v) -> System.out.println("peer." + e.name() + "." + k + "=" + v.replace('\n', ' ')));
            }
        }
    }

    /** @return the {@code @Param} default of {@link WorkloadBenchmark#workload} */
    static List<String> defaultWorkloads() throws NoSuchFieldException {
        return Arrays.asList(WorkloadBenchmark.class.getField("workload").getAnnotation(Param.class).value());
    }
}
