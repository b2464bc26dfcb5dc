package org.tailbench.fuzz;

import java.util.HashMap;
import java.util.Map;
import org.tailbench.runtime.Extern;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.ValType;

/**
 * Imports made up for a fuzz case, so every module can be instantiated (spec §4.5.4): a function import
 * is a host function returning the default value of each result type (0, or {@code ref.null}); a global,
 * table or memory import is a fresh instance of exactly the imported type (value 0 / null, size = its
 * minimum). WASI imports get the same stubs (every call "succeeds" with errno 0 and writes nothing), which
 * keeps runs deterministic and free of I/O. Fresh instances per engine run: engines mutate them.
 */
public final class SyntheticImports {
    private SyntheticImports() {}

    /**
     * @return imports resolving every import of {@code module}
     * @throws RuntimeException (a {@link org.tailbench.runtime.Trap} of kind HOST, or IllegalArgumentException)
     *         when an imported memory or table is larger than {@code store}'s limits allow
     */
    public static Imports of(Module module, Store store) {
        Map<String, Extern> map = new HashMap<>();
        for (Module.Import imp : module.imports) {
            String key = imp.module() + "\u0000" + imp.name();
            if (map.containsKey(key)) continue;
            Extern e = switch (imp.kind()) {
                case FUNC -> function(imp, module.types.get(imp.typeIndex()));
                case GLOBAL -> new Global(imp.global(), defaultValue(imp.global().type()));
                // mapped where possible: the native engines can only import an off-heap memory (its base must not move)
                case MEMORY -> new Memory(imp.memory().limits(), store.maxMemoryPages(),
                        Memory.mappedUnavailableReason() == null ? Memory.Backing.MAPPED : null);
                case TABLE -> new Table(imp.table().elemType(), imp.table().limits());
            };
            map.put(key, e);
        }
        return (m, n) -> map.get(m + "\u0000" + n);
    }

    private static HostFunction function(Module.Import imp, FuncType type) {
        long[] results = new long[type.results().length];
        for (int i = 0; i < results.length; i++) results[i] = defaultValue(type.results()[i]);
        return new HostFunction(imp.module(), imp.name(), type, (caller, args) -> results.clone());
    }

    /** @return the default value of {@code t} (spec §4.2.1 "default value") in the runtime encoding */
    public static long defaultValue(ValType t) {
        return t.isRef() ? ValType.NULL_REF : 0;
    }
}
