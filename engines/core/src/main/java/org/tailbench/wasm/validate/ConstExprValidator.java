package org.tailbench.wasm.validate;

import org.tailbench.wasm.Code;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

/**
 * Constant expressions (spec 2.0 §3.3.10): global initialisers, segment offsets and element items.
 * First every instruction must be constant ({@code t.const}, {@code ref.null}, {@code ref.func},
 * {@code global.get} of an immutable global), else "constant expression required"; then the
 * expression must produce exactly one value of the expected type, else "type mismatch".
 *
 * <p>In Wasm 2.0 the context of constant expressions holds only the imported globals, so
 * {@code global.get} of a defined global is "unknown global N" here.
 */
final class ConstExprValidator {
    private final ModuleContext cx;

    ConstExprValidator(ModuleContext cx) { this.cx = cx; }

    /**
     * @param expr     the expression, ending with {@code end}
     * @param expected the type code ({@link ModuleContext#code}) the expression must produce
     * @param where    names the expression's owner for error messages
     * @throws InvalidModuleException when the expression is not constant or not of type {@code expected}
     */
    void check(Code expr, int expected, String where) {
        if (expr == null || expr.length == 0) throw new InvalidModuleException("type mismatch: missing constant expression", where);
        for (int i = 0; i < expr.length; i++) {
            Op op = Op.of(expr.op[i]);
            switch (op) {
                case I32_CONST, I64_CONST, F32_CONST, F64_CONST, REF_NULL, REF_FUNC -> { }
                case END -> {
                    if (i != expr.length - 1) throw new InvalidModuleException("constant expression required", where);
                }
                case GLOBAL_GET -> {
                    long x = expr.a[i];
                    if (x < 0 || x >= cx.importedGlobals) throw new InvalidModuleException("unknown global " + x, where);
                    if (cx.globalMutable[(int) x]) throw new InvalidModuleException("constant expression required", where);
                }
                default -> throw new InvalidModuleException("constant expression required", where);
            }
        }
        int produced = 0, type = ModuleContext.UNKNOWN;
        for (int i = 0; i < expr.length - 1; i++) {
            long a = expr.a[i];
            type = switch (Op.of(expr.op[i])) {
                case I32_CONST -> ModuleContext.I32;
                case I64_CONST -> ModuleContext.I64;
                case F32_CONST -> ModuleContext.F32;
                case F64_CONST -> ModuleContext.F64;
                case REF_NULL -> {
                    ValType t = a > 0 && a < 0x80 ? ValType.fromCode((int) a) : null;
                    if (t == null || !t.isRef()) throw new InvalidModuleException("malformed reference type", where);
                    yield ModuleContext.code(t);
                }
                case REF_FUNC -> {
                    if (a < 0 || a >= cx.funcType.length) throw new InvalidModuleException("unknown function " + a, where);
                    yield ModuleContext.FUNCREF;
                }
                case GLOBAL_GET -> cx.globalType[(int) a];
                default -> throw new AssertionError();
            };
            produced++;
        }
        if (produced != 1 || type != expected) {
            throw new InvalidModuleException("type mismatch: constant expression must produce one "
                    + ModuleContext.name(expected) + (produced == 1 ? ", got " + ModuleContext.name(type) : ", got " + produced + " values"), where);
        }
    }
}
