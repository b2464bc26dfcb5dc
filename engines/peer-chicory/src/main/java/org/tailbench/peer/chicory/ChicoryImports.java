package org.tailbench.peer.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;
import org.tailbench.runtime.Extern;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.Memory;
import org.tailbench.wasi.Wasi;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.Module;

/**
 * Our {@link Imports} as Chicory's {@link ImportValues}. WASI imports ({@code wasi_snapshot_preview1})
 * come from Chicory's own {@link WasiPreview1} when the imports are a {@link Wasi}'s
 * ({@link Wasi#serving}): same argv, environment, stdin, stdout/stderr streams (never closed by Chicory),
 * preopened directories and {@code random_get} seed. Every other import is resolved through our
 * {@code Imports}: functions become Chicory host functions calling ours (values converted as
 * {@link org.tailbench.wasm.ValType} says); memories, tables and globals exported by another Chicory
 * instance are passed as Chicory's own objects (so {@code register}ed modules share them); our own
 * memories/tables/globals (e.g. the spectest host's) get a Chicory counterpart with the same limits /
 * value, made once per object. {@code wasi_unstable} is not offered by Chicory: linking fails with a
 * {@link LinkException} naming it.
 */
final class ChicoryImports {
    /** Our stand-in objects (exports of Chicory instances, or our objects imported once) → Chicory's. */
    private static final Map<Object, Object> CHICORY_OF = Collections.synchronizedMap(new WeakHashMap<>());

    private ChicoryImports() {}

    /** The import values and, when the module imports WASI, Chicory's WASI host (to close after {@code _start}). */
    record Linked(ImportValues values, WasiPreview1 wasi) {}

    static void remember(Object ours, Object chicory) { CHICORY_OF.put(ours, chicory); }

    static Linked link(Module module, Imports imports) {
        Wasi wasi = Wasi.serving(imports).orElse(null);
        WasiPreview1 chicoryWasi = null;
        ImportValues.Builder b = ImportValues.builder();
        for (Module.Import imp : module.imports) {
            if (wasi != null && imp.module().equals(Wasi.PREVIEW1)) {
                if (chicoryWasi == null) {
                    chicoryWasi = wasi(wasi.config());
                    b.addFunction(chicoryWasi.toHostFunctions());
                }
                continue;
            }
            if (wasi != null && imp.module().equals(Wasi.UNSTABLE)) {
                throw new LinkException("unknown import", imp.module() + "." + imp.name()
                        + ": Chicory implements wasi_snapshot_preview1 only, not wasi_unstable");
            }
            Extern e = imports.resolve(imp.module(), imp.name());
            if (e == null) throw new LinkException("unknown import", imp.module() + "." + imp.name());
            switch (imp.kind()) {
                case FUNC -> {
                    if (!(e instanceof FunctionInstance f)) throw incompatible(imp, e);
                    FuncType t = module.types.get(imp.typeIndex());
                    if (!t.equals(f.type())) throw incompatible(imp, e);
                    b.addFunction(hostFunction(imp.module(), imp.name(), f));
                }
                case MEMORY -> {
                    if (!(e instanceof Memory m)) throw incompatible(imp, e);
                    b.addMemory(new ImportMemory(imp.module(), imp.name(), memory(m)));
                }
                case TABLE -> {
                    if (!(e instanceof org.tailbench.runtime.Table t)) throw incompatible(imp, e);
                    b.addTable(new ImportTable(imp.module(), imp.name(), table(t)));
                }
                case GLOBAL -> {
                    if (!(e instanceof Global g)) throw incompatible(imp, e);
                    b.addGlobal(new ImportGlobal(imp.module(), imp.name(), global(g)));
                }
            }
        }
        return new Linked(b.build(), chicoryWasi);
    }

    private static LinkException incompatible(Module.Import imp, Extern e) {
        return new LinkException("incompatible import type", imp.module() + "." + imp.name() + " is a " + e.getClass().getSimpleName());
    }

