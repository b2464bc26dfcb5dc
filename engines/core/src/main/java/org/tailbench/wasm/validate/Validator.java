package org.tailbench.wasm.validate;

import org.tailbench.wasm.Code;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.Limits;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;

import java.util.HashSet;
import java.util.Set;

/**
 * Validation (spec 2.0 §3, following the appendix "Validation Algorithm" for code), with the
 * tail-call proposal's rules for {@code return_call} / {@code return_call_indirect}. SIMD is not
 * supported: any use of {@code v128} is rejected.
 *
 * <p>Module-level checks run in the reference interpreter's order, so that a module with several
 * errors reports the one the testsuite expects: function type indices, imports' limits, globals,
 * tables, memories, element segments, data segments, function bodies ({@link CodeValidator}),
 * start function, exports, and finally "multiple memories". Constant expressions (global
 * initialisers, segment offsets and element items) are checked by {@link ConstExprValidator} against
 * the context with only imported globals, as Wasm 2.0 prescribes.
 */
public final class Validator {
    /** Limits' range for memories, in 64 KiB pages (§3.2.3). */
    public static final long MAX_MEMORY_PAGES = 65536;

    private Validator() {}

    /**
     * Validates a decoded module.
     * @param module a module as {@link org.tailbench.wasm.Decoder} produces it (not modified)
     * @return the module with one {@link FunctionInfo} per defined function
     * @throws InvalidModuleException with the testsuite's wording as {@link InvalidModuleException#specMessage()}
     *         (e.g. "type mismatch", "unknown local 3"), naming the function index and the instruction's byte
     *         offset for errors inside code, and the offending item otherwise
     */
    public static ValidatedModule validate(Module module) {
        ModuleContext cx = new ModuleContext(module);
        declareRefs(module, cx);
        for (Module.Import imp : module.imports) {
            String where = "import " + imp.module() + "." + imp.name();
            switch (imp.kind()) {
                case TABLE -> checkLimits(imp.table().limits(), 0xFFFFFFFFL, "table size must be at most 2^32-1", where);
                case MEMORY -> checkLimits(imp.memory().limits(), MAX_MEMORY_PAGES, "memory size must be at most 65536 pages (4GiB)", where);
                default -> { }
            }
        }
        ConstExprValidator consts = new ConstExprValidator(cx);
        for (int i = 0; i < module.globals.size(); i++) {
            int g = module.importedGlobals() + i;
            consts.check(module.globals.get(i).init(), cx.globalType[g], "global " + g);
        }
        for (int i = 0; i < module.tables.size(); i++) {
            checkLimits(module.tables.get(i).limits(), 0xFFFFFFFFL, "table size must be at most 2^32-1",
                    "table " + (module.importedTables() + i));
        }
        for (int i = 0; i < module.memories.size(); i++) {
            checkLimits(module.memories.get(i).limits(), MAX_MEMORY_PAGES, "memory size must be at most 65536 pages (4GiB)",
                    "memory " + (module.importedMemories() + i));
        }
        for (int i = 0; i < module.elements.size(); i++) checkElement(module.elements.get(i), i, cx, consts);
        for (int i = 0; i < module.datas.size(); i++) checkData(module.datas.get(i), i, cx, consts);

        CodeValidator code = new CodeValidator(cx);
        FunctionInfo[] infos = new FunctionInfo[module.functions.size()];
        for (int i = 0; i < infos.length; i++) {
            infos[i] = code.validate(module.importedFunctions() + i, module.functions.get(i));
        }
        checkStart(module, cx);
        checkExports(module, cx);
        if (module.memoryCount() > 1) throw new InvalidModuleException("multiple memories", "memory section and imports");
        return new ValidatedModule(module, infos);
    }

    /** C.refs (§3.4.10): every ref.func outside function bodies, and every exported function. */
    private static void declareRefs(Module m, ModuleContext cx) {
        for (Module.Global g : m.globals) declareRefs(g.init(), cx);
        for (Module.ElementSegment e : m.elements) {
            if (e.offset() != null) declareRefs(e.offset(), cx);
            for (Code item : e.items()) declareRefs(item, cx);
        }
        for (Module.DataSegment d : m.datas) {
            if (d.offset() != null) declareRefs(d.offset(), cx);
        }
        for (Module.Export e : m.exports) {
            if (e.kind() == Module.ExternKind.FUNC && e.index() >= 0 && e.index() < cx.declaredRefs.length) {
                cx.declaredRefs[e.index()] = true;
            }
        }
    }

