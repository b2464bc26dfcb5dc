package org.tailbench.wasm.validate;

import org.tailbench.wasm.Code;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

/**
 * Builds small modules by hand for validator unit tests: {@code Fn.of(type).op(...)...} appends
 * instructions whose byte offsets are {@code 100 + instruction index}.
 */
final class Fn {
    static final ValType[] NONE = {};
    final Module module = new Module();
    private final Code.Builder code = new Code.Builder();
    private final int typeIndex;
    private ValType[] locals = NONE;

    private Fn(FuncType type) {
        module.types.add(type);
        typeIndex = 0;
    }

    /** A module whose (last) defined function has {@code type}, type index 0. */
    static Fn of(ValType[] params, ValType... results) { return new Fn(new FuncType(params, results)); }

    static ValType[] params(ValType... ts) { return ts; }

    Fn locals(ValType... ts) { locals = ts; return this; }

    Fn op(Op o) { return op(o, 0, 0); }
    Fn op(Op o, long a) { return op(o, a, 0); }
    Fn op(Op o, long a, long b) { code.add(o, 100 + code.size(), a, b); return this; }

    Fn brTable(int... labelsThenDefault) { return op(Op.BR_TABLE, code.addBrTable(labelsThenDefault)); }

    /** Adds the function (after any imports already added to {@link #module}) and returns the module. */
    Module build() {
        module.functions.add(new Module.Function(typeIndex, locals, code.build(), 0));
        return module;
    }

    /** Validates and returns the info of the single defined function. */
    FunctionInfo info() { return Validator.validate(build()).functions()[0]; }
}