    static WasiPreview1 wasi(Wasi.Config c) {
        WasiOptions.Builder o = WasiOptions.builder()
                .withArguments(c.args())
                .withStdin(new java.io.FilterInputStream(c.stdin()) {
                    @Override public void close() { /* the run's stdin stays open: it is the caller's */ }
                })
                .withStdout(unclosable(c.stdout()))
                .withStderr(unclosable(c.stderr()))
                .withThrowOnExit0(true);
        for (String kv : c.env()) {
            int eq = kv.indexOf('=');
            o.withEnvironment(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        c.preopens().forEach(o::withDirectory);
        c.randomSeed().ifPresent(seed -> o.withRandom(new Random(seed)));
        return WasiPreview1.builder().withOptions(o.build()).build();
    }

    /** Chicory closes its descriptors (0-2 included) when its WASI host closes; ours stay open. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override public void write(byte[] b, int off, int len) throws java.io.IOException { out.write(b, off, len); }
            @Override public void close() throws java.io.IOException { out.flush(); }
        };
    }

    static ValType valType(org.tailbench.wasm.ValType t) {
        return switch (t) {
            case I32 -> ValType.I32;
            case I64 -> ValType.I64;
            case F32 -> ValType.F32;
            case F64 -> ValType.F64;
            case V128 -> ValType.V128;
            case FUNCREF -> ValType.FuncRef;
            case EXTERNREF -> ValType.ExternRef;
        };
    }

    static FunctionType functionType(FuncType t) {
        ValType[] p = new ValType[t.params().length];
        for (int i = 0; i < p.length; i++) p[i] = valType(t.params()[i]);
        ValType[] r = new ValType[t.results().length];
        for (int i = 0; i < r.length; i++) r[i] = valType(t.results()[i]);
        return FunctionType.of(p, r);
    }

    /** Chicory's value of type {@code t} in our encoding: i32 and f32 sign-extended from their low 32 bits. */
    static long ours(org.tailbench.wasm.ValType t, long v) {
        return t == org.tailbench.wasm.ValType.I32 || t == org.tailbench.wasm.ValType.F32 ? (long) (int) v : v;
    }

    static long[] ours(org.tailbench.wasm.ValType[] types, long[] vs) {
        long[] out = new long[types.length];
        for (int i = 0; i < out.length; i++) out[i] = ours(types[i], vs[i]);
        return out;
    }

    private static HostFunction hostFunction(String module, String name, FunctionInstance f) {
        FuncType t = f.type();
        return new HostFunction(module, name, functionType(t), (inst, args) -> {
            long[] a = ours(t.params(), args);
            return f instanceof org.tailbench.runtime.HostFunction h ? h.call(null, a) : f.invoke(a);
        });
    }

    private static com.dylibso.chicory.runtime.Memory memory(Memory m) {
        synchronized (CHICORY_OF) {
            Object c = CHICORY_OF.get(m);
            if (c != null) return (com.dylibso.chicory.runtime.Memory) c;
            Limits l = m.limits();
            var mem = new ByteArrayMemory(l.hasMax() ? new MemoryLimits((int) l.min(), (int) l.max()) : new MemoryLimits((int) l.min()));
            CHICORY_OF.put(m, mem);
            return mem;
        }
    }

    private static TableInstance table(org.tailbench.runtime.Table t) {
        synchronized (CHICORY_OF) {
            Object c = CHICORY_OF.get(t);
            if (c != null) return (TableInstance) c;
            Limits l = t.limits();
            var limits = l.hasMax() ? new TableLimits(l.min(), l.max()) : new TableLimits(l.min());
            var table = new TableInstance(new Table(valType(t.elemType()), limits), (int) org.tailbench.wasm.ValType.NULL_REF);
            CHICORY_OF.put(t, table);
            return table;
        }
    }

    private static GlobalInstance global(Global g) {
        synchronized (CHICORY_OF) {
            Object c = CHICORY_OF.get(g);
            if (c != null) return (GlobalInstance) c;
            Module.GlobalType gt = g.type();
            var gi = new GlobalInstance(g.value, 0L, valType(gt.type()), gt.mutable() ? MutabilityType.Var : MutabilityType.Const);
            CHICORY_OF.put(g, gi);
            return gi;
        }
    }
}
