package org.tailbench.bench.run;

import java.util.List;
import org.tailbench.bench.Inventory;

/**
 * The engines and workloads (rows) of a run, checked against what the class path has.
 * @param peers the engines among them that are peers (their failures do not fail the run)
 */
record Matrix(List<String> engines, List<String> workloads, List<String> peers) {
    /** @throws IllegalArgumentException naming an unknown engine, workload or size, or a baseline not run */
    static Matrix of(BenchConfig c, Inventory.Data inv) {
        List<String> engines = c.engines().isEmpty() ? inv.engines() : c.engines();
        if (engines.isEmpty()) throw new IllegalArgumentException("no engines on the class path (no META-INF/services/org.tailbench.runtime.Engine)");
        for (String e : engines) {
            if (!inv.engines().contains(e)) {
                throw new IllegalArgumentException("unknown engine '" + e + "'; engines are: " + String.join(",", inv.engines()));
            }
        }
        List<String> workloads;
        if (c.wasm() != null) {
            workloads = List.of(c.wasmName());
        } else {
            workloads = !c.workloads().isEmpty() ? c.workloads()
                    : c.profile() == Profile.FULL ? inv.workloads() : inv.defaultWorkloads();
            for (String w : workloads) {
                if (!inv.workloads().contains(w)) {
                    throw new IllegalArgumentException("unknown workload '" + w + "'; workloads are: " + String.join(",", inv.workloads()));
                }
                List<String> sizes = inv.sizes().get(w);
                if (!sizes.contains(c.size())) {
                    throw new IllegalArgumentException("workload '" + w + "' has no size '" + c.size() + "'; its sizes are: " + String.join(",", sizes));
                }
            }
        }
        if (c.baseline() != null && !engines.contains(c.baseline())) {
            throw new IllegalArgumentException("--baseline " + c.baseline() + " is not among the engines run (" + String.join(",", engines) + ")");
        }
        return new Matrix(List.copyOf(engines), List.copyOf(workloads),
                engines.stream().filter(inv.peers()::containsKey).toList());
    }
}
