package org.tailbench.runtime;

import org.tailbench.wasm.validate.ValidatedModule;

/**
 * An execution strategy for validated modules. Data flows one way: bytes → decode → validate →
 * {@link #compile} (the engine's lowering, done once) → {@link CompiledModule#instantiate} (per
 * instance) → {@link FunctionInstance#invoke}. Engines are found by {@link #name()} through
 * {@link Engines} (a {@link java.util.ServiceLoader} of this interface).
 *
 * <p>Every engine: keeps {@code return_call} / {@code return_call_indirect} from growing the Java
 * stack; traps "call stack exhausted" past {@link Store#maxCallDepth()} and never lets a
 * {@link StackOverflowError} escape; reports faults as {@link Trap}s; lets exceptions thrown by
 * host functions (e.g. {@code WasiExit}) pass through unchanged.
 */
public interface Engine {
    /** @return the name users select it by, e.g. {@code switch} */
    String name();

    /** @return one line saying what the strategy is */
    String description();

    /** Lowers/compiles every function of {@code module}; done once, reused by every instance. */
    CompiledModule compile(ValidatedModule module);

    /**
     * How JVM frames of this engine's code for {@code module} map back to Wasm instructions and functions
     * (for sampling profilers, see {@link FrameAttribution}). Default: {@link FrameAttribution#NONE}.
     * Compiled engines whose generated methods carry a LineNumberTable with line = Wasm byte offset can
     * return a {@link LineNumberAttribution}.
     */
    default FrameAttribution frameAttribution(ValidatedModule module) { return FrameAttribution.NONE; }
}
