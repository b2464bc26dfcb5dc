package org.tailbench.graalwasm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.tailbench.runtime.Extern;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.ValType;

/**
 * One polyglot {@link Context} and what links our externs to GraalWasm's objects in it: GraalWasm instances
 * can import only GraalWasm functions, memories, tables and globals of the same context, so
 * <ul>
 *   <li>our host functions become {@link ProxyExecutable}s (typed by their {@link FuncType});</li>
 *   <li>our memories/tables/globals (e.g. the spectest module's) get a GraalWasm stand-in made from a
 *       {@link TinyModules} module, once per extern (contents are not shared with ours);</li>
 *   <li>memories/tables/globals exported by GraalWasm instances appear to us as placeholder externs that
 *       map back to the GraalWasm object when another module imports them; exported globals hold a copy of
 *       the value, refreshed after every call into the context ({@link #refreshGlobals}).</li>
 * </ul>
 * Single-threaded, like the context.
 */
final class ContextState implements AutoCloseable {
    final Context context;
    private final Store store;
    /** what the proxies inside the context hold, so that the context does not keep this state alive */
    private final java.lang.ref.WeakReference<ContextState> self = new java.lang.ref.WeakReference<>(this);
    private final Map<Source, Value> modules = new HashMap<>();
    private final Map<Extern, Object> guestOf = new IdentityHashMap<>();
    private final Map<Value, GraalFunction> functionsByGuest = new HashMap<>();
    private final List<Global> exportedGlobals = new ArrayList<>();
    private final Map<ValType, Value> nulls = new java.util.EnumMap<>(ValType.class);
    private final List<Value> exportedGlobalValues = new ArrayList<>();

    ContextState(Context context, Store store) {
        this.context = context;
        this.store = store;
    }

    /** @return the store whose instances live in this context */
    Store store() { return store; }

    /** @return the GraalWasm module of {@code source} in this context (parsed once per context) */
    Value module(Source source) {
        return modules.computeIfAbsent(source, context::eval);
    }

    /** @return the object GraalWasm can import for {@code e}, whose import in the module has type {@code type} */
    Object guestExtern(Extern e) {
        return switch (e) {
            case FunctionInstance f -> guestFunction(f);
            case Memory m -> guestOf.computeIfAbsent(m, k -> standIn(TinyModules.memory(m.limits())));
            case Table t -> guestOf.computeIfAbsent(t, k -> standIn(TinyModules.table(t.elemType(), t.limits())));
            case Global g -> guestOf.computeIfAbsent(g, k -> standIn(TinyModules.global(g.type().type(), g.type().mutable(), g.value)));
        };
    }

    /**
     * @return GraalWasm's null reference of {@code refType} (a Java {@code null} is not accepted as a Wasm
     *         argument), read once per context from a stand-in global initialised with {@code ref.null}
     */
    Value guestNull(ValType refType) {
        return nulls.computeIfAbsent(refType, t -> standIn(TinyModules.global(t, false, ValType.NULL_REF)).getMember("value"));
    }

    /** @return the guest function for {@code f}: GraalWasm's own, or a proxy calling our function instance */
    Object guestFunction(FunctionInstance f) {
        if (f instanceof GraalFunction g) {
            if (g.state() != this) {
                throw new UnsupportedOperationException("graalwasm peer: function " + g.name()
                        + " belongs to another polyglot context (another store) and cannot be linked here");
            }
            return g.guest();
        }
        return guestOf.computeIfAbsent(f, k -> proxy(f));
    }

    private ProxyExecutable proxy(FunctionInstance f) {
        FuncType type = f.type();
        if (f instanceof HostFunction h && h.moduleName().startsWith("wasi_")) {
            throw new UnsupportedOperationException("graalwasm peer: " + h.name() + " needs the caller's memory, which lives in "
                    + "GraalWasm; WASI programs run with GraalWasm's own WASI (wasi_snapshot_preview1 only)");
        }
        java.lang.ref.WeakReference<ContextState> state = self;
        return args -> {
            ContextState cs = state.get();
            if (cs == null) throw new IllegalStateException("graalwasm peer: the instances of this context are gone");
            long[] a = new long[type.params().length];
            for (int i = 0; i < a.length; i++) a[i] = ValueCodec.fromGuest(type.params()[i], args[i], cs.store, cs);
            long[] r = f.invoke(a);
            return ValueCodec.guestResults(type.results(), r, cs.store, cs);
        };
    }

    /** @return our function instance for a funcref GraalWasm returned (its type is unknown unless exported) */
    FunctionInstance hostFunction(Value guest) {
        GraalFunction known = functionsByGuest.get(guest);
        if (known != null) return known;
        GraalFunction g = new GraalFunction(null, guest, this, null, "funcref");
        functionsByGuest.put(guest, g);
        return g;
    }

    /** Records an exported function so funcrefs to it map back to the same function instance. */
    void exported(GraalFunction f) { functionsByGuest.putIfAbsent(f.guest(), f); }

    /** @return a placeholder memory for a GraalWasm-exported memory (our view has no contents) */
    Memory exportedMemory(Value guest) {
        Memory m = new Memory(new Limits(0, -1), 0);
        guestOf.put(m, guest);
        return m;
    }

    /** @return a placeholder table for a GraalWasm-exported table (our view has no elements) */
    Table exportedTable(ValType elemType, Value guest) {
        Table t = new Table(elemType, new Limits(0, -1));
        guestOf.put(t, guest);
        return t;
    }

    /** @return a global whose value follows the GraalWasm-exported global (refreshed after each call) */
    Global exportedGlobal(org.tailbench.wasm.Module.GlobalType type, Value guest) {
        Global g = new Global(type, 0);
        guestOf.put(g, guest);
        exportedGlobals.add(g);
        exportedGlobalValues.add(guest);
        g.value = ValueCodec.fromGuest(type.type(), guest.getMember("value"), store(), this);
        return g;
    }

    /** Copies the current value of every exported global into its {@link Global}. */
    void refreshGlobals() {
        for (int i = 0; i < exportedGlobals.size(); i++) {
            Global g = exportedGlobals.get(i);
            g.value = ValueCodec.fromGuest(g.type().type(), exportedGlobalValues.get(i).getMember("value"), store(), this);
        }
    }

    /** {@link #refreshGlobals} after a call; a context that was closed or exited (proc_exit) has nothing to refresh. */
    void refreshGlobalsQuietly() {
        if (exportedGlobals.isEmpty()) return;
        try {
            refreshGlobals();
        } catch (PolyglotException | IllegalStateException e) {
            // the context is gone (e.g. the program exited); the last copies stay
        }
    }

    private Value standIn(byte[] wasm) {
        Source s = Source.newBuilder("wasm", ByteSequence.create(wasm), "standin").buildLiteral();
        try {
            return context.eval(s).newInstance().getMember("exports").getMember("x");
        } catch (PolyglotException e) {
            throw new IllegalStateException("graalwasm peer: cannot make a GraalWasm stand-in: " + e.getMessage(), e);
        }
    }

    @Override public void close() { context.close(true); }
}
