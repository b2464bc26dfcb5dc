package org.tailbench.wasm.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.ValType;

/** The output type section: the input's types unchanged (same indices), then interned new ones. */
final class TypeTable {
    final List<FuncType> types;
    private final Map<FuncType, Integer> index = new HashMap<>();

    TypeTable(List<FuncType> original) {
        types = new ArrayList<>(original);
        for (int i = 0; i < types.size(); i++) index.putIfAbsent(types.get(i), i);
    }

    int intern(FuncType t) {
        return index.computeIfAbsent(t, k -> { types.add(k); return types.size() - 1; });
    }

    /** @return the block type immediate ({@link org.tailbench.wasm.Op.Imm#BLOCK}) of {@code [] -> results} */
    long blockResults(ValType[] results) {
        if (results.length == 0) return Code.BLOCK_EMPTY;
        if (results.length == 1) return -results[0].code;
        return intern(new FuncType(new ValType[0], results.clone()));
    }
}
