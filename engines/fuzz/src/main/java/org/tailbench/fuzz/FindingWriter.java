package org.tailbench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes what a fuzz run found under its out folder: {@code findings/ID/} (and {@code peer-disagreements/ID/})
 * with {@code original.wasm} (the case as generated), {@code reproducer.wasm} (minimized), {@code finding.json}
 * (signature, case, seed module, mutations, each engine's steps for both modules) and {@code replay.sh};
 * and {@code summary.json}. JSON files are written to a temporary file first, then moved into place.
 */
final class FindingWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final FuzzOptions o;

    FindingWriter(FuzzOptions o) { this.o = o; }

    Path dir(String kind, String id) { return o.out().resolve(kind).resolve(id); }

    /** @return the command that replays {@code wasm} on the run's engines */
    String replayCommand(Path wasm) {
        return "./tailbench fuzz --replay " + wasm + " --engines " + String.join(",", o.engines())
                + " --invoke-limit-ms " + o.invokeLimitMillis();
    }

    /** @return the finding's id (its folder name) */
    synchronized String writeFinding(String kind, String signature, FuzzCase c, Fuzzer.Evaluation ev, byte[] small,
                                     Fuzzer.Evaluation smallEv, int shrinkTests) {
        CRC32 crc = new CRC32();
        crc.update(signature.getBytes(StandardCharsets.UTF_8));
        String id = "case" + c.index() + "-" + String.format("%08x", crc.getValue());
        Path d = dir(kind, id);
        try {
            Files.createDirectories(d);
            Files.write(d.resolve("original.wasm"), c.bytes());
            Files.write(d.resolve("reproducer.wasm"), small);
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("signature", signature);
            j.put("seed", o.seed());
            j.put("case", c.index());
            j.put("seedModule", c.seedName());
            j.put("mutations", c.mutations());
            j.put("originalBytes", c.bytes().length);
            j.put("reproducerBytes", small.length);
            j.put("shrinkTests", shrinkTests);
            j.put("invokeLimitMillis", ev.invokeLimitMillis());
            j.put("original", byEngine(ev.steps()));
            j.put("reproducer", byEngine(smallEv.steps()));
            j.put("replay", replayCommand(d.resolve("reproducer.wasm")));
            atomicWrite(d.resolve("finding.json"), JSON.writeValueAsBytes(j));
            Files.writeString(d.resolve("replay.sh"), "#!/bin/sh\n# run from the repository root\n" + replayCommand(d.resolve("reproducer.wasm")) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private Map<String, List<String>> byEngine(List<List<String>> steps) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < o.engines().size(); i++) m.put(o.engines().get(i), steps.get(i));
        return m;
    }

    void writeSummary(Fuzzer.Summary s) {
        try {
            Files.createDirectories(o.out());
            atomicWrite(o.out().resolve("summary.json"), JSON.writeValueAsBytes(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void atomicWrite(Path target, byte[] data) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.write(tmp, data);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
