package org.tailbench.workloads;

import java.util.List;

/** The workload catalog; benchmarks and tests read workloads through it, never by file path. */
public final class WorkloadCatalog {
    /** @return the catalog bundled with this module (TODO) */
    public static WorkloadCatalog load() { throw new UnsupportedOperationException("TODO"); }

    public List<Workload> all() { throw new UnsupportedOperationException("TODO"); }

    /** @throws IllegalArgumentException naming the known workloads */
    public Workload get(String name) { throw new UnsupportedOperationException("TODO"); }
}