    private static void declareRefs(Code c, ModuleContext cx) {
        int refFunc = Op.REF_FUNC.ordinal();
        for (int i = 0; i < c.length; i++) {
            if (c.op[i] == refFunc && c.a[i] >= 0 && c.a[i] < cx.declaredRefs.length) cx.declaredRefs[(int) c.a[i]] = true;
        }
    }

    /** Limits (§3.2.1) within {@code range}: min and max at most range, min at most max. */
    private static void checkLimits(Limits l, long range, String rangeMessage, String where) {
        if (l.min() > range) throw new InvalidModuleException(rangeMessage, where);
        if (l.hasMax()) {
            if (l.max() > range) throw new InvalidModuleException(rangeMessage, where);
            if (l.min() > l.max()) throw new InvalidModuleException("size minimum must not be greater than maximum", where);
        }
    }

    /** Element segments (§3.4.6): items of the segment's type, then the mode's table and offset. */
    private static void checkElement(Module.ElementSegment e, int index, ModuleContext cx, ConstExprValidator consts) {
        String where = "element segment " + index;
        int type = ModuleContext.code(e.type());
        for (Code item : e.items()) consts.check(item, type, where);
        if (e.mode() == Module.SegmentMode.ACTIVE) {
            int t = e.tableIndex();
            if (t < 0 || t >= cx.tableElem.length) throw new InvalidModuleException("unknown table " + Integer.toUnsignedString(t), where);
            if (cx.tableElem[t] != type) {
                throw new InvalidModuleException("type mismatch: " + e.type() + " segment for a "
                        + ModuleContext.name(cx.tableElem[t]) + " table", where);
            }
            consts.check(e.offset(), ModuleContext.I32, where + " offset");
        }
    }

    /** Data segments (§3.4.7): an active one needs its memory and an i32 offset. */
    private static void checkData(Module.DataSegment d, int index, ModuleContext cx, ConstExprValidator consts) {
        String where = "data segment " + index;
        if (d.mode() == Module.SegmentMode.ACTIVE) {
            if (d.memoryIndex() < 0 || d.memoryIndex() >= cx.memoryCount) {
                throw new InvalidModuleException("unknown memory " + Integer.toUnsignedString(d.memoryIndex()), where);
            }
            consts.check(d.offset(), ModuleContext.I32, where + " offset");
        }
    }

    /** Start function (§3.4.8): must exist and have type {@code [] -> []}. */
    private static void checkStart(Module m, ModuleContext cx) {
        if (m.start < 0) return;
        if (m.start >= cx.funcType.length) throw new InvalidModuleException("unknown function " + m.start, "start section");
        int t = cx.funcType[m.start];
        if (cx.typeParams[t].length != 0 || cx.typeResults[t].length != 0) {
            throw new InvalidModuleException("start function must have type [] -> []", "start function " + m.start);
        }
    }

    /** Exports (§3.4.9): the exported item exists, names are unique. */
    private static void checkExports(Module m, ModuleContext cx) {
        Set<String> names = new HashSet<>();
        for (Module.Export e : m.exports) {
            String where = "export \"" + e.name() + "\"";
            int x = e.index();
            String space;
            int count;
            switch (e.kind()) {
                case FUNC -> { space = "function"; count = cx.funcType.length; }
                case TABLE -> { space = "table"; count = cx.tableElem.length; }
                case MEMORY -> { space = "memory"; count = cx.memoryCount; }
                case GLOBAL -> { space = "global"; count = cx.globalType.length; }
                default -> throw new AssertionError(e.kind());
            }
            if (x < 0 || x >= count) throw new InvalidModuleException("unknown " + space + " " + Integer.toUnsignedString(x), where);
            if (!names.add(e.name())) throw new InvalidModuleException("duplicate export name", where);
        }
    }
}
