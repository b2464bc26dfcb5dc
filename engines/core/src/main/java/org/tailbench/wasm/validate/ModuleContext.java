package org.tailbench.wasm.validate;

import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.ValType;

/**
 * The validation context {@code C} of spec 2.0 §3.1.1, flattened into arrays indexed by the module's
 * index spaces (imports first) so that code validation looks things up in O(1) without allocating.
 *
 * <p>Value types are stored as small ints ({@link #code}): 0 is the appendix algorithm's
 * {@code Unknown}, otherwise {@link ValType#ordinal()} + 1.
 *
 * <p>Building the context performs the spec checks that resolving the index spaces needs, in the
 * reference interpreter's order: type indices of imported and defined functions ("unknown type N").
 */
final class ModuleContext {
    /** The appendix algorithm's {@code Unknown} operand type. */
    static final int UNKNOWN = 0;
    static final int I32 = code(ValType.I32), I64 = code(ValType.I64), F32 = code(ValType.F32),
            F64 = code(ValType.F64), V128 = code(ValType.V128), FUNCREF = code(ValType.FUNCREF),
            EXTERNREF = code(ValType.EXTERNREF);
    static final int[] NO_TYPES = new int[0];
    private static final ValType[] VALTYPES = ValType.values();
    /** Single-type vectors, shared so block types {@code [] -> [t]} allocate nothing. */
    private static final int[][] SINGLE = new int[VALTYPES.length + 1][];
    static {
        for (int c = 1; c <= VALTYPES.length; c++) SINGLE[c] = new int[] {c};
    }

    final Module module;
    /** params / results of each entry of the type section, as type codes */
    final int[][] typeParams, typeResults;
    /** type index of each function (imports first) */
    final int[] funcType;
    /** element type code of each table (imports first) */
    final int[] tableElem;
    final int memoryCount;
    /** type code and mutability of each global (imports first) */
    final int[] globalType;
    final boolean[] globalMutable;
    final int importedGlobals;
    /** reference type code of each element segment */
    final int[] elemType;
    /** number of data segments (the data count section agrees with it, the decoder checks) */
    final int dataSegments;
    /** C.refs (§3.4.10): functions referenced outside function bodies and the start section */
    final boolean[] declaredRefs;

    ModuleContext(Module m) {
        this.module = m;
        int nt = m.types.size();
        typeParams = new int[nt][];
        typeResults = new int[nt][];
        for (int i = 0; i < nt; i++) {
            FuncType t = m.types.get(i);
            typeParams[i] = codes(t.params(), "type " + i);
            typeResults[i] = codes(t.results(), "type " + i);
        }
        funcType = new int[m.functionCount()];
        tableElem = new int[m.tableCount()];
        globalType = new int[m.globalCount()];
        globalMutable = new boolean[m.globalCount()];
        importedGlobals = m.importedGlobals();
        int f = 0, t = 0, g = 0;
        for (Module.Import imp : m.imports) {
            String where = "import " + imp.module() + "." + imp.name();
            switch (imp.kind()) {
                case FUNC -> funcType[f++] = typeIndex(imp.typeIndex(), where);
                case TABLE -> tableElem[t++] = code(imp.table().elemType());
                case MEMORY -> { }
                case GLOBAL -> {
                    globalType[g] = valueType(imp.global().type(), where);
                    globalMutable[g++] = imp.global().mutable();
                }
            }
        }
        for (int i = 0; i < m.functions.size(); i++) {
            funcType[f++] = typeIndex(m.functions.get(i).typeIndex(), "function " + (m.importedFunctions() + i));
        }
        for (Module.TableType tt : m.tables) tableElem[t++] = code(tt.elemType());
        for (int i = 0; i < m.globals.size(); i++) {
            Module.GlobalType gt = m.globals.get(i).type();
            globalType[g] = valueType(gt.type(), "global " + g);
            globalMutable[g++] = gt.mutable();
        }
        memoryCount = m.memoryCount();
        elemType = new int[m.elements.size()];
        for (int i = 0; i < elemType.length; i++) elemType[i] = code(m.elements.get(i).type());
        dataSegments = m.datas.size();
        declaredRefs = new boolean[funcType.length];
    }

    /** @return the type code of {@code t}: its ordinal + 1 (0 is reserved for Unknown) */
    static int code(ValType t) { return t.ordinal() + 1; }

    /** @return the value type of code {@code c}, or null for Unknown */
    static ValType type(int c) { return c == UNKNOWN ? null : VALTYPES[c - 1]; }

    /** @return the type's name for messages ("i32", ..., or "unknown") */
    static String name(int c) { return c == UNKNOWN ? "unknown" : VALTYPES[c - 1].text; }

    static boolean isNum(int c) { return c >= I32 && c <= F64; }
    static boolean isRef(int c) { return c == FUNCREF || c == EXTERNREF; }

    /** @return {@code [c]}, shared */
    static int[] single(int c) { return SINGLE[c]; }

    /** Converts a value type, rejecting v128 (this implementation has no SIMD). */
    static int valueType(ValType t, String where) {
        if (t == ValType.V128) throw new InvalidModuleException("SIMD is not supported (v128)", where);
        return code(t);
    }

    static int[] codes(ValType[] ts, String where) {
        if (ts.length == 0) return NO_TYPES;
        int[] out = new int[ts.length];
        for (int i = 0; i < ts.length; i++) out[i] = valueType(ts[i], where);
        return out;
    }

    private int typeIndex(int x, String where) {
        if (x < 0 || x >= typeParams.length) throw new InvalidModuleException("unknown type " + Integer.toUnsignedString(x), where);
        return x;
    }
}
