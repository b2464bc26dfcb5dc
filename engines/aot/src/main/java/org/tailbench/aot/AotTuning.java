package org.tailbench.aot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.tune.Devirtualization;
import org.tailbench.tune.TuningFile;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The decisions of a {@link TuningFile} for one module, checked against it and keyed for code generation: per
 * indirect call site (original function index, byte offset in its body), the functions its guard compares the table
 * element with ({@link CallGen}). Built once per compile from the input module (before splitting: sites keep their
 * original function and offset in split pieces).
 *
 * @param tailChainLimit most guarded direct tail calls in a row ({@code AotContext.chain}) before the trampoline
 * @param log            what was applied or why nothing was, for the compile log
 */
record AotTuning(Map<Long, int[]> sites, int tailChainLimit, List<String> log) {
    static final int[] NONE_TARGETS = new int[0];
    static final AotTuning NONE = new AotTuning(Map.of(), TuningFile.DEFAULT_TAIL_CHAIN_LIMIT, List.of());

    /** @return the guard targets of the site at body offset {@code offset} of original function {@code function}, or none */
    int[] targets(int function, int offset) {
        int[] t = sites.get(key(function, offset));
        return t == null ? NONE_TARGETS : t;
    }

    boolean isEmpty() { return sites.isEmpty(); }

    private static long key(int function, int offset) { return Devirtualization.siteKey(function, offset); }

    /**
     * @param file  a tuning file, {@link TuningFile#EVERY_SITE}, or null (no tuning)
     * @param input the module being compiled (as given, before splitting)
     * @throws AotCompileException when a decision for this module does not fit it ({@link Devirtualization#check}: no
     *                             defined function of that index, no instruction at that offset, another instruction there,
     *                             or a target that is not a defined function of the site's type; each message names the
     *                             function index and offset)
     */
    static AotTuning of(TuningFile file, ValidatedModule input) {
        if (file == null) return NONE;
        Module m = input.module();
        if (file == TuningFile.EVERY_SITE) return everySite(m);
        String sha = TuningFile.sha256(m.bytes);
        TuningFile.ModuleEntry e = file.entryFor(sha);
        if (e == null || e.aot() == null || e.aot().devirtualize() == null || e.aot().devirtualize().isEmpty()) {
            return new AotTuning(Map.of(), e != null && e.aot() != null ? e.aot().chainLimit() : TuningFile.DEFAULT_TAIL_CHAIN_LIMIT,
                    List.of("tuning: no aot decisions for this module (sha256 " + sha.substring(0, 12) + "…): compiled as without tuning"));
        }
        Map<Long, int[]> sites = new HashMap<>();
        List<String> log = new ArrayList<>();
        int wide = 0;
        for (TuningFile.Devirtualize d : e.aot().devirtualize()) {
            String at = "tuning (" + (e.name() == null ? "module" : e.name()) + "): ";
            Devirtualization.Checked c;
            try {
                c = Devirtualization.check(m, d);
            } catch (org.tailbench.tune.TuningMismatchException x) {
                throw new AotCompileException("aot: " + at + x.getMessage(), null);
            }
            if (CallingConvention.wide(c.type())) { wide++; continue; }   // arguments travel in ctx.tcArgs: no direct path generated
            if (sites.put(key(d.function(), d.offset()), c.targets()) != null) {
                throw new AotCompileException("aot: " + at + "function " + d.function() + " offset " + d.offset() + ": two decisions for one site", null);
            }
        }
        log.add("tuning: " + sites.size() + " indirect call site" + (sites.size() == 1 ? "" : "s") + " devirtualized (guarded)"
                + (wide > 0 ? ", " + wide + " left generic (more than " + CallingConvention.MAX_PARAM_SLOTS + " parameter slots)" : "")
                + ", tail chain limit " + e.aot().chainLimit());
        return new AotTuning(Map.copyOf(sites), e.aot().chainLimit(), List.copyOf(log));
    }

    /** {@link TuningFile#EVERY_SITE}: every indirect site guards up to two functions of its type that element segments hold. */
    static AotTuning everySite(Module m) {
        Map<Long, int[]> sites = Devirtualization.everySite(m, t -> !CallingConvention.wide(t));
        return new AotTuning(Map.copyOf(sites), 4,
                List.of("tuning: every-site testing mode: " + sites.size() + " indirect call sites guarded, tail chain limit 4"));
    }
}
