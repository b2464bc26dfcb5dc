package org.tailbench.runtime;

import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Module.Import;

/**
 * Import resolution and matching (spec 2.0 §4.5.1 "Import Subtyping", §4.5.4 step 4):
 * functions by exact type, tables by element type and limits, memories by limits, globals by
 * value type and mutability. Table and memory limits are the current ones ({@code min} = size).
 */
public final class ImportMatcher {
    private ImportMatcher() {}

    /**
     * Resolves and checks every import of {@code module}, in order.
     * @return one extern value per import, in import order
     * @throws LinkException "unknown import" (nothing of that name) or "incompatible import type";
     *                       the message names {@code module.name} and, for a type mismatch, both types
     */
    public static Extern[] resolve(Module module, Imports imports) {
        Extern[] out = new Extern[module.imports.size()];
        for (int i = 0; i < out.length; i++) {
            Import imp = module.imports.get(i);
            String where = imp.module() + "." + imp.name();
            Extern e = imports.resolve(imp.module(), imp.name());
            if (e == null) throw new LinkException("unknown import", where);
            String mismatch = mismatch(module, imp, e);
            if (mismatch != null) throw new LinkException("incompatible import type", where + ": " + mismatch);
            out[i] = e;
        }
        return out;
    }

    /** @return null when {@code e} matches {@code imp}, else a description of the mismatch */
    static String mismatch(Module module, Import imp, Extern e) {
        switch (imp.kind()) {
            case FUNC -> {
                FuncType want = module.types.get(imp.typeIndex());
                if (!(e instanceof FunctionInstance f)) return "expected a function " + want + ", got " + describe(e);
                return f.type().equals(want) ? null : "expected function " + want + ", got function " + f.type();
            }
            case TABLE -> {
                Module.TableType want = imp.table();
                if (!(e instanceof Table t)) return "expected a table, got " + describe(e);
                if (t.elemType() != want.elemType()) return "expected a table of " + want.elemType() + ", got " + t.elemType();
                return t.limits().matches(want.limits()) ? null : "table limits " + t.limits() + " do not match " + want.limits();
            }
            case MEMORY -> {
                Module.MemoryType want = imp.memory();
                if (!(e instanceof Memory m)) return "expected a memory, got " + describe(e);
                return m.limits().matches(want.limits()) ? null : "memory limits " + m.limits() + " do not match " + want.limits();
            }
            case GLOBAL -> {
                Module.GlobalType want = imp.global();
                if (!(e instanceof Global g)) return "expected a global, got " + describe(e);
                return g.type().equals(want) ? null : "expected global " + want + ", got global " + g.type();
            }
            default -> throw new IllegalStateException("unknown import kind " + imp.kind());
        }
    }

    private static String describe(Extern e) {
        return switch (e) {
            case FunctionInstance f -> "a function " + f.type();
            case Table t -> "a table of " + t.elemType();
            case Memory m -> "a memory";
            case Global g -> "a global " + g.type();
        };
    }
}
