package org.tailbench.workloads;

import java.util.List;
import java.util.Map;

/**
 * One catalog entry (workloads/workloads.json).
 *
 * @param name          short name, e.g. {@code nbody}
 * @param analogue      the pyperformance benchmark it mirrors
 * @param description   one line
 * @param args          program arguments (argv[1..]) per size name ({@code smoke}, {@code default}, ...)
 * @param expectedSha256 sha256 (hex) of the expected stdout per size
 * @param features      Wasm features the binary uses
 * @param wasmFile      the .wasm file name, relative to the workloads folder
 */
public record Workload(String name, String analogue, String description, Map<String, List<String>> args,
                       Map<String, String> expectedSha256, List<String> features, String wasmFile) {
    /** @return the module bytes (TODO) */
    public byte[] wasm() { throw new UnsupportedOperationException("TODO"); }
}
