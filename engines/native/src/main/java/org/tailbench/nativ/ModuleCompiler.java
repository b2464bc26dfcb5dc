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
    /** the guarded indirect call sites (README "Tuning"); {@link NativeTuning#NONE}: none */
    final NativeTuning tuning;
    private final Label[] functionLabels;

    /** What compiling produced. */
    record Result(byte[] code, int entryOffset, int[] functionOffsets, int maxValues, int globalsOffset, int contextBytes,
                  int[] sitePc, int[] siteWasm) {
        /** @return the Wasm byte offset of the call or trap whose return address is at code offset {@code pc}, or -1 */
        long wasmOffset(long pc) {
            int k = java.util.Arrays.binarySearch(sitePc, (int) pc);
            return k >= 0 ? siteWasm[k] : -1;
        }
    }

    private ModuleCompiler(ValidatedModule validated, NativeTuning tuning) {
        this.validated = validated;
        this.tuning = tuning;
        this.module = validated.module();
        int max = 8;
        for (FuncType t : module.types) max = Math.max(max, Math.max(t.params().length, t.results().length) + 1);
        this.maxValues = max;
        this.globalsOffset = Abi.globalsOffset(max);
        this.functionLabels = new Label[module.functionCount()];
        for (int i = 0; i < functionLabels.length; i++) functionLabels[i] = new Label();
    }

    Label functionLabel(int f) { return functionLabels[f]; }

    /** call and trap sites in code order: return-address offset → Wasm byte offset of the instruction */
    private int[] sitePc = new int[256], siteWasm = new int[256];
    private int sites;

    void site(int pc, int wasmOffset) {
        if (sites == sitePc.length) { sitePc = java.util.Arrays.copyOf(sitePc, sites * 2); siteWasm = java.util.Arrays.copyOf(siteWasm, sites * 2); }
        sitePc[sites] = pc;
        siteWasm[sites++] = wasmOffset;
    }
    long typeId(FuncType t) { return typeIdOf(t); }

    static Result compile(ValidatedModule validated, boolean tailCalls) {
        return compile(validated, tailCalls, NativeTuning.NONE);
    }

    /** @param tuning the guarded indirect call sites ({@link NativeTuning#NONE}: the code is exactly the untuned code) */
    static Result compile(ValidatedModule validated, boolean tailCalls, NativeTuning tuning) {
        return compile(validated, tailCalls, new X64MacroAssembler(), tuning);
    }

    /** @param masm a fresh assembler (tests pass one with the LZCNT/TZCNT fallbacks forced) */
    static Result compile(ValidatedModule validated, boolean tailCalls, X64MacroAssembler masm) {
        return compile(validated, tailCalls, masm, NativeTuning.NONE);
    }

    private static Result compile(ValidatedModule validated, boolean tailCalls, X64MacroAssembler masm, NativeTuning tuning) {
        ModuleCompiler mc = new ModuleCompiler(validated, tuning);
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
        // sites are recorded in emission order except a function's out-of-line trap stubs, which follow its body: sort
        long[] pairs = new long[mc.sites];
        for (int k = 0; k < mc.sites; k++) pairs[k] = (long) mc.sitePc[k] << 32 | (mc.siteWasm[k] & 0xFFFFFFFFL);
        java.util.Arrays.sort(pairs);
        int[] pcs = new int[pairs.length], wasm = new int[pairs.length];
        for (int k = 0; k < pairs.length; k++) { pcs[k] = (int) (pairs[k] >>> 32); wasm[k] = (int) pairs[k]; }
        return new Result(code, 0, offsets, mc.maxValues, mc.globalsOffset, ctxBytes, pcs, wasm);
    }
}
