package org.tailbench.runtime;

import java.util.Optional;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * An execution strategy for validated modules. Data flows one way: bytes → decode → validate →
 * {@link #compile(ValidatedModule, EngineOptions)} (the engine's lowering, done once, with typed {@link EngineOptions}) → {@link CompiledModule#instantiate} (per
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

    /**
     * Lowers/compiles every function of {@code module}; done once, reused by every instance. Engines that
     * read options compile with {@link EngineOptions#process()} here (this JVM's options: the CLI's, or the
     * {@value EngineOptions#PROPERTY} property's in a benchmark fork).
     */
    CompiledModule compile(ValidatedModule module);

    /**
     * Compiles {@code module} with {@code options} ({@link EngineOptions}: the table of options, which engines read
     * which). Options this engine does not read are ignored, so one set can be given to every engine of a run.
     * Default: {@link #compile(ValidatedModule)}, for engines that read none.
     * @throws IllegalArgumentException when an option this engine reads has a bad value in its system property
     */
    default CompiledModule compile(ValidatedModule module, EngineOptions options) { return compile(module); }

    /**
     * How JVM frames of this engine's code for {@code module} map back to Wasm instructions and functions
     * (for sampling profilers, see {@link FrameAttribution}). Default: {@link FrameAttribution#NONE}.
     * Compiled engines whose generated methods carry a LineNumberTable with line = Wasm byte offset can
     * return a {@link LineNumberAttribution}.
     */
    default FrameAttribution frameAttribution(ValidatedModule module) { return FrameAttribution.NONE; }

    /**
     * @return why this engine cannot run on this machine (e.g. native code needs Linux x86-64), or empty
     *         when it can. An unavailable engine is still listed ({@code tailbench engines}); tests skip it
     *         with this reason, never pass it.
     */
    default Optional<String> unavailableReason() { return Optional.empty(); }

    /**
     * @return true for a peer engine (another runtime run for comparison, {@link PeerEngine}), false for
     *         the suite's own engines ({@link Engines#own()})
     */
    default boolean peer() { return false; }

    /**
     * @return whether {@code return_call} / {@code return_call_indirect} run in constant stack (the
     *         tail-call proposal's promise); false for the naive baselines ({@code aot-naive},
     *         {@code native-naive}) that compile them as call + return, so deep tail recursion ends in the
     *         "call stack exhausted" trap there by design
     */
    default boolean constantStackTailCalls() { return true; }

    /**
     * @return this engine's place in the lists of the suite's own engines ({@link Engines#own()}: the
     *         fuzzer's default engines, whose first is its reference, and the conformance tests), lower
     *         first; engines with the same place are listed by name
     */
    default int order() { return Integer.MAX_VALUE; }
}
