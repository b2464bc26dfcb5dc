package org.tailbench.interp.sw;

import java.io.OutputStream;
import java.util.List;
import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.jfr.ProfileRecorder;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The {@code switch} engine's opcode-profile mode: exact execution counts per Wasm instruction and per
 * adjacent pair ({@link OpcodeProfile}). Programmatic use:
 * <pre>{@code
 * CompiledModule cm = OpcodeProfiler.compile(ValidatedModule.of(bytes));
 * ... instantiate cm and run it as usual ...
 * String json = OpcodeProfiler.profileOf(cm).toJson("switch", "name", args, OpcodeProfiler.OVERHEAD_NOTE);
 * }</pre>
 * or run with {@code -Dtailbench.opcodeProfile=true}: then the {@code switch} engine compiles every
 * module in this mode, and {@link #profileOf} gives its counts. CLI: {@code ./tailbench profile
 * --opcode-profile}; {@code ./run-bench.sh --opcode-profile}.
 *
 * <p>Design: the module is lowered with a probe before every Wasm instruction
 * ({@link Lowerer#lowerCounting}; no fusion), so counts are of Wasm instructions, never of lowered or
 * fused ones; the previous instruction of the activation lives in a hidden local of the frame, so
 * pairs never cross calls, returns or tail calls. Cost: see {@link #OVERHEAD_NOTE}.
 */
public final class OpcodeProfiler {
    /** System property: {@code true} makes the {@code switch} engine compile in opcode-profile mode. */
    public static final String PROPERTY = "tailbench.opcodeProfile";
    /** What the counting costs (measured; engines/interp/README.md "JFR events and opcode profiles"). */
    public static final String OVERHEAD_NOTE = "exact Wasm-level counts from the switch engine's opcode-profile mode "
            + "(a probe before every Wasm instruction, no fusion); runs several times slower than the plain switch "
            + "engine (see engines/interp/README.md); timings of this run are not comparable";

    private OpcodeProfiler() {}

    /** @return {@code vm} compiled by the {@code switch} engine in opcode-profile mode */
    public static CompiledModule compile(ValidatedModule vm) {
        LoweredFunction[] fns = new LoweredFunction[vm.module().functions.size()];
        for (int i = 0; i < fns.length; i++) fns[i] = Lowerer.lowerCounting(vm.module(), i, vm.functions()[i]);
        return new SwitchModule(vm, fns, new OpcodeProfile(vm.module()));
    }

    /**
     * Runs a WASI command once in opcode-profile mode (output discarded; see
     * {@link org.tailbench.jfr.ProfileRecorder#runWasi}) and returns its profile as the contract's JSON.
     * @param workload the name the JSON carries
     * @param argv     the program's argv (program name first); the JSON's {@code args} are the rest
     * @throws org.tailbench.runtime.Trap when the program traps
     */
    public static String profileWasi(ValidatedModule vm, String workload, List<String> argv) {
        return profileWasi(vm, workload, argv, java.util.Map.of(), java.util.Map.of());
    }

    /** As above, with the workload's environment and preopened directories (guest path to host directory). */
    public static String profileWasi(ValidatedModule vm, String workload, List<String> argv, java.util.Map<String, String> env,
                                     java.util.Map<String, java.nio.file.Path> preopens) {
        CompiledModule cm = compile(vm);
        long t0 = System.nanoTime();
        int exit = ProfileRecorder.runWasi(cm, argv, env, preopens, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String note = OVERHEAD_NOTE + "; this counting run took " + ms + " ms (one cold run), exit code " + exit;
        return profileOf(cm).toJson("switch", workload, argv.subList(Math.min(1, argv.size()), argv.size()), note);
    }

    /**
     * @return the counts of a module compiled by {@link #compile} (all its instances add up there)
     * @throws IllegalArgumentException when {@code cm} was not compiled in opcode-profile mode
     */
    public static OpcodeProfile profileOf(CompiledModule cm) {
        if (cm instanceof SwitchModule sm && sm.opcodes != null) return sm.opcodes;
        throw new IllegalArgumentException("not compiled in opcode-profile mode (use OpcodeProfiler.compile, or option switch.opcodeProfile=true / -D" + PROPERTY + "=true with the switch engine)");
    }
}
