package org.tailbench.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tailbench.wasm.Module;

/**
 * A module instance (spec §4.2.5), shared by all engines: the index spaces hold imports first,
 * then the module's own definitions. {@link #functions} are {@link FunctionInstance}s made by
 * the engine that compiled the module. Element and data segments are kept as their evaluated
 * contents; {@code elem.drop} / {@code data.drop} replace them with empty arrays.
 * Built by {@link Instantiator}.
 */
public final class Instance {
    public final Module module;
    public final Store store;
    public final FunctionInstance[] functions;
    public final Table[] tables;
    public final Memory[] memories;
    public final Global[] globals;
    /** element segment contents (reference values), empty once dropped */
    public final long[][] elements;
    /** data segment bytes, empty once dropped */
    public final byte[][] datas;
    final Map<String, Extern> exports = new LinkedHashMap<>();
    /** state an engine attaches to the instance (e.g. lowered code, a frame stack) */
    public Object engineState;

    Instance(Module module, Store store) {
        this.module = module;
        this.store = store;
        this.functions = new FunctionInstance[module.functionCount()];
        this.tables = new Table[module.tableCount()];
        this.memories = new Memory[module.memoryCount()];
        this.globals = new Global[module.globalCount()];
        this.elements = new long[module.elements.size()][];
        this.datas = new byte[module.datas.size()][];
    }

    /**
     * An instance whose code and state live in another runtime (a peer engine such as GraalWasm): only its
     * exports are ours to see. Its index-space arrays ({@link #functions}, {@link #memories}, ...) have the
     * module's sizes but stay empty (null); callers use {@link #export} / {@link #exports()}.
     * The exports are registered in {@code store} (functions get their funcref address there).
     *
     * @param exports every export of the module, by name, in the module's order
     * @param engineState the peer's own state for the instance (see {@link #engineState})
     */
    public static Instance foreign(Module module, Store store, Map<String, Extern> exports, Object engineState) {
        Instance inst = new Instance(module, store);
        exports.forEach((name, e) -> {
            if (e instanceof FunctionInstance f) store.register(f);
            inst.exports.put(name, e);
        });
        inst.engineState = engineState;
        return inst;
    }

    /** @return the export named {@code name}, or null */
    public Extern export(String name) { return exports.get(name); }

    /** @return every export, in the module's order */
    public Map<String, Extern> exports() { return java.util.Collections.unmodifiableMap(exports); }

    /**
     * @return the exported function {@code name}
     * @throws IllegalArgumentException when there is no such function export
     */
    public FunctionInstance exportedFunction(String name) {
        if (exports.get(name) instanceof FunctionInstance f) return f;
        throw new IllegalArgumentException("no exported function \"" + name + "\"; exports are " + exports.keySet());
    }

    /** @return memory 0, or null when the module has none */
    public Memory memory() { return memories.length > 0 ? memories[0] : null; }

    /** @return {@code Imports} that resolve {@code moduleName.field} to this instance's exports (for "register") */
    public Imports asImports(String moduleName) {
        return (m, n) -> m.equals(moduleName) ? exports.get(n) : null;
    }
}
