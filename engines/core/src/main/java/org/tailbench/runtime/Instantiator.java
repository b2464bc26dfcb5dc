package org.tailbench.runtime;

import org.tailbench.wasm.Module;
import org.tailbench.wasm.Module.DataSegment;
import org.tailbench.wasm.Module.ElementSegment;
import org.tailbench.wasm.Module.SegmentMode;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The engine-independent part of instantiation (spec 2.0 §4.5.4 "Instantiation"): import matching,
 * allocation, constant-expression evaluation, element/data initialisation, start function.
 * Engines supply only their function instances.
 *
 * <p>As in 2.0 (bulk memory), active segments are applied one by one with {@code table.init} /
 * {@code memory.init} semantics: when one is out of bounds the trap ends instantiation, but the
 * writes of earlier segments stay (and the functions already placed in shared tables stay callable).
 */
public final class Instantiator {
    private static final long[] NO_REFS = new long[0];
    private static final byte[] NO_BYTES = new byte[0];

    private Instantiator() {}

    /** Makes the engine's function instance for defined function {@code definedIndex} (0-based among defined functions). */
    @FunctionalInterface
    public interface FunctionFactory {
        FunctionInstance create(Instance instance, int definedIndex);
    }

    /**
     * Makes the engine's function instance for defined function {@code definedIndex} (0-based among defined functions)
     * of an instance whose defined functions share one engine context.
     * @param <C> the engine's per-instance context
     */
    @FunctionalInterface
    public interface ContextFunctionFactory<C> {
        FunctionInstance create(C context, int definedIndex);
    }

    /**
     * As {@link #instantiate(Store, ValidatedModule, Imports, FunctionFactory, Memory.Backing)}, for an engine whose
     * defined functions share one context per instance: {@code newContext} makes it when the first defined function
     * is made (the instance's arrays are still filling then), and it is attached to the instance
     * ({@link Instance#attachEngineState}); a module without defined functions gets none.
     */
    public static <C> Instance instantiate(Store store, ValidatedModule validated, Imports imports,
                                           java.util.function.Function<Instance, C> newContext,
                                           ContextFunctionFactory<C> factory, Memory.Backing memoryBacking) {
        var made = new Object() { Instance inst; C context; };
        return instantiate(store, validated, imports, (inst, definedIndex) -> {
            if (made.inst != inst) {
                made.inst = inst;
                made.context = newContext.apply(inst);
                inst.attachEngineState(made.context);
            }
            return factory.create(made.context, definedIndex);
        }, memoryBacking);
    }

    /**
     * Instantiates {@code validated} in {@code store}: every function (imported and defined) gets a
     * store address; tables, memories and globals are allocated; exports are bound; then active
     * element segments, active data segments and the start function run, in that order.
     *
     * @param factory makes the engine's function instance for each defined function; it may keep the
     *                instance and read its fields lazily (globals/tables are filled after functions)
     * @throws LinkException "unknown import" / "incompatible import type"
     * @throws Trap when an active segment is out of bounds, an allocation exceeds an implementation
     *              limit ({@link TrapKind#HOST}), or the start function traps
     */
    public static Instance instantiate(Store store, ValidatedModule validated, Imports imports, FunctionFactory factory) {
        return instantiate(store, validated, imports, factory, null);
    }

    /**
     * As {@link #instantiate(Store, ValidatedModule, Imports, FunctionFactory)}, with the backing every
     * memory the module defines must use (null: the default choice), e.g. {@link Memory.Backing#MAPPED}
     * for a native backend that needs fixed base addresses, {@link Memory.Backing#HEAP} for aot's
     * {@code byte[]} access path.
     */
    public static Instance instantiate(Store store, ValidatedModule validated, Imports imports, FunctionFactory factory,
                                       Memory.Backing memoryBacking) {
        Module module = validated.module();
        Extern[] resolved = ImportMatcher.resolve(module, imports);
        Instance inst = new Instance(module, store);
        int fi = 0, ti = 0, mi = 0, gi = 0;
        for (Extern e : resolved) {
            switch (e) {
                case FunctionInstance f -> { store.register(f); inst.functions[fi++] = f; }
                case Table t -> inst.tables[ti++] = t;
                case Memory m -> inst.memories[mi++] = m;
                case Global g -> inst.globals[gi++] = g;
            }
        }
        for (int i = 0; i < module.functions.size(); i++) {
            FunctionInstance f = factory.create(inst, i);
            if (f == null) throw new IllegalStateException("engine made no function instance for defined function " + i);
            store.register(f);
            inst.functions[fi++] = f;
        }
        for (Module.TableType tt : module.tables) inst.tables[ti++] = new Table(tt.elemType(), tt.limits());
        for (Module.MemoryType mt : module.memories) inst.memories[mi++] = new Memory(mt.limits(), store.maxMemoryPages(), memoryBacking);
        for (Module.Global g : module.globals) {
            long v = ConstEval.eval(g.init(), inst);
            inst.globals[gi++] = new Global(g.type(), v);
        }
        for (Module.Export ex : module.exports) {
            Extern e = switch (ex.kind()) {
                case FUNC -> inst.functions[ex.index()];
                case TABLE -> inst.tables[ex.index()];
                case MEMORY -> inst.memories[ex.index()];
                case GLOBAL -> inst.globals[ex.index()];
            };
            inst.exports.put(ex.name(), e);
        }
        for (int i = 0; i < module.elements.size(); i++) {
            ElementSegment seg = module.elements.get(i);
            long[] refs = new long[seg.items().length];
            for (int k = 0; k < refs.length; k++) refs[k] = ConstEval.eval(seg.items()[k], inst);
            inst.elements[i] = refs;
        }
        for (int i = 0; i < module.datas.size(); i++) inst.datas[i] = module.datas.get(i).init();

        initElements(inst);
        initDatas(inst);
        if (module.start >= 0) inst.functions[module.start].invoke();
        return inst;
    }

    /** Active segments: {@code table.init} then {@code elem.drop}; declarative ones: {@code elem.drop}. */
    private static void initElements(Instance inst) {
        for (int i = 0; i < inst.elements.length; i++) {
            ElementSegment seg = inst.module.elements.get(i);
            if (seg.mode() == SegmentMode.ACTIVE) {
                long dst = ConstEval.eval(seg.offset(), inst) & 0xFFFFFFFFL;
                long[] refs = inst.elements[i];
                inst.tables[seg.tableIndex()].init(dst, refs, 0, refs.length);
                inst.elements[i] = NO_REFS;
            } else if (seg.mode() == SegmentMode.DECLARATIVE) {
                inst.elements[i] = NO_REFS;
            }
        }
    }

    /** Active segments: {@code memory.init} then {@code data.drop}. */
    private static void initDatas(Instance inst) {
        for (int i = 0; i < inst.datas.length; i++) {
            DataSegment seg = inst.module.datas.get(i);
            if (seg.mode() != SegmentMode.ACTIVE) continue;
            long dst = ConstEval.eval(seg.offset(), inst) & 0xFFFFFFFFL;
            byte[] bytes = inst.datas[i];
            inst.memories[seg.memoryIndex()].init(dst, bytes, 0, bytes.length);
            inst.datas[i] = NO_BYTES;
        }
    }
}
