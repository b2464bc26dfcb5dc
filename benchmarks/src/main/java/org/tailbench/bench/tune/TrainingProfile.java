package org.tailbench.bench.tune;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.tune.Devirtualization;
import org.tailbench.tune.TuningFile;
import org.tailbench.interp.sw.OpcodeProfile;
import org.tailbench.interp.sw.OpcodeProfiler;
import org.tailbench.jfr.ProfileRecorder;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;
import org.tailbench.workloads.Workload;

/**
 * Step 1 of {@code tailbench tune} (issue 17, "Profile"): one run of a training workload in the {@code switch} engine's
 * opcode-profile mode ({@link OpcodeProfiler}: exact instruction, pair and triple counts, per-function calls, indirect
 * call targets per site, branch bias), and step 2 for aot and native ("Decide": {@link Devirtualization}).
 *
 * @param workload  the catalog entry
 * @param size      the size the profile ran at
 * @param module    the validated module
 * @param profile   the counts
 * @param json      the counts as the opcode-profile JSON ({@link OpcodeProfile#toJson})
 * @param millis    wall time of the counting run
 * @param decisions the devirtualization decisions for the module under the rule (aot's and native's: one rule)
 */
record TrainingProfile(Workload workload, String size, ValidatedModule module, OpcodeProfile profile, String json, long millis,
                       List<TuningFile.Devirtualize> decisions) {

    /**
     * Profiles {@code w} at {@code size} and decides under {@code rule}.
     * @throws IllegalStateException when the run exits with a non-zero code (its stderr tail in the message)
     */
    static TrainingProfile run(Workload w, String size, Devirtualization.Rule rule) {
        ValidatedModule vm = ValidatedModule.of(w.wasm());
        CompiledModule cm = OpcodeProfiler.compile(vm);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int exit = ProfileRecorder.runWasi(cm, w.argv(size), w.env(), w.hostDirs(), out, err);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (exit != 0) {
            String e = err.toString(java.nio.charset.StandardCharsets.UTF_8);
            throw new IllegalStateException(w.name() + " (" + size + ") exited with " + exit + " in the profiling run: "
                    + e.substring(Math.max(0, e.length() - 400)));
        }
        OpcodeProfile p = OpcodeProfiler.profileOf(cm);
        List<String> argv = w.argv(size);
        String json = p.toJson("switch", w.name(), argv.subList(Math.min(1, argv.size()), argv.size()),
                OpcodeProfiler.OVERHEAD_NOTE + "; this counting run took " + ms + " ms (tailbench tune, size " + size + ")");
        List<Devirtualization.Site> sites = new ArrayList<>();
        for (OpcodeProfile.IndirectSite s : p.indirectSites()) {
            sites.add(new Devirtualization.Site(s.function(), s.offset(), s.op(), s.calls(), s.targets()));
        }
        return new TrainingProfile(w, size, vm, p, json, ms, Devirtualization.decide(sites, vm.module(), rule));
    }

    /** @return hex SHA-256 of the module bytes (what a tuning file's entry is matched by) */
    String sha256() { return TuningFile.sha256(module.module().bytes); }

    /** @return the tuning file entry of this module holding {@code ds} in its aot section */
    TuningFile.ModuleEntry entry(List<TuningFile.Devirtualize> ds) {
        return new TuningFile.ModuleEntry(fileName(), sha256(), new TuningFile.Aot(null, ds));
    }

    /** @return the tuning file entry of this module holding {@code ds} in its native section */
    TuningFile.ModuleEntry nativeEntry(List<TuningFile.Devirtualize> ds) {
        return new TuningFile.ModuleEntry(fileName(), sha256(), null, new TuningFile.Native(ds));
    }

    private String fileName() { return workload.wasmFile().replaceFirst(".*/", ""); }

    /**
     * @return executions of every adjacent pair and triple of instructions (the profile's {@code "a>b"} and {@code "a>b>c"}
     *         keys) summed over the module's functions, the superinstruction rule's input
     */
    Map<String, Long> sequenceCounts() {
        Map<String, Long> m = new HashMap<>();
        Module mod = module.module();
        for (int f = mod.importedFunctions(); f < mod.functionCount(); f++) {
            if (profile.instructions(f) == 0) continue;
            profile.pairs(f).forEach((k, n) -> m.merge(k, n, Long::sum));
            profile.triples(f).forEach((k, n) -> m.merge(k, n, Long::sum));
        }
        return m;
    }

    /** @return executions of all indirect call sites */
    long indirectCalls() { return profile.indirectSites().stream().mapToLong(OpcodeProfile.IndirectSite::calls).sum(); }

    /** @return calls covered by the kept targets of {@code ds} */
    static long covered(List<TuningFile.Devirtualize> ds) {
        long c = 0;
        for (TuningFile.Devirtualize d : ds) if (d.evidence() != null) for (long n : d.evidence().targetCalls()) c += n;
        return c;
    }
}
