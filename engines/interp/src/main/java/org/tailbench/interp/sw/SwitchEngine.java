package org.tailbench.interp.sw;

import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.lower.Superinstructions;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The baseline interpreter: every function is lowered once ({@link Lowerer}) to {@code int[]} code
 * and run by one {@code switch} loop ({@link SwitchInterpreter}) with an explicit frame stack, so
 * Wasm calls never recurse on the Java stack.
 */
public final class SwitchEngine implements Engine {
    @Override public String name() { return "switch"; }

    @Override public int order() { return 10; }

    @Override public String description() {
        return "interpreter: lowered int[] code, one switch loop, explicit frame stack";
    }

    /** Compiles with {@link EngineOptions#process()}. */
    @Override public CompiledModule compile(ValidatedModule module) { return compile(module, EngineOptions.process()); }

    /**
     * Compiles; in opcode-profile mode ({@link OpcodeProfiler}) when option {@code switch.opcodeProfile} is true
     * ({@code -Dtailbench.opcodeProfile=true}), which fuses nothing; otherwise with the superinstructions of option
     * {@code switch.superinstructions} ({@link Superinstructions#parse}; empty, the default: none, code as without it).
     * @throws IllegalArgumentException when that option names a pattern that is not in {@link Superinstructions#CATALOG}
     */
    @Override public CompiledModule compile(ValidatedModule module, EngineOptions options) {
        if (options.get(EngineOptions.SWITCH_OPCODE_PROFILE)) return OpcodeProfiler.compile(module);
        boolean[] fuse = Superinstructions.parse(options.get(EngineOptions.SWITCH_SUPERINSTRUCTIONS));
        return new SwitchModule(module, Lowerer.lowerAll(module, name(), fuse), null);
    }

    @Override public org.tailbench.runtime.FrameAttribution frameAttribution(ValidatedModule module) { return SwitchAttribution.INSTANCE; }
}
