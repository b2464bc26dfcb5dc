package org.tailbench.wasm;

import java.util.Arrays;

/** A function type {@code [params] -> [results]} (spec §2.3.5); equality is structural. */
public record FuncType(ValType[] params, ValType[] results) {
    public static final FuncType EMPTY = new FuncType(new ValType[0], new ValType[0]);

    public static FuncType of(ValType[] params, ValType... results) { return new FuncType(params, results); }

    @Override public boolean equals(Object o) {
        return o instanceof FuncType f && Arrays.equals(params, f.params) && Arrays.equals(results, f.results);
    }
    @Override public int hashCode() { return Arrays.hashCode(params) * 31 + Arrays.hashCode(results); }
    @Override public String toString() {
        return Arrays.toString(params).replace(",", "") + " -> " + Arrays.toString(results).replace(",", "");
    }
}
