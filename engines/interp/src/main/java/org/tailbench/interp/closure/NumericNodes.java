package org.tailbench.interp.closure;

import org.tailbench.runtime.NumericOps;
import org.tailbench.wasm.Op;

/**
 * One node class per frequent numeric instruction (spec 2.0 §4.3), so that each call site of a
 * child's {@code eval} sees few receiver types and the JIT can inline it; rarer ones go through
 * {@link Generic} and {@link org.tailbench.interp.rt.LOpNumeric}. Semantics shared with the other
 * interpreters live in {@link NumericOps}.
 *
 * <p>The classes follow one mechanical pattern of (instruction, operand type, result type, Java expression),
 * so a fix to one applies to all of its kind; they are written by hand (no generator exists). Every numeric
 * instruction has a class here or a generic node ({@code NumericNodesCompletenessTest}), and every one computes
 * what node computes on edge values ({@code NumericEdgeValueTest}).
 */
final class NumericNodes {
    private NumericNodes() {}

    /**
     * @param y the second operand of a binary instruction, null for a unary one (the arity is {@link Op#signature}'s)
     * @return the node for {@code op} on {@code x} (and {@code y} when binary), or null when there is no dedicated class
     *         (the tree builder then makes a {@link Generic1} / {@link Generic2})
     */
    static Expr of(Op op, Expr x, Expr y) {
        Expr special = y == null ? null : LeafNodes.specialised(op, x, y);
        if (special != null) return special;
        return switch (op) {
            case I32_EQZ -> new I32Eqz(x);
            case I32_EQ -> new I32Eq(x, y);
            case I32_NE -> new I32Ne(x, y);
            case I32_LT_S -> new I32LtS(x, y);
            case I32_GT_S -> new I32GtS(x, y);
            case I32_LE_S -> new I32LeS(x, y);
            case I32_GE_S -> new I32GeS(x, y);
            case I32_LT_U -> new I32LtU(x, y);
            case I32_GT_U -> new I32GtU(x, y);
            case I32_LE_U -> new I32LeU(x, y);
            case I32_GE_U -> new I32GeU(x, y);
            case I32_ADD -> new I32Add(x, y);
            case I32_SUB -> new I32Sub(x, y);
            case I32_MUL -> new I32Mul(x, y);
            case I32_AND -> new I32And(x, y);
            case I32_OR -> new I32Or(x, y);
            case I32_XOR -> new I32Xor(x, y);
            case I32_SHL -> new I32Shl(x, y);
            case I32_SHR_S -> new I32ShrS(x, y);
            case I32_SHR_U -> new I32ShrU(x, y);
            case I32_DIV_S -> new I32DivS(x, y);
            case I32_DIV_U -> new I32DivU(x, y);
            case I32_REM_S -> new I32RemS(x, y);
            case I32_REM_U -> new I32RemU(x, y);
            case I32_ROTL -> new I32Rotl(x, y);
            case I32_ROTR -> new I32Rotr(x, y);
            case I32_CLZ -> new I32Clz(x);
            case I32_CTZ -> new I32Ctz(x);
            case I32_POPCNT -> new I32Popcnt(x);
            case I64_EQZ -> new I64Eqz(x);
            case I64_EQ -> new I64Eq(x, y);
            case I64_NE -> new I64Ne(x, y);
            case I64_LT_S -> new I64LtS(x, y);
            case I64_GT_S -> new I64GtS(x, y);
            case I64_LE_S -> new I64LeS(x, y);
            case I64_GE_S -> new I64GeS(x, y);
            case I64_LT_U -> new I64LtU(x, y);
            case I64_GT_U -> new I64GtU(x, y);
            case I64_LE_U -> new I64LeU(x, y);
            case I64_GE_U -> new I64GeU(x, y);
            case I64_ADD -> new I64Add(x, y);
            case I64_SUB -> new I64Sub(x, y);
            case I64_MUL -> new I64Mul(x, y);
            case I64_AND -> new I64And(x, y);
            case I64_OR -> new I64Or(x, y);
            case I64_XOR -> new I64Xor(x, y);
            case I64_SHL -> new I64Shl(x, y);
            case I64_SHR_S -> new I64ShrS(x, y);
            case I64_SHR_U -> new I64ShrU(x, y);
            case I64_DIV_S -> new I64DivS(x, y);
            case I64_DIV_U -> new I64DivU(x, y);
            case I64_REM_S -> new I64RemS(x, y);
            case I64_REM_U -> new I64RemU(x, y);
            case I64_ROTL -> new I64Rotl(x, y);
            case I64_ROTR -> new I64Rotr(x, y);
            case I64_CLZ -> new I64Clz(x);
            case I64_CTZ -> new I64Ctz(x);
            case I64_POPCNT -> new I64Popcnt(x);
            case F32_EQ -> new F32Eq(x, y);
            case F32_NE -> new F32Ne(x, y);
            case F32_LT -> new F32Lt(x, y);
            case F32_GT -> new F32Gt(x, y);
            case F32_LE -> new F32Le(x, y);
            case F32_GE -> new F32Ge(x, y);
            case F32_ADD -> new F32Add(x, y);
            case F32_SUB -> new F32Sub(x, y);
            case F32_MUL -> new F32Mul(x, y);
            case F32_DIV -> new F32Div(x, y);
            case F32_SQRT -> new F32Sqrt(x);
            case F64_EQ -> new F64Eq(x, y);
            case F64_NE -> new F64Ne(x, y);
            case F64_LT -> new F64Lt(x, y);
            case F64_GT -> new F64Gt(x, y);
            case F64_LE -> new F64Le(x, y);
            case F64_GE -> new F64Ge(x, y);
            case F64_ADD -> new F64Add(x, y);
            case F64_SUB -> new F64Sub(x, y);
            case F64_MUL -> new F64Mul(x, y);
            case F64_DIV -> new F64Div(x, y);
            case F64_SQRT -> new F64Sqrt(x);
            case F32_ABS -> new F32Abs(x);
            case F32_NEG -> new F32Neg(x);
            case F64_ABS -> new F64Abs(x);
            case F64_NEG -> new F64Neg(x);
            case F32_MIN -> new F32Min(x, y);
            case F32_MAX -> new F32Max(x, y);
            case F32_COPYSIGN -> new F32Copysign(x, y);
            case F64_MIN -> new F64Min(x, y);
            case F64_MAX -> new F64Max(x, y);
            case F64_COPYSIGN -> new F64Copysign(x, y);
            case F32_CEIL -> new F32Ceil(x);
            case F32_FLOOR -> new F32Floor(x);
            case F32_TRUNC -> new F32Trunc(x);
            case F32_NEAREST -> new F32Nearest(x);
            case F64_CEIL -> new F64Ceil(x);
            case F64_FLOOR -> new F64Floor(x);
            case F64_TRUNC -> new F64Trunc(x);
            case F64_NEAREST -> new F64Nearest(x);
            case I32_WRAP_I64 -> new I32WrapI64(x);
            case I64_EXTEND_I32_S -> new I64ExtendI32S(x);
            case I64_EXTEND_I32_U -> new I64ExtendI32U(x);
            case I32_EXTEND8_S -> new I32Extend8S(x);
            case I32_EXTEND16_S -> new I32Extend16S(x);
            case I64_EXTEND8_S -> new I64Extend8S(x);
            case I64_EXTEND16_S -> new I64Extend16S(x);
            case I64_EXTEND32_S -> new I64Extend32S(x);
            case F64_CONVERT_I32_S -> new F64ConvertI32S(x);
            case F64_CONVERT_I32_U -> new F64ConvertI32U(x);
            case F64_CONVERT_I64_S -> new F64ConvertI64S(x);
            case F32_CONVERT_I32_S -> new F32ConvertI32S(x);
            case F64_PROMOTE_F32 -> new F64PromoteF32(x);
            case F32_DEMOTE_F64 -> new F32DemoteF64(x);
            case I32_TRUNC_F64_S -> new I32TruncF64S(x);
            case I32_TRUNC_F32_S -> new I32TruncF32S(x);
            case I64_TRUNC_F64_S -> new I64TruncF64S(x);
            default -> null;
        };
    }

