package org.tailbench.workloads;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload catalog; benchmarks and tests read workloads through it, never by file path.
 * It is {@code workloads/workloads.json}, bundled as the class-path resource
 * {@code /org/tailbench/workloads/workloads.json}: {@code {"workloads": [entry, ...]}} with each
 * entry shaped like {@link Workload}.
 */
public final class WorkloadCatalog {
    private static final String RESOURCE = Workload.RESOURCE_PREFIX + "workloads.json";

    /** The JSON root. */
    private record Root(List<Workload> workloads) {}

    private final Map<String, Workload> byName;

    private WorkloadCatalog(List<Workload> workloads) {
        Map<String, Workload> m = new LinkedHashMap<>();
        for (Workload w : workloads) {
            if (w == null) throw new IllegalArgumentException(RESOURCE + ": null entry");
            if (m.putIfAbsent(w.name(), w) != null) {
                throw new IllegalArgumentException(RESOURCE + ": workload " + w.name() + " is listed twice");
            }
        }
        this.byName = m;
    }

    /**
     * Reads the catalog bundled with this module.
     * @throws IllegalStateException when the resource is missing or is not a valid catalog
     */
    public static WorkloadCatalog load() {
        try (InputStream in = WorkloadCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource " + RESOURCE + " is missing (build tailbench-workloads)");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /**
     * Parses a catalog from {@code json}.
     * @throws IllegalStateException when it is not valid JSON of the catalog's shape, or an entry is bad
     */
    static WorkloadCatalog parse(InputStream json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            Root root = mapper.readValue(json, Root.class);
            if (root == null || root.workloads() == null) throw new IllegalStateException(RESOURCE + ": no \"workloads\" list");
            return new WorkloadCatalog(root.workloads());
        } catch (JacksonException e) {
            throw new IllegalStateException("bad workload catalog " + RESOURCE + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bad workload catalog: " + e.getMessage(), e);
        }
    }

    /** @return every workload, in catalog order */
    public List<Workload> all() { return List.copyOf(byName.values()); }

    /** @return every workload name, in catalog order */
    public List<String> names() { return new ArrayList<>(byName.keySet()); }

    /** @throws IllegalArgumentException naming the known workloads */
    public Workload get(String name) {
        Workload w = byName.get(name);
        if (w == null) {
            throw new IllegalArgumentException("unknown workload \"" + name + "\"; workloads are " + byName.keySet());
        }
        return w;
    }
}
