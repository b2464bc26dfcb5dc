package org.tailbench.nativ;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.tune.Devirtualization;
import org.tailbench.tune.TuningFile;
import org.tailbench.tune.TuningMismatchException;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The native section of a {@link TuningFile} for one module, checked against it and keyed for code generation: per
 * indirect call site (function index, byte offset in its body), the functions whose code its guard compares the table
 * element's code address with ({@link FunctionCompiler}'s {@code callIndirect}). README "Tuning".
 *
 * @param sites per site ({@link Devirtualization#siteKey}) its targets: defined functions of exactly the site's type
 * @param log   what was applied or why nothing was (one line each)
 */
record NativeTuning(Map<Long, int[]> sites, List<String> log) {
    private static final int[] NONE_TARGETS = new int[0];
    /** No tuning: the code is exactly the untuned code. */
    static final NativeTuning NONE = new NativeTuning(Map.of(), List.of());

    /** @return the guard targets of the site at body offset {@code offset} of function {@code function}, or none */
    int[] targets(int function, int offset) {
        int[] t = sites.get(Devirtualization.siteKey(function, offset));
        return t == null ? NONE_TARGETS : t;
    }

    /**
     * @param file  a tuning file, {@link TuningFile#EVERY_SITE}, or null (no tuning)
     * @param input the module being compiled
     * @throws TuningMismatchException when a decision of the file's native section for this module does not fit it
     *                                 ({@link Devirtualization#check}; the message names the module, function index and offset)
     */
    static NativeTuning of(TuningFile file, ValidatedModule input) {
        if (file == null) return NONE;
        Module m = input.module();
        if (file == TuningFile.EVERY_SITE) {
            Map<Long, int[]> sites = Devirtualization.everySite(m, t -> true);
            return new NativeTuning(Map.copyOf(sites), List.of("tuning: every-site testing mode: " + sites.size() + " indirect call sites guarded"));
        }
        String sha = TuningFile.sha256(m.bytes);
        TuningFile.ModuleEntry e = file.entryFor(sha);
        if (e == null || e.nativ() == null || e.nativ().devirtualize() == null || e.nativ().devirtualize().isEmpty()) {
            return new NativeTuning(Map.of(), List.of("tuning: no native decisions for this module (sha256 " + sha.substring(0, 12)
                    + "…): compiled as without tuning"));
        }
        Map<Long, int[]> sites = new HashMap<>();
        for (TuningFile.Devirtualize d : e.nativ().devirtualize()) {
            String at = "native: tuning (" + (e.name() == null ? "module" : e.name()) + "): ";
            Devirtualization.Checked c;
            try {
                c = Devirtualization.check(m, d);
            } catch (TuningMismatchException x) {
                throw new TuningMismatchException(at + x.getMessage());
            }
            if (sites.put(Devirtualization.siteKey(c.function(), c.offset()), c.targets()) != null) {
                throw new TuningMismatchException(at + "function " + d.function() + " offset " + d.offset() + ": two decisions for one site");
            }
        }
        return new NativeTuning(Map.copyOf(sites), List.of("tuning: " + sites.size() + " indirect call site" + (sites.size() == 1 ? "" : "s")
                + " devirtualized (guarded)"));
    }
}
