package org.tailbench.charts.workbench;

import java.util.List;
import java.util.Map;

/**
 * What {@link JfrReader} extracts from one JFR recording of one engine running one workload.
 *
 * @param samples           {@code jdk.ExecutionSample}s of threads running tailbench code (a frame in
 *                          {@code org.tailbench.}); the others (JFR's own threads, JIT-free JVM start-up) are left out
 * @param jvmDepths         JVM frames per such sample (inlined frames included), one entry per sample
 * @param truncated         how many of them hit the recording's stack-depth limit (their depth is a lower bound)
 * @param opcodeSelf        samples per Wasm instruction label: the innermost frame the engine's
 *                          {@code FrameAttribution} knows an opcode for
 * @param attributedOpcodes samples counted in {@code opcodeSelf}
 * @param jvmFunctionSelf   samples per Wasm function index from JVM frames: innermost attributed frame (empty for interpreters)
 * @param jvmFunctionTotal  samples per Wasm function index on the stack at all (each function once per sample)
 * @param wasmDepthEvents   {@code tailbench.WasmCallDepth} events read (0: not recorded)
 * @param wasmDepths        their {@code depth} (active Wasm frames), one entry per event
 * @param wasmFunctionSelf  events per innermost {@code functionIndex}
 * @param wasmFunctionTotal events per function index in the event's {@code stack} (each function once per event)
 * @param tailCalls         {@code tailbench.TailCalls} counts summed per function index (empty: not recorded)
 * @param functionNames     function names seen in {@code tailbench.TailCalls} / {@code tailbench.Compile} events
 * @param durationSeconds   recording length
 */
public record JfrProfile(long samples, List<Integer> jvmDepths, long truncated,
                         Map<String, Long> opcodeSelf, long attributedOpcodes,
                         Map<Integer, Long> jvmFunctionSelf, Map<Integer, Long> jvmFunctionTotal,
                         long wasmDepthEvents, List<Integer> wasmDepths,
                         Map<Integer, Long> wasmFunctionSelf, Map<Integer, Long> wasmFunctionTotal,
                         Map<Integer, Long> tailCalls, Map<Integer, String> functionNames, double durationSeconds) {}
