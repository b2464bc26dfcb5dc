package org.tailbench.wasm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded (not yet validated) module: the spec's abstract syntax (§2.5) filled in by
 * {@link Decoder}. Index spaces count imports first, as in the spec: function index
 * {@code i < importedFunctions()} is an import, the rest are {@link #functions} in order.
 * Lists are filled by the decoder and treated as read-only afterwards.
 */
public final class Module {
    public enum ExternKind { FUNC, TABLE, MEMORY, GLOBAL }
    public enum SegmentMode { ACTIVE, PASSIVE, DECLARATIVE }

    public record TableType(ValType elemType, Limits limits) {}
    public record MemoryType(Limits limits) {}
    public record GlobalType(ValType type, boolean mutable) {}

    /** An import; exactly one of the descriptors is set, as {@link #kind} says ({@code typeIndex} for FUNC). */
    public record Import(String module, String name, ExternKind kind, int typeIndex,
                         TableType table, MemoryType memory, GlobalType global) {}
    public record Export(String name, ExternKind kind, int index) {}
    public record Global(GlobalType type, Code init) {}
    /**
     * A defined function: its type index, declared locals (params excluded), body (null when decoded by
     * {@link Decoder#decodeWithoutBodies}) and the byte offset of its body (after the size, at the locals).
     */
    public record Function(int typeIndex, ValType[] locals, Code body, int bodyOffset) {}
    /**
     * An element segment; {@code items} are constant expressions yielding references
     * (the decoder turns the funcidx-vector forms into {@code ref.func} expressions).
     * {@code tableIndex} and {@code offset} are meaningful for ACTIVE only.
     */
    public record ElementSegment(SegmentMode mode, ValType type, int tableIndex, Code offset, Code[] items) {}
    /** A data segment; {@code memoryIndex} and {@code offset} are meaningful for ACTIVE only. */
    public record DataSegment(SegmentMode mode, int memoryIndex, Code offset, byte[] init) {}

    public final List<FuncType> types = new ArrayList<>();
    public final List<Import> imports = new ArrayList<>();
    public final List<Function> functions = new ArrayList<>();
    public final List<TableType> tables = new ArrayList<>();
    public final List<MemoryType> memories = new ArrayList<>();
    public final List<Global> globals = new ArrayList<>();
    public final List<Export> exports = new ArrayList<>();
    public final List<ElementSegment> elements = new ArrayList<>();
    public final List<DataSegment> datas = new ArrayList<>();
    /** start function index, or -1 */
    public int start = -1;
    /** the data count section's value, or -1 when absent */
    public int dataCount = -1;
    /** function names from the "name" custom section (function index to name); may be empty */
    public final Map<Integer, String> functionNames = new HashMap<>();
    /** the module's bytes, as given to the decoder */
    public byte[] bytes;

    private int importedFunctions, importedTables, importedMemories, importedGlobals;

    /** Called by the decoder for each import, in order. */
    public void addImport(Import imp) {
        imports.add(imp);
        switch (imp.kind()) {
            case FUNC -> importedFunctions++;
            case TABLE -> importedTables++;
            case MEMORY -> importedMemories++;
            case GLOBAL -> importedGlobals++;
        }
    }

    public int importedFunctions() { return importedFunctions; }
    public int importedTables() { return importedTables; }
    public int importedMemories() { return importedMemories; }
    public int importedGlobals() { return importedGlobals; }

    public int functionCount() { return importedFunctions + functions.size(); }
    public int tableCount() { return importedTables + tables.size(); }
    public int memoryCount() { return importedMemories + memories.size(); }
    public int globalCount() { return importedGlobals + globals.size(); }

    /** @return the type of function {@code index} in the function index space (imports first) */
    public FuncType functionType(int index) {
        if (index < importedFunctions) return types.get(importTypeIndex(ExternKind.FUNC, index));
        return types.get(functions.get(index - importedFunctions).typeIndex());
    }

    /** @return the type of table {@code index} (imports first) */
    public TableType tableType(int index) {
        if (index < importedTables) return nthImport(ExternKind.TABLE, index).table();
        return tables.get(index - importedTables);
    }

    /** @return the type of memory {@code index} (imports first) */
    public MemoryType memoryType(int index) {
        if (index < importedMemories) return nthImport(ExternKind.MEMORY, index).memory();
        return memories.get(index - importedMemories);
    }

    /** @return the type of global {@code index} (imports first) */
    public GlobalType globalType(int index) {
        if (index < importedGlobals) return nthImport(ExternKind.GLOBAL, index).global();
        return globals.get(index - importedGlobals).type();
    }

    /** @return the n-th import of the given kind */
    public Import nthImport(ExternKind kind, int n) {
        for (Import imp : imports) {
            if (imp.kind() == kind && n-- == 0) return imp;
        }
        throw new IndexOutOfBoundsException(kind + " import " + n);
    }

    private int importTypeIndex(ExternKind kind, int n) { return nthImport(kind, n).typeIndex(); }

    /** @return a printable name for function {@code index}: its name-section name or {@code func[index]} */
    public String functionName(int index) {
        String n = functionNames.get(index);
        if (n != null) return n;
        if (index < importedFunctions) {
            Import imp = nthImport(ExternKind.FUNC, index);
            return imp.module() + "." + imp.name();
        }
        return "func[" + index + "]";
    }
}