    // ---- node classes: x and y are the decoded operands ----
    static final class I32Eqz extends Expr { final Expr a; I32Eqz(Expr a) { this.a = a; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); return x == 0 ? 1 : 0; } }
    static final class I32Eq extends Expr { final Expr a, b; I32Eq(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x == y ? 1 : 0; } }
    static final class I32Ne extends Expr { final Expr a, b; I32Ne(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x != y ? 1 : 0; } }
    static final class I32LtS extends Expr { final Expr a, b; I32LtS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x < y ? 1 : 0; } }
    static final class I32GtS extends Expr { final Expr a, b; I32GtS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x > y ? 1 : 0; } }
    static final class I32LeS extends Expr { final Expr a, b; I32LeS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x <= y ? 1 : 0; } }
    static final class I32GeS extends Expr { final Expr a, b; I32GeS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x >= y ? 1 : 0; } }
    static final class I32LtU extends Expr { final Expr a, b; I32LtU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return Integer.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I32GtU extends Expr { final Expr a, b; I32GtU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return Integer.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I32LeU extends Expr { final Expr a, b; I32LeU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return Integer.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I32GeU extends Expr { final Expr a, b; I32GeU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return Integer.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I32Add extends Expr { final Expr a, b; I32Add(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x + y; } }
    static final class I32Sub extends Expr { final Expr a, b; I32Sub(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x - y; } }
    static final class I32Mul extends Expr { final Expr a, b; I32Mul(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x * y; } }
    static final class I32And extends Expr { final Expr a, b; I32And(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x & y; } }
    static final class I32Or extends Expr { final Expr a, b; I32Or(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x | y; } }
    static final class I32Xor extends Expr { final Expr a, b; I32Xor(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x ^ y; } }
    static final class I32Shl extends Expr { final Expr a, b; I32Shl(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x << y; } }
    static final class I32ShrS extends Expr { final Expr a, b; I32ShrS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x >> y; } }
    static final class I32ShrU extends Expr { final Expr a, b; I32ShrU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return x >>> y; } }
    static final class I32DivS extends Expr { final Expr a, b; I32DivS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return NumericOps.i32DivS(x, y); } }
    static final class I32DivU extends Expr { final Expr a, b; I32DivU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return NumericOps.i32DivU(x, y); } }
    static final class I32RemS extends Expr { final Expr a, b; I32RemS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return NumericOps.i32RemS(x, y); } }
    static final class I32RemU extends Expr { final Expr a, b; I32RemU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return NumericOps.i32RemU(x, y); } }
    static final class I32Rotl extends Expr { final Expr a, b; I32Rotl(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return Integer.rotateLeft(x, (int) y); } }
    static final class I32Rotr extends Expr { final Expr a, b; I32Rotr(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = (int) b.eval(f); return Integer.rotateRight(x, (int) y); } }
    static final class I32Clz extends Expr { final Expr a; I32Clz(Expr a) { this.a = a; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); return Integer.numberOfLeadingZeros(x); } }
    static final class I32Ctz extends Expr { final Expr a; I32Ctz(Expr a) { this.a = a; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); return Integer.numberOfTrailingZeros(x); } }
    static final class I32Popcnt extends Expr { final Expr a; I32Popcnt(Expr a) { this.a = a; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); return Integer.bitCount(x); } }
    static final class I64Eqz extends Expr { final Expr a; I64Eqz(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return x == 0 ? 1 : 0; } }
    static final class I64Eq extends Expr { final Expr a, b; I64Eq(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x == y ? 1 : 0; } }
    static final class I64Ne extends Expr { final Expr a, b; I64Ne(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x != y ? 1 : 0; } }
    static final class I64LtS extends Expr { final Expr a, b; I64LtS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x < y ? 1 : 0; } }
    static final class I64GtS extends Expr { final Expr a, b; I64GtS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x > y ? 1 : 0; } }
    static final class I64LeS extends Expr { final Expr a, b; I64LeS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x <= y ? 1 : 0; } }
    static final class I64GeS extends Expr { final Expr a, b; I64GeS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x >= y ? 1 : 0; } }
    static final class I64LtU extends Expr { final Expr a, b; I64LtU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Long.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I64GtU extends Expr { final Expr a, b; I64GtU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Long.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I64LeU extends Expr { final Expr a, b; I64LeU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Long.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I64GeU extends Expr { final Expr a, b; I64GeU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Long.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I64Add extends Expr { final Expr a, b; I64Add(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x + y; } }
    static final class I64Sub extends Expr { final Expr a, b; I64Sub(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x - y; } }
    static final class I64Mul extends Expr { final Expr a, b; I64Mul(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x * y; } }
    static final class I64And extends Expr { final Expr a, b; I64And(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x & y; } }
    static final class I64Or extends Expr { final Expr a, b; I64Or(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x | y; } }
    static final class I64Xor extends Expr { final Expr a, b; I64Xor(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x ^ y; } }
    static final class I64Shl extends Expr { final Expr a, b; I64Shl(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x << y; } }
    static final class I64ShrS extends Expr { final Expr a, b; I64ShrS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x >> y; } }
    static final class I64ShrU extends Expr { final Expr a, b; I64ShrU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return x >>> y; } }
    static final class I64DivS extends Expr { final Expr a, b; I64DivS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return NumericOps.i64DivS(x, y); } }
    static final class I64DivU extends Expr { final Expr a, b; I64DivU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return NumericOps.i64DivU(x, y); } }
    static final class I64RemS extends Expr { final Expr a, b; I64RemS(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return NumericOps.i64RemS(x, y); } }
    static final class I64RemU extends Expr { final Expr a, b; I64RemU(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return NumericOps.i64RemU(x, y); } }
    static final class I64Rotl extends Expr { final Expr a, b; I64Rotl(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Long.rotateLeft(x, (int) y); } }
    static final class I64Rotr extends Expr { final Expr a, b; I64Rotr(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Long.rotateRight(x, (int) y); } }
    static final class I64Clz extends Expr { final Expr a; I64Clz(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Long.numberOfLeadingZeros(x); } }
    static final class I64Ctz extends Expr { final Expr a; I64Ctz(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Long.numberOfTrailingZeros(x); } }
    static final class I64Popcnt extends Expr { final Expr a; I64Popcnt(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Long.bitCount(x); } }
    static final class F32Eq extends Expr { final Expr a, b; F32Eq(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return x == y ? 1 : 0; } }
    static final class F32Ne extends Expr { final Expr a, b; F32Ne(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return x != y ? 1 : 0; } }
    static final class F32Lt extends Expr { final Expr a, b; F32Lt(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return x < y ? 1 : 0; } }
    static final class F32Gt extends Expr { final Expr a, b; F32Gt(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return x > y ? 1 : 0; } }
    static final class F32Le extends Expr { final Expr a, b; F32Le(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return x <= y ? 1 : 0; } }
    static final class F32Ge extends Expr { final Expr a, b; F32Ge(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return x >= y ? 1 : 0; } }
    static final class F32Add extends Expr { final Expr a, b; F32Add(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return Float.floatToRawIntBits(x + y); } }
    static final class F32Sub extends Expr { final Expr a, b; F32Sub(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return Float.floatToRawIntBits(x - y); } }
    static final class F32Mul extends Expr { final Expr a, b; F32Mul(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return Float.floatToRawIntBits(x * y); } }
    static final class F32Div extends Expr { final Expr a, b; F32Div(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); float y = Float.intBitsToFloat((int) b.eval(f)); return Float.floatToRawIntBits(x / y); } }
    static final class F32Sqrt extends Expr { final Expr a; F32Sqrt(Expr a) { this.a = a; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); return Float.floatToRawIntBits((float) Math.sqrt(x)); } }
    static final class F64Eq extends Expr { final Expr a, b; F64Eq(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return x == y ? 1 : 0; } }
    static final class F64Ne extends Expr { final Expr a, b; F64Ne(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return x != y ? 1 : 0; } }
    static final class F64Lt extends Expr { final Expr a, b; F64Lt(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return x < y ? 1 : 0; } }
    static final class F64Gt extends Expr { final Expr a, b; F64Gt(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return x > y ? 1 : 0; } }
    static final class F64Le extends Expr { final Expr a, b; F64Le(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return x <= y ? 1 : 0; } }
    static final class F64Ge extends Expr { final Expr a, b; F64Ge(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return x >= y ? 1 : 0; } }
    static final class F64Add extends Expr { final Expr a, b; F64Add(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return Double.doubleToRawLongBits(x + y); } }
    static final class F64Sub extends Expr { final Expr a, b; F64Sub(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return Double.doubleToRawLongBits(x - y); } }
    static final class F64Mul extends Expr { final Expr a, b; F64Mul(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return Double.doubleToRawLongBits(x * y); } }
    static final class F64Div extends Expr { final Expr a, b; F64Div(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); double y = Double.longBitsToDouble(b.eval(f)); return Double.doubleToRawLongBits(x / y); } }
    static final class F64Sqrt extends Expr { final Expr a; F64Sqrt(Expr a) { this.a = a; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); return Double.doubleToRawLongBits(Math.sqrt(x)); } }
    static final class F32Abs extends Expr { final Expr a; F32Abs(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return (int) x & 0x7FFFFFFF; } }
    static final class F32Neg extends Expr { final Expr a; F32Neg(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return (int) x ^ 0x80000000; } }
    static final class F64Abs extends Expr { final Expr a; F64Abs(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return x & Long.MAX_VALUE; } }
    static final class F64Neg extends Expr { final Expr a; F64Neg(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return x ^ Long.MIN_VALUE; } }
    static final class F32Min extends Expr { final Expr a, b; F32Min(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Float.floatToRawIntBits(NumericOps.f32Min(Float.intBitsToFloat((int) x), Float.intBitsToFloat((int) y))); } }
    static final class F32Max extends Expr { final Expr a, b; F32Max(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Float.floatToRawIntBits(NumericOps.f32Max(Float.intBitsToFloat((int) x), Float.intBitsToFloat((int) y))); } }
    static final class F32Copysign extends Expr { final Expr a, b; F32Copysign(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Float.floatToRawIntBits(NumericOps.f32Copysign(Float.intBitsToFloat((int) x), Float.intBitsToFloat((int) y))); } }
    static final class F64Min extends Expr { final Expr a, b; F64Min(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Double.doubleToRawLongBits(NumericOps.f64Min(Double.longBitsToDouble(x), Double.longBitsToDouble(y))); } }
    static final class F64Max extends Expr { final Expr a, b; F64Max(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Double.doubleToRawLongBits(NumericOps.f64Max(Double.longBitsToDouble(x), Double.longBitsToDouble(y))); } }
    static final class F64Copysign extends Expr { final Expr a, b; F64Copysign(Expr a, Expr b) { this.a = a; this.b = b; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = b.eval(f); return Double.doubleToRawLongBits(NumericOps.f64Copysign(Double.longBitsToDouble(x), Double.longBitsToDouble(y))); } }
    static final class F32Ceil extends Expr { final Expr a; F32Ceil(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Float.floatToRawIntBits(NumericOps.f32Ceil(Float.intBitsToFloat((int) x))); } }
    static final class F32Floor extends Expr { final Expr a; F32Floor(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Float.floatToRawIntBits(NumericOps.f32Floor(Float.intBitsToFloat((int) x))); } }
    static final class F32Trunc extends Expr { final Expr a; F32Trunc(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Float.floatToRawIntBits(NumericOps.f32Trunc(Float.intBitsToFloat((int) x))); } }
    static final class F32Nearest extends Expr { final Expr a; F32Nearest(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Float.floatToRawIntBits(NumericOps.f32Nearest(Float.intBitsToFloat((int) x))); } }
    static final class F64Ceil extends Expr { final Expr a; F64Ceil(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Double.doubleToRawLongBits(NumericOps.f64Ceil(Double.longBitsToDouble(x))); } }
    static final class F64Floor extends Expr { final Expr a; F64Floor(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Double.doubleToRawLongBits(NumericOps.f64Floor(Double.longBitsToDouble(x))); } }
    static final class F64Trunc extends Expr { final Expr a; F64Trunc(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Double.doubleToRawLongBits(NumericOps.f64Trunc(Double.longBitsToDouble(x))); } }
    static final class F64Nearest extends Expr { final Expr a; F64Nearest(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Double.doubleToRawLongBits(NumericOps.f64Nearest(Double.longBitsToDouble(x))); } }
    static final class I32WrapI64 extends Expr { final Expr a; I32WrapI64(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return (int) x; } }
    static final class I64ExtendI32S extends Expr { final Expr a; I64ExtendI32S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return (int) x; } }
    static final class I64ExtendI32U extends Expr { final Expr a; I64ExtendI32U(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return x & 0xFFFFFFFFL; } }
    static final class I32Extend8S extends Expr { final Expr a; I32Extend8S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return (byte) x; } }
    static final class I32Extend16S extends Expr { final Expr a; I32Extend16S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return (short) x; } }
    static final class I64Extend8S extends Expr { final Expr a; I64Extend8S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return (byte) x; } }
    static final class I64Extend16S extends Expr { final Expr a; I64Extend16S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return (short) x; } }
    static final class I64Extend32S extends Expr { final Expr a; I64Extend32S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return (int) x; } }
    static final class F64ConvertI32S extends Expr { final Expr a; F64ConvertI32S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); return Double.doubleToRawLongBits((double) x); } }
    static final class F64ConvertI32U extends Expr { final Expr a; F64ConvertI32U(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Double.doubleToRawLongBits((double) (x & 0xFFFFFFFFL)); } }
    static final class F64ConvertI64S extends Expr { final Expr a; F64ConvertI64S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return Double.doubleToRawLongBits((double) x); } }
    static final class F32ConvertI32S extends Expr { final Expr a; F32ConvertI32S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); return Float.floatToRawIntBits((float) x); } }
    static final class F64PromoteF32 extends Expr { final Expr a; F64PromoteF32(Expr a) { this.a = a; }
        @Override long eval(Frame f) { float x = Float.intBitsToFloat((int) a.eval(f)); return Double.doubleToRawLongBits((double) x); } }
    static final class F32DemoteF64 extends Expr { final Expr a; F32DemoteF64(Expr a) { this.a = a; }
        @Override long eval(Frame f) { double x = Double.longBitsToDouble(a.eval(f)); return Float.floatToRawIntBits((float) x); } }
    static final class I32TruncF64S extends Expr { final Expr a; I32TruncF64S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return NumericOps.i32TruncF64S(Double.longBitsToDouble(x)); } }
    static final class I32TruncF32S extends Expr { final Expr a; I32TruncF32S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return NumericOps.i32TruncF32S(Float.intBitsToFloat((int) x)); } }
    static final class I64TruncF64S extends Expr { final Expr a; I64TruncF64S(Expr a) { this.a = a; }
        @Override long eval(Frame f) { long x = a.eval(f); return NumericOps.i64TruncF64S(Double.longBitsToDouble(x)); } }

    /** Any other unary numeric instruction, by {@link org.tailbench.interp.lower.LOp} code. */
    static final class Generic1 extends Expr {
        final int lop;
        final Expr a;
        Generic1(int lop, Expr a) { this.lop = lop; this.a = a; }
        @Override long eval(Frame f) { return org.tailbench.interp.rt.LOpNumeric.unary(lop, a.eval(f)); }
    }

    /** Any other binary numeric instruction, by {@link org.tailbench.interp.lower.LOp} code. */
    static final class Generic2 extends Expr {
        final int lop;
        final Expr a, b;
        Generic2(int lop, Expr a, Expr b) { this.lop = lop; this.a = a; this.b = b; }
        @Override long eval(Frame f) {
            long x = a.eval(f);
            return org.tailbench.interp.rt.LOpNumeric.binary(lop, x, b.eval(f));
        }
    }
}
