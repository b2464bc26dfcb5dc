package org.tailbench.peer.wasmtime;

import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.MemoryType;
import io.github.kawamuray.wasmtime.Val;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module compiled by Wasmtime. {@link #instantiate} defines every import in a fresh linker under
 * its (module, name) — WASI from Wasmtime's {@code WasiCtx} when the imports are a {@link Wasi}'s, our
 * functions as Wasmtime host functions, our memories as Wasmtime memories of the same limits, and
 * functions/memories/tables/globals exported by earlier Wasmtime instances of the same store as they are —
 * then instantiates through the linker and returns an {@link Instance#ofExports}. wasmtime-java 0.19.0
 * cannot create tables or globals from Java, nor pass reference values: importing our (e.g. the spectest
 * host's) tables or globals fails with an {@link UnsupportedOperationException} saying so.
 */
final class WasmtimeModule implements CompiledModule {
    /** One Wasmtime engine (default configuration: Cranelift, speed-optimised) for the JVM. */
    static final io.github.kawamuray.wasmtime.Engine ENGINE = new io.github.kawamuray.wasmtime.Engine();
    /** Our stand-ins for exports of Wasmtime instances → Wasmtime's externs; our memories → their Wasmtime copies. */
    private static final Map<Object, Extern> WASMTIME_OF = Collections.synchronizedMap(new WeakHashMap<>());

    private final ValidatedModule module;
    private final io.github.kawamuray.wasmtime.Module compiled;

    WasmtimeModule(ValidatedModule module, io.github.kawamuray.wasmtime.Module compiled) {
        this.module = module;
        this.compiled = compiled;
    }

    @Override public ValidatedModule module() { return module; }

    @Override public Instance instantiate(Store store, Imports imports) {
        Module m = module.module();
        Wasi wasi = Wasi.serving(imports).orElse(null);
        boolean importsWasi = m.imports.stream().anyMatch(i -> i.module().equals(Wasi.PREVIEW1) || i.module().equals(Wasi.UNSTABLE));
        WasmtimeSession s = WasmtimeSession.of(store, wasi != null && importsWasi ? wasi.config() : null);
        if (s.module == null) s.module = m;
        String name = s.nextModuleName();
        boolean command = m.exports.stream().anyMatch(ex -> ex.name().equals("_start") && ex.kind() == Module.ExternKind.FUNC);
        io.github.kawamuray.wasmtime.Instance commandInstance = null;
        // a linker per instantiation: wasmtime-java 0.19.0 cannot allow shadowing, and modules of one store reuse import names
        io.github.kawamuray.wasmtime.Linker linker = new io.github.kawamuray.wasmtime.Linker(ENGINE);
        if (s.wasi != null) io.github.kawamuray.wasmtime.wasi.WasiCtx.addToLinker(linker);
        try {
            List<Extern> externs = new ArrayList<>();
            for (Module.Import imp : m.imports) {
                boolean wasiImport = imp.module().equals(Wasi.PREVIEW1) || imp.module().equals(Wasi.UNSTABLE);
                Extern x;
                if (wasi != null && wasiImport) {
                    if (s.wasi == null) throw new LinkException("unknown import", imp.module() + "." + imp.name()
                            + ": this store's first module was instantiated without WASI");
                    x = imp.name().equals("proc_exit") ? Extern.fromFunc(procExit(s)) : linker.get(s.store, imp.module(), imp.name()).orElseThrow(
                            () -> new LinkException("unknown import", imp.module() + "." + imp.name() + ": not in Wasmtime's WASI"));
                } else {
                    x = extern(s, m, imp, imports);
                    if (!command) linker.define(s.store, imp.module(), imp.name(), x);
                }
                externs.add(x);
            }
            // A command (exports _start) is instantiated directly: Wasmtime's linker would make a fresh
            // instance per call of a command's export. Other modules go through the linker, which is the
            // only way wasmtime-java 0.19.0 gives access to exported globals and tables.
            if (command) commandInstance = new io.github.kawamuray.wasmtime.Instance(s.store, compiled, externs);
            else linker.module(s.store, name, compiled);
        } catch (LinkException | UnsupportedOperationException e) {
            throw e;
        } catch (Throwable t) {
            throw WasmtimeTraps.map(t, m);
        }
        try {
            return exports(s, m, store, name, commandInstance, linker);
        } finally {
            linker.dispose();
        }
    }

    private static Instance exports(WasmtimeSession s, Module m, Store store, String name,
                                    io.github.kawamuray.wasmtime.Instance commandInstance,
                                    io.github.kawamuray.wasmtime.Linker linker) {
        List<Runnable> refresh = new ArrayList<>();
        Map<String, org.tailbench.runtime.Extern> exports = new LinkedHashMap<>();
        for (Module.Export ex : m.exports) {
            Extern e;
            if (commandInstance != null) {
                var ci = commandInstance;
                e = switch (ex.kind()) {
                    case FUNC -> ci.getFunc(s.store, ex.name()).map(Extern::fromFunc).orElse(null);
                    case MEMORY -> ci.getMemory(s.store, ex.name()).map(Extern::fromMemory).orElse(null);
                    default -> null;  // wasmtime-java 0.19.0's Instance shows only functions and memories
                };
                if (e == null) continue;
            } else {
                try {
                    e = linker.get(s.store, name, ex.name()).orElse(null);
                } catch (RuntimeException bindingBug) {
                    // wasmtime-java 0.19.0's Linker.get fails on global exports ("unknown enum variant: GLOBAL"):
                    // the global is then not exported on our side, and reading it fails as a missing export
                    e = null;
                }
                if (e == null) continue;
            }
            switch (ex.kind()) {
                case FUNC -> exports.put(ex.name(), new WasmtimeFunction(s, m.functionType(ex.index()), ex.name(), e.func(), refresh));
                case MEMORY -> {
                    Memory standIn = new Memory(new Limits(0, m.memoryType(ex.index()).limits().max()), Memory.MAX_PAGES);
                    WASMTIME_OF.put(standIn, e);
                    exports.put(ex.name(), standIn);
                }
                case TABLE -> {
                    Module.TableType tt = m.tableType(ex.index());
                    Table standIn = new Table(tt.elemType(), new Limits(0, tt.limits().max()));
                    WASMTIME_OF.put(standIn, e);
                    exports.put(ex.name(), standIn);
                }
                case GLOBAL -> {
                    Module.GlobalType gt = m.globalType(ex.index());
                    io.github.kawamuray.wasmtime.Global g = e.global();
                    Global standIn = new Global(gt, gt.type().isNum() ? WasmtimeValues.fromVal(gt.type(), g.get(s.store)) : 0);
                    if (gt.type().isNum()) refresh.add(() -> standIn.value = WasmtimeValues.fromVal(gt.type(), g.get(s.store)));
                    WASMTIME_OF.put(standIn, e);
                    exports.put(ex.name(), standIn);
                }
            }
        }
        return Instance.ofExports(m, store, exports);
    }

    private static Extern extern(WasmtimeSession s, Module m, Module.Import imp, Imports imports) {
        org.tailbench.runtime.Extern e = imports.resolve(imp.module(), imp.name());
        if (e == null) throw new LinkException("unknown import", imp.module() + "." + imp.name());
        boolean kindMatches = switch (imp.kind()) {
            case FUNC -> e instanceof FunctionInstance f && m.types.get(imp.typeIndex()).equals(f.type());
            case MEMORY -> e instanceof Memory;
            case TABLE -> e instanceof Table;
            case GLOBAL -> e instanceof Global;
        };
        if (!kindMatches) throw new LinkException("incompatible import type", imp.module() + "." + imp.name()
                + " is a " + e.getClass().getSimpleName());
        Extern known = WASMTIME_OF.get(e);
        if (known != null) return known;
        return switch (e) {
            case WasmtimeFunction f when f.session == s -> Extern.fromFunc(f.func);
            case FunctionInstance f -> Extern.fromFunc(hostFunction(s, f));
            case Memory mem -> {
                Limits l = mem.limits();
                var wm = new io.github.kawamuray.wasmtime.Memory(s.store, l.hasMax()
                        ? new MemoryType(l.min(), l.max(), false) : new MemoryType(l.min(), false));
                Extern x = Extern.fromMemory(wm);
                WASMTIME_OF.put(mem, x);
                yield x;
            }
            case Table t -> throw new UnsupportedOperationException("wasmtime-java 0.19.0 cannot create a table from Java (import "
                    + imp.module() + "." + imp.name() + ")");
            case Global g -> throw new UnsupportedOperationException("wasmtime-java 0.19.0 cannot create a global from Java (import "
                    + imp.module() + "." + imp.name() + ")");
        };
    }

    /**
     * {@code proc_exit} as a host function of ours: wasmtime-java reports Wasmtime's own exit as a bare
     * "error while executing" (the exit code is lost), so the code travels as a pending {@link WasiExit}.
     */
    private static Func procExit(WasmtimeSession s) {
        FuncType t = new FuncType(new io.github.kawamuray.wasmtime.Val.Type[] {io.github.kawamuray.wasmtime.Val.Type.I32},
                new io.github.kawamuray.wasmtime.Val.Type[0]);
        return new Func(s.store, t, (caller, params, results) -> {
            org.tailbench.wasi.WasiExit exit = new org.tailbench.wasi.WasiExit(params[0].i32());
            WasmtimeTraps.PENDING.set(exit);
            throw exit;
        });
    }

    private static Func hostFunction(WasmtimeSession s, FunctionInstance f) {
        org.tailbench.wasm.FuncType t = f.type();
        FuncType wt = new FuncType(WasmtimeValues.types(t.params()), WasmtimeValues.types(t.results()));
        return new Func(s.store, wt, (caller, params, results) -> {
            try {
                long[] args = WasmtimeValues.fromVals(t.params(), params);
                long[] r = f instanceof HostFunction h ? h.call(null, args) : f.invoke(args);
                for (int i = 0; i < results.length; i++) results[i] = WasmtimeValues.toVal(t.results()[i], r[i]);
            } catch (RuntimeException ex) {
                WasmtimeTraps.PENDING.set(ex);  // rethrown as it is once the native call returns
                throw ex;
            }
        });
    }

    /** An exported function of a Wasmtime instance, called from our side. */
    static final class WasmtimeFunction extends FunctionInstance {
        final WasmtimeSession session;
        final Func func;
        private final String name;
        private final List<Runnable> refresh;

        WasmtimeFunction(WasmtimeSession session, org.tailbench.wasm.FuncType type, String name, Func func, List<Runnable> refresh) {
            super(type);
            this.session = session;
            this.name = name;
            this.func = func;
            this.refresh = refresh;
        }

        @Override public long[] invoke(long... args) {
            boolean start = name.equals("_start") && session.wasi != null;
            WasmtimeTraps.PENDING.remove();
            try {
                Val[] r = func.call(session.store, WasmtimeValues.toVals(type().params(), args));
                return WasmtimeValues.fromVals(type().results(), r);
            } catch (Throwable t) {
                throw WasmtimeTraps.map(t, session.module);
            } finally {
                if (start) {
                    session.wasi.copyOut();
                    session.close();
                } else {
                    for (Runnable r : refresh) r.run();
                }
            }
        }

        @Override public String name() { return "wasmtime:" + name; }
    }
}
