package org.tailbench.runtime;

import org.tailbench.wasm.Code;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.ValType;

/**
 * Evaluates constant expressions (spec 2.0 §3.3.10 "Constant Expressions", §4.4.10 "Expressions"):
 * global initialisers, segment offsets and element segment items. Accepted instructions are
 * {@code t.const}, {@code ref.null}, {@code ref.func}, {@code global.get}, plus the extended-const
 * proposal's {@code i32/i64.add/sub/mul} (harmless for 2.0 modules, which the validator restricts).
 *
 * <p>Results use the shared value encoding of {@link ValType}: i32 and f32 sign-extended from their
 * 32 bits, i64/f64 as raw bits, {@code ref.func} as the function's store address, {@code ref.null}
 * as {@link ValType#NULL_REF}.
 */
public final class ConstEval {
    private ConstEval() {}

    /**
     * @param expr     a constant expression ending in {@code end}
     * @param instance supplies {@link Instance#globals} (read by {@code global.get}; must be set for the
     *                 indices used) and {@link Instance#functions} (registered in the store, for {@code ref.func})
     * @return the single value the expression produces
     * @throws IllegalStateException when the expression is not constant, leaves other than one value,
     *                               or reads a global / function not allocated yet (the validator rules these out)
     */
    public static long eval(Code expr, Instance instance) {
        long[] stack = new long[Math.max(1, expr.length)];
        int sp = 0;
        for (int i = 0; i < expr.length; i++) {
            Op op = expr.opAt(i);
            switch (op) {
                case I32_CONST, F32_CONST -> stack[sp++] = (int) expr.a[i];
                case I64_CONST, F64_CONST -> stack[sp++] = expr.a[i];
                case REF_NULL -> stack[sp++] = ValType.NULL_REF;
                case REF_FUNC -> stack[sp++] = functionAddress(instance, expr.a[i]);
                case GLOBAL_GET -> stack[sp++] = globalValue(instance, expr.a[i]);
                case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> {
                    if (sp < 2) throw new IllegalStateException("constant expression: " + op + " needs two operands");
                    long y = stack[--sp], x = stack[--sp];
                    stack[sp++] = arith(op, x, y);
                }
                case END -> {
                    if (i != expr.length - 1) throw new IllegalStateException("constant expression: end before the last instruction");
                }
                default -> throw new IllegalStateException("constant expression: instruction " + op + " is not constant");
            }
        }
        if (sp != 1) throw new IllegalStateException("constant expression leaves " + sp + " values, expected 1");
        return stack[0];
    }

    private static long arith(Op op, long x, long y) {
        return switch (op) {
            case I32_ADD -> (int) x + (int) y;
            case I32_SUB -> (int) x - (int) y;
            case I32_MUL -> (int) x * (int) y;
            case I64_ADD -> x + y;
            case I64_SUB -> x - y;
            case I64_MUL -> x * y;
            default -> throw new IllegalStateException(op.text);
        };
    }

    private static long functionAddress(Instance instance, long index) {
        if (index < 0 || index >= instance.functions.length || instance.functions[(int) index] == null) {
            throw new IllegalStateException("constant expression: ref.func " + index + " names no allocated function");
        }
        return instance.store.register(instance.functions[(int) index]);
    }

    private static long globalValue(Instance instance, long index) {
        if (index < 0 || index >= instance.globals.length || instance.globals[(int) index] == null) {
            throw new IllegalStateException("constant expression: global.get " + index + " reads a global not initialised yet");
        }
        return instance.globals[(int) index].value;
    }
}
