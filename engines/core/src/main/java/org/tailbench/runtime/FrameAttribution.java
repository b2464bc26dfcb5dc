package org.tailbench.runtime;

import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Maps a sampled JVM stack frame (e.g. from a JFR {@code jdk.ExecutionSample}) back to what the Wasm
 * program was doing: the Wasm instruction (by its spec text name, e.g. {@code i32.add}) and/or the Wasm
 * function (index in the module's function index space, imports first). Obtained per module from
 * {@link Engine#frameAttribution(ValidatedModule)}, so profilers and charts never read an engine's
 * internals: only the engine knows which of its JVM methods, bytecode indices or line numbers stand
 * for which Wasm instruction.
 *
 * <p>Profilers walk a sample's frames from the top (innermost) and take the first frame that is
 * {@link Attribution#known() known} as the instruction executing ("self" time); helper methods an
 * engine calls from its handlers thus count for the calling instruction.
 */
public interface FrameAttribution {

    /**
     * What one frame stands for.
     * @param opcode        Wasm instruction text name ({@code Op.text}); for lowered instructions that fuse
     *                      several Wasm instructions the fused names joined with {@code +} (e.g.
     *                      {@code br_if+i32.eq}), for a specialised variant the name with the variant in
     *                      brackets (e.g. {@code i32.eq[LC]}); null when unknown
     * @param functionIndex Wasm function index (function index space), or -1 when unknown
     */
    record Attribution(String opcode, int functionIndex) {
        /** Neither opcode nor function known. */
        public static final Attribution UNKNOWN = new Attribution(null, -1);

        /** @return whether the frame says anything (opcode or function) */
        public boolean known() { return opcode != null || functionIndex >= 0; }
    }

    /**
     * @param className  binary class name with dots, e.g. {@code org.tailbench.interp.sw.SwitchInterpreter}
     *                   or a nested {@code ...I32Handlers$I32_ADD}
     * @param methodName the method's name
     * @param bci        bytecode index in the method, or -1 when unknown
     * @param line       source line (LineNumberTable), or -1 when unknown
     * @return what the frame stands for; {@link Attribution#UNKNOWN} for frames of other code
     */
    Attribution attribute(String className, String methodName, int bci, int line);

    /** @return one sentence saying how frames are attributed (shown as a chart subtitle) */
    String method();

    /** @return whether this can attribute anything at all ({@link #NONE} cannot) */
    default boolean available() { return true; }

    /** Attributes nothing: for engines that do not support attribution (e.g. peers running native code). */
    FrameAttribution NONE = new FrameAttribution() {
        @Override public Attribution attribute(String className, String methodName, int bci, int line) { return Attribution.UNKNOWN; }
        @Override public String method() { return "no frame attribution for this engine"; }
        @Override public boolean available() { return false; }
    };
}
