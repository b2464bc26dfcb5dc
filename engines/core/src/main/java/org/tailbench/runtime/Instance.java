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
    /** state the engine that made this instance keeps with it ({@link #attachEngineState}) */
    private Object engineState;

    Instance(Module module, Store store) {
        this(module, store, true);
    }

    private Instance(Module module, Store store, boolean indexSpaces) {
        this.module = module;
        this.store = store;
        this.functions = new FunctionInstance[indexSpaces ? module.functionCount() : 0];
        this.tables = new Table[indexSpaces ? module.tableCount() : 0];
        this.memories = new Memory[indexSpaces ? module.memoryCount() : 0];
        this.globals = new Global[indexSpaces ? module.globalCount() : 0];
        this.elements = new long[indexSpaces ? module.elements.size() : 0][];
        this.datas = new byte[indexSpaces ? module.datas.size() : 0][];
    }

    /**
     * An instance that lives in another runtime (a peer engine such as Chicory or Wasmtime running the
     * module's bytes itself) and shows only its exports: the index-space arrays are empty and
     * {@link #memory()} is null; exported functions are registered in {@code store}.
     * @param exports export name → the peer's function / table / memory / global, in the module's order
     */
    public static Instance ofExports(Module module, Store store, Map<String, Extern> exports) {
        Instance inst = new Instance(module, store, false);
        exports.forEach((name, e) -> {
            if (e instanceof FunctionInstance f) store.register(f);
            inst.exports.put(name, e);
        });
        return inst;
    }

    /**
     * Attaches the state the engine that made this instance keeps with it (its per-instance context), so that
     * the state lives as long as the instance.
     */
    public void attachEngineState(Object state) { this.engineState = state; }

    /** @return the engine state attached to this instance when it is a {@code type}, else null */
    public <T> T engineState(Class<T> type) { return type.isInstance(engineState) ? type.cast(engineState) : null; }

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
