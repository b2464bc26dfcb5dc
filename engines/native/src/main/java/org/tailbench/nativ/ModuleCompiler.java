package org.tailbench.nativ;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tailbench.nativ.MacroAssembler.Label;
import org.tailbench.nativ.x64.X64MacroAssembler;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Compiles a whole module into one code blob: the entry and trap stubs first, then every defined function
 * in index order (direct calls are rel32 to labels bound as functions are emitted).
 */
final class ModuleCompiler {
    private static final ConcurrentHashMap<FuncType, Integer> TYPE_IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_TYPE_ID = new AtomicInteger(1);

    /** @return the JVM-wide canonical id of {@code t} (structural equality), as call_indirect compares them */
    static int typeIdOf(FuncType t) { return TYPE_IDS.computeIfAbsent(t, k -> NEXT_TYPE_ID.getAndIncrement()); }

    final ValidatedModule validated;
    final Module module;
    final int maxValues;
    final int globalsOffset;
    private final Label[] functionLabels;

    /** What compiling produced. */
    record Result(byte[] code, int entryOffset, int[] functionOffsets, int maxValues, int globalsOffset, int contextBytes) {}

    private ModuleCompiler(ValidatedModule validated) {
        this.validated = validated;
        this.module = validated.module();
        int max = 8;
        for (FuncType t : module.types) max = Math.max(max, Math.max(t.params().length, t.results().length) + 1);
        this.maxValues = max;
        this.globalsOffset = Abi.globalsOffset(max);
        this.functionLabels = new Label[module.functionCount()];
        for (int i = 0; i < functionLabels.length; i++) functionLabels[i] = new Label();
    }

    Label functionLabel(int f) { return functionLabels[f]; }
    long typeId(FuncType t) { return typeIdOf(t); }

    static Result compile(ValidatedModule validated, boolean tailCalls) {
        ModuleCompiler mc = new ModuleCompiler(validated);
        X64MacroAssembler masm = new X64MacroAssembler();
        masm.entryAndTrapStubs();
        int imported = mc.module.importedFunctions();
        int[] offsets = new int[mc.module.functions.size() + 1];
        for (int d = 0; d < mc.module.functions.size(); d++) {
            while (masm.pos() % 16 != 0) masm.asm().byte1(0xCC);
            offsets[d] = masm.pos();
            masm.bind(mc.functionLabels[imported + d]);
            try {
                new FunctionCompiler(mc, masm, d, tailCalls).compile();
            } catch (RuntimeException e) {
                throw new IllegalStateException("native: compiling function " + (imported + d) + " ("
                        + mc.module.functionName(imported + d) + ") failed: " + e.getMessage(), e);
            }
        }
        offsets[offsets.length - 1] = masm.pos();
        byte[] code = masm.finish();
        int ctxBytes = mc.globalsOffset + 8 * Math.max(1, mc.module.globalCount());
        return new Result(code, 0, offsets, mc.maxValues, mc.globalsOffset, ctxBytes);
    }
}
