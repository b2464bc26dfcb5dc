package org.tailbench.nativ;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Instantiator;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module compiled to x86-64: one read-execute code blob (entry/trap stubs, then the functions), shared by
 * all its instances; each instance gets a {@link NativeContext}. Memories it defines are off-heap
 * ({@link Memory.Backing#MAPPED}), so their base address never moves.
 */
public final class NativeModule implements CompiledModule {
    private final ValidatedModule module;
    final ModuleCompiler.Result compiled;
    final MemorySegment code;
    final MethodHandle entry;
    final String engine;
    private final java.util.List<String> log;

    /**
     * @param dump a file to write the machine code to (option {@code native.dump}), or "" for none
     * @param perfMap append the functions to perf's /tmp/perf-PID.map (option {@code native.perfMap})
     * @param log what the compiler reports (the tuning's lines)
     */
    NativeModule(ValidatedModule module, ModuleCompiler.Result compiled, String engine, String dump, boolean perfMap, java.util.List<String> log) {
        this.module = module;
        this.log = java.util.List.copyOf(log);
        this.compiled = compiled;
        this.engine = engine;
        this.code = ExecMemory.load(compiled.code());
        if (!dump.isEmpty()) {   // for objdump -D -b binary -mi386:x86-64 -M intel; DUMP.map: "offset size name" per function
            write(java.nio.file.Path.of(dump), compiled.code(), false);
            write(java.nio.file.Path.of(dump + ".map"), symbols(0).getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        }
        if (perfMap) {   // perf's JIT symbol map: perf report shows Wasm function names
            write(java.nio.file.Path.of("/tmp/perf-" + ProcessHandle.current().pid() + ".map"),
                    symbols(code.address()).getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        }
        this.entry = Linker.nativeLinker().downcallHandle(code.asSlice(compiled.entryOffset()),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    /** @return one line per defined function, "start size name" in hex, starts relative to {@code base} */
    private String symbols(long base) {
        StringBuilder sb = new StringBuilder();
        int[] offs = compiled.functionOffsets();
        int imported = module.module().importedFunctions();
        for (int d = 0; d + 1 < offs.length; d++) {
            sb.append(Long.toHexString(base + offs[d])).append(' ').append(Integer.toHexString(offs[d + 1] - offs[d]))
                    .append(" wasm[").append(imported + d).append("]::").append(module.module().functionName(imported + d)).append('\n');
        }
        return sb.toString();
    }

    private static void write(java.nio.file.Path p, byte[] bytes, boolean append) {
        try {
            if (append) java.nio.file.Files.write(p, bytes, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            else java.nio.file.Files.write(p, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override public ValidatedModule module() { return module; }

    /** @return what the compiler reported, e.g. {@code "tuning: 3 indirect call sites devirtualized (guarded)"} (lines starting with {@code "tuning:"}) */
    public java.util.List<String> log() { return log; }

    /** @return bytes of machine code */
    public int codeBytes() { return compiled.code().length; }

    /** @return the address of defined function {@code defined}'s code */
    long codeAddress(int defined) { return code.address() + compiled.functionOffsets()[defined]; }

    /** @return the function index whose code contains {@code pc}, or -1 (a stub, or not this module's code) */
    int functionAt(long pc) {
        long off = pc - code.address();
        int[] offs = compiled.functionOffsets();
        if (off < 0 || off >= offs[offs.length - 1]) return -1;
        int k = Arrays.binarySearch(offs, 0, offs.length - 1, (int) off);
        if (k < 0) k = -k - 2;
        if (k < 0) return -1;
        return module.module().importedFunctions() + k;
    }

    @Override public Instance instantiate(Store store, Imports imports) {
        Module m = module.module();
        return Instantiator.instantiate(store, module, imports, inst -> new NativeContext(this, inst), (ctx, defined) ->
                new NativeFunction(m.types.get(m.functions.get(defined).typeIndex()), ctx, m.importedFunctions() + defined),
                Memory.Backing.MAPPED);
    }
}
