package org.tailbench.peer.chicory;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Extern;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module parsed (and for {@code chicory-aot} compiled) by Chicory. {@link #instantiate} builds a Chicory
 * instance (segments and the start function run there; {@code _start} does not) and returns an
 * {@link Instance#ofExports} whose exported functions call Chicory's. Exported memories and tables are
 * empty stand-ins that only carry identity (so a {@code register}ed instance's memory reaches the next
 * Chicory instance as Chicory's own object); exported globals are stand-ins whose value is refreshed after
 * every call into a Chicory instance of the same store.
 */
final class ChicoryModule implements CompiledModule {
    private final ChicoryEngine engine;
    private final ValidatedModule module;
    private final WasmModule wasm;
    private final Function<com.dylibso.chicory.runtime.Instance, Machine> machines;

    ChicoryModule(ChicoryEngine engine, ValidatedModule module, WasmModule wasm,
                  Function<com.dylibso.chicory.runtime.Instance, Machine> machines) {
        this.engine = engine;
        this.module = module;
        this.wasm = wasm;
        this.machines = machines;
    }

    @Override public ValidatedModule module() { return module; }

    @Override public Instance instantiate(Store store, Imports imports) {
        Module m = module.module();
        ChicoryImports.Linked linked = ChicoryImports.link(m, imports);
        com.dylibso.chicory.runtime.Instance ci;
        try {
            var b = com.dylibso.chicory.runtime.Instance.builder(wasm).withImportValues(linked.values()).withStart(false);
            if (machines != null) b.withMachineFactory(machines);
            ci = b.build();
        } catch (Throwable t) {
            if (linked.wasi() != null) linked.wasi().close();
            throw ChicoryTraps.map(t);
        }
        List<Runnable> refresh = refreshersOf(store);
        Map<String, Extern> exports = new LinkedHashMap<>();
        for (Module.Export ex : m.exports) {
            switch (ex.kind()) {
                case FUNC -> {
                    FuncType t = m.functionType(ex.index());
                    WasiPreview1 closeAfter = ex.name().equals("_start") ? linked.wasi() : null;
                    exports.put(ex.name(), new ChicoryFunction(t, ex.name(), ci.export(ex.name()), refresh, closeAfter));
                }
                case MEMORY -> {
                    Module.MemoryType mt = m.memoryType(ex.index());
                    Memory standIn = new Memory(new Limits(0, mt.limits().max()), Memory.MAX_PAGES);
                    ChicoryImports.remember(standIn, ci.exports().memory(ex.name()));
                    exports.put(ex.name(), standIn);
                }
                case TABLE -> {
                    Module.TableType tt = m.tableType(ex.index());
                    Table standIn = new Table(tt.elemType(), new Limits(0, tt.limits().max()));
                    ChicoryImports.remember(standIn, ci.exports().table(ex.name()));
                    exports.put(ex.name(), standIn);
                }
                case GLOBAL -> {
                    Module.GlobalType gt = m.globalType(ex.index());
                    GlobalInstance gi = ci.exports().global(ex.name());
                    Global standIn = new Global(gt, ChicoryImports.ours(gt.type(), gi.getValue()));
                    ChicoryImports.remember(standIn, gi);
                    refresh.add(() -> standIn.value = ChicoryImports.ours(gt.type(), gi.getValue()));
                    exports.put(ex.name(), standIn);
                }
            }
        }
        return Instance.ofExports(m, store, exports);
    }

    /**
     * Per store, the refreshers of every exported global of its Chicory instances: a call into any instance may
     * change a global another instance exports (a mutable global imported through {@code register}).
     */
    private static final Map<Store, List<Runnable>> REFRESH = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static List<Runnable> refreshersOf(Store store) {
        return REFRESH.computeIfAbsent(store, s -> new java.util.concurrent.CopyOnWriteArrayList<>());
    }

    /** An exported function of a Chicory instance, called from our side. */
    private final class ChicoryFunction extends FunctionInstance {
        private final String name;
        private final ExportFunction export;
        private final List<Runnable> refresh;
        private final WasiPreview1 closeAfter;

        ChicoryFunction(FuncType type, String name, ExportFunction export, List<Runnable> refresh, WasiPreview1 closeAfter) {
            super(type);
            this.name = name;
            this.export = export;
            this.refresh = refresh;
            this.closeAfter = closeAfter;
        }

        @Override public long[] invoke(long... args) {
            try {
                long[] r = export.apply(args);
                return r == null ? new long[0] : ChicoryImports.ours(type().results(), r);
            } catch (Throwable t) {
                throw ChicoryTraps.map(t);
            } finally {
                for (Runnable r : refresh) r.run();
                if (closeAfter != null) closeAfter.close();
            }
        }

        @Override public String name() { return engine.name() + ":" + name; }
    }
}
