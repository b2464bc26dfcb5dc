package org.tailbench.spectest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tailbench.runtime.Extern;
import org.tailbench.runtime.Global;
import org.tailbench.runtime.HostFunction;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Table;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.Module.GlobalType;
import org.tailbench.wasm.ValType;

/**
 * The {@code spectest} host module that the testsuite imports from (as the reference interpreter's
 * {@code spectest.ml} defines it): print functions that print nothing, immutable globals holding
 * 666 / 666.6, a funcref table of 10..20 elements and a memory of 1..2 pages.
 * Make a fresh one per {@link Store}: tables, memories and function addresses belong to one store.
 */
public final class SpectestHost {
    /** The module name the testsuite imports from. */
    public static final String MODULE = "spectest";

    private SpectestHost() {}

    /** @return a fresh set of the spectest module's exports, by field name */
    public static Map<String, Extern> create(Store store) {
        Map<String, Extern> m = new LinkedHashMap<>();
        print(m, "print");
        print(m, "print_i32", ValType.I32);
        print(m, "print_i64", ValType.I64);
        print(m, "print_f32", ValType.F32);
        print(m, "print_f64", ValType.F64);
        print(m, "print_i32_f32", ValType.I32, ValType.F32);
        print(m, "print_f64_f64", ValType.F64, ValType.F64);
        m.put("global_i32", new Global(new GlobalType(ValType.I32, false), 666));
        m.put("global_i64", new Global(new GlobalType(ValType.I64, false), 666));
        m.put("global_f32", new Global(new GlobalType(ValType.F32, false), Float.floatToRawIntBits(666.6f)));
        m.put("global_f64", new Global(new GlobalType(ValType.F64, false), Double.doubleToRawLongBits(666.6)));
        m.put("table", new Table(ValType.FUNCREF, new Limits(10, 20)));
        m.put("memory", new Memory(new Limits(1, 2), store.maxMemoryPages(),
                Memory.mappedUnavailableReason() == null ? Memory.Backing.MAPPED : null));
        return m;
    }

    /** @return imports resolving {@code spectest.*} to a fresh {@link #create} set, and nothing else */
    public static Imports imports(Store store) {
        Map<String, Extern> exports = create(store);
        return (module, name) -> MODULE.equals(module) ? exports.get(name) : null;
    }

    private static void print(Map<String, Extern> m, String name, ValType... params) {
        FuncType type = new FuncType(params, new ValType[0]);
        m.put(name, new HostFunction(MODULE, name, type, (caller, args) -> new long[0]));
    }
}
