package org.tailbench.graalwasm;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Extern;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module prepared for GraalWasm: the polyglot {@link Source} of its original bytes, built once.
 *
 * <p>{@link #instantiate} with a {@link Wasi}'s imports (recognised by {@link Wasi#serving}) runs the module as a WASI
 * command with GraalWasm's own WASI: a fresh {@link Context} per instance ({@code wasm.Builtins=
 * wasi_snapshot_preview1}) with the run's argv, environment, stdin/stdout/stderr and preopened directories
 * ({@code wasm.WasiMapDirs}); it is closed by {@link Wasi#close()}. Other imports (e.g. {@code bench.start})
 * are linked from the {@link Imports}. With any other {@link Imports} (the spec runner), every instance of
 * one {@link Store} shares one context, so instances link to each other's exports; it is closed once no
 * instance or function of it is reachable any more.
 */
final class GraalWasmModule implements CompiledModule {
    private static final Cleaner CLEANER = Cleaner.create();
    /**
     * One context per store, for non-WASI instantiation. Weak both ways: the state lives as long as an instance
     * or function of it (they hold it) and is closed by {@link #CLEANER} when none is left.
     */
    private static final Map<Store, WeakReference<ContextState>> STORE_CONTEXTS = new WeakHashMap<>();

    private final ValidatedModule validated;
    private final org.graalvm.polyglot.Engine polyglot;
    private final Source source;

    GraalWasmModule(ValidatedModule validated, org.graalvm.polyglot.Engine polyglot) {
        this.validated = validated;
        this.polyglot = polyglot;
        byte[] bytes = validated.module().bytes;
        if (bytes == null) throw new IllegalArgumentException("graalwasm peer: the module keeps no bytes (Module.bytes) to give GraalWasm");
        rejectTailCalls(validated.module());
        this.source = Source.newBuilder("wasm", ByteSequence.create(bytes.clone()), "module").cached(true).buildLiteral();
    }

    /** GraalWasm 25.0.2 does not decode the tail-call proposal's opcodes (it says "Unknown opcode: 0x12"): say so up front. */
    private static void rejectTailCalls(Module m) {
        for (int i = 0; i < m.functions.size(); i++) {
            Code body = m.functions.get(i).body();
            for (int k = 0; k < body.length; k++) {
                Op op = body.opAt(k);
                if (op == Op.RETURN_CALL || op == Op.RETURN_CALL_INDIRECT) {
                    int index = m.importedFunctions() + i;
                    throw new UnsupportedOperationException("graalwasm: GraalWasm " + GraalWasmEngine.polyglotVersion()
                            + " does not implement the tail-call proposal (" + op.text + " in function " + index + " "
                            + m.functionName(index) + " at byte offset " + body.pos[k] + ")");
                }
            }
        }
    }

    @Override public ValidatedModule module() { return validated; }

    @Override public Instance instantiate(Store store, Imports imports) {
        Wasi wasi = Wasi.serving(imports).orElse(null);
        if (wasi != null) {
            ContextState cs = wasiContext(store, wasi);
            wasi.onClose(cs);
            return instantiateIn(cs, imports, true);
        }
        return instantiateIn(storeContext(store), imports, false);
    }

    private Instance instantiateIn(ContextState cs, Imports imports, boolean wasi) {
        Module m = validated.module();
        Value module;
        try {
            module = cs.module(source);
        } catch (PolyglotException e) {
            throw new UnsupportedOperationException("graalwasm peer: GraalWasm rejects the module: " + e.getMessage(), e);
        }
        Object importObject = importObject(cs, imports, wasi);
        Value instance;
        try {
            instance = importObject == null ? module.newInstance() : module.newInstance(importObject);
        } catch (PolyglotException e) {
            throw Faults.ofInstantiation(e, m);
        } finally {
            cs.refreshGlobalsQuietly();
        }
        Value exports = instance.getMember("exports");
        Map<String, Extern> ours = new LinkedHashMap<>();
        for (Module.Export ex : m.exports) {
            Value v = exports.getMember(ex.name());
            Extern e = switch (ex.kind()) {
                case FUNC -> {
                    GraalFunction f = new GraalFunction(m.functionType(ex.index()), v, cs, m, m.functionName(ex.index()));
                    cs.exported(f);
                    yield f;
                }
                case MEMORY -> cs.exportedMemory(v);
                case TABLE -> cs.exportedTable(m.tableType(ex.index()).elemType(), v);
                case GLOBAL -> cs.exportedGlobal(m.globalType(ex.index()), v);
            };
            ours.put(ex.name(), e);
        }
        Instance inst = Instance.ofExports(m, cs.store(), ours);
        inst.attachEngineState(cs);
        return inst;
    }

    /**
     * @return GraalWasm's import object (module name → field → guest value) for every import not served by
     *         GraalWasm's WASI, or null when there is none
     * @throws LinkException "unknown import" / "incompatible import type" as our instantiation would
     */
    private Object importObject(ContextState cs, Imports imports, boolean wasi) {
        Map<String, Map<String, Object>> byModule = new LinkedHashMap<>();
        for (Module.Import imp : validated.module().imports) {
            if (wasi && imp.module().equals(Wasi.PREVIEW1)) continue;  // GraalWasm's own WASI
            Extern e = imports.resolve(imp.module(), imp.name());
            if (e == null) throw new LinkException("unknown import", imp.module() + "." + imp.name());
            checkKind(imp, e);
            Object guest;
            try {
                guest = cs.guestExtern(e);
            } catch (UnsupportedOperationException x) {
                throw new LinkException("incompatible import type", imp.module() + "." + imp.name() + ": " + x.getMessage());
            }
            byModule.computeIfAbsent(imp.module(), k -> new LinkedHashMap<>()).put(imp.name(), guest);
        }
        if (byModule.isEmpty()) return null;
        Map<String, Object> top = new LinkedHashMap<>();
        byModule.forEach((k, v) -> top.put(k, ProxyObject.fromMap(v)));
        return ProxyObject.fromMap(top);
    }

    /** Import matching (spec §4.5.1) for what GraalWasm cannot check itself: kinds, and host function types. */
    private void checkKind(Module.Import imp, Extern e) {
        boolean ok = switch (imp.kind()) {
            case FUNC -> e instanceof FunctionInstance f  // GraalWasm checks the type of a function it returned itself
                    && (f instanceof GraalFunction g && !g.typeKnown() || f.type().equals(validated.module().types.get(imp.typeIndex())));
            case TABLE -> e instanceof Table;
            case MEMORY -> e instanceof Memory;
            case GLOBAL -> e instanceof Global g && g.type().equals(imp.global());
        };
        if (!ok) throw new LinkException("incompatible import type", imp.module() + "." + imp.name());
    }

    private ContextState wasiContext(Store store, Wasi wasi) {
        Wasi.Config c = wasi.config();
        Context.Builder b = Context.newBuilder("wasm").engine(polyglot)
                .option("wasm.Builtins", Wasi.PREVIEW1)
                .arguments("wasm", c.args().toArray(String[]::new))
                .in(c.stdin()).out(c.stdout()).err(c.stderr());
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : c.env()) {
            int eq = kv.indexOf('=');
            env.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        b.environment(env);
        if (!c.preopens().isEmpty()) {
            List<String> dirs = new ArrayList<>();
            for (Map.Entry<String, Path> p : c.preopens().entrySet()) dirs.add(p.getKey() + "::" + p.getValue());
            b.option("wasm.WasiMapDirs", String.join(",", dirs)).allowIO(IOAccess.ALL);
        }
        return new ContextState(b.build(), store);
    }

    private ContextState storeContext(Store store) {
        synchronized (STORE_CONTEXTS) {
            WeakReference<ContextState> ref = STORE_CONTEXTS.get(store);
            ContextState cs = ref == null ? null : ref.get();
            if (cs == null) {
                Context ctx = Context.newBuilder("wasm").engine(polyglot).build();
                cs = new ContextState(ctx, store);
                STORE_CONTEXTS.put(store, new WeakReference<>(cs));
                CLEANER.register(cs, () -> ctx.close(true));
            }
            return cs;
        }
    }
}
