package org.tailbench.nativ;

import org.tailbench.nativ.MacroAssembler.Cmp;
import org.tailbench.nativ.MacroAssembler.FCmp;
import org.tailbench.nativ.MacroAssembler.FloatOp;
import org.tailbench.nativ.MacroAssembler.IntOp;
import org.tailbench.nativ.MacroAssembler.IntUnary;
import org.tailbench.nativ.MacroAssembler.Round;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.Op;

/**
 * Numeric instructions (spec §4.3 "Numerics") for {@link FunctionCompiler}: integer and float arithmetic,
 * comparisons, rounding and conversions, all inline (trapping and saturating truncations and u64→float
 * conversions included). An {@code i32.add}/{@code i32.sub} of a constant to a value in a register stays lazy
 * ({@link FunctionCompiler#addConst32}): a memory access folds it into its address, anything else reads it with
 * one 32-bit {@code lea}.
 */
final class Numeric {
    private Numeric() {}

    /** @return false when {@code op} is not a numeric instruction */
    static boolean emit(FunctionCompiler fc, Op op) {
        String name = op.name();
        if (name.length() < 4 || name.charAt(3) != '_') return false;
        String t = name.substring(0, 3), rest = name.substring(4);
        MacroAssembler m = fc.masm();
        boolean w = t.equals("I64") || t.equals("F64");
        if (t.charAt(0) == 'I') {
            IntOp io = intOp(rest);
            if (io != null) {
                boolean immOk = io != IntOp.MUL && fc.constOnTop();
                if (immOk) {
                    int imm = fc.popConst();
                    if (!w && (io == IntOp.ADD || io == IntOp.SUB) && fc.addConstOnTopOfReg()) {
                        fc.addConst32(io == IntOp.ADD ? imm : -imm);   // x - k = x + (-k) mod 2^32, MIN included
                        return true;
                    }
                    int x = fc.popReg();
                    m.intOpImm(io, w, x, imm);
                    fc.push(x);
                } else { int y = fc.popRegRead(), x = fc.popReg(); m.intOp(io, w, x, y); fc.push(x); }
                return true;
            }
            Cmp c = cmp(rest);
            if (c != null) {
                if (fc.constOnTop()) { int imm = fc.popConst(); int x = fc.popReg(); m.intCmpImm(c, w, x, imm); fc.push(x); }
                else { int y = fc.popRegRead(), x = fc.popReg(); m.intCmp(c, w, x, y); fc.push(x); }
                return true;
            }
            switch (rest) {
                case "DIV_S", "DIV_U", "REM_S", "REM_U" -> {
                    int y = fc.popRegRead(), x = fc.popReg();
                    m.divRem(w, rest.endsWith("_S"), rest.startsWith("REM"), x, y,
                            fc.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO), fc.trap(TrapKind.INTEGER_OVERFLOW));
                    fc.push(x);
                    return true;
                }
                case "EQZ" -> { return unary(fc, IntUnary.EQZ, w); }
                case "CLZ" -> { return unary(fc, IntUnary.CLZ, w); }
                case "CTZ" -> { return unary(fc, IntUnary.CTZ, w); }
                case "POPCNT" -> { return unary(fc, IntUnary.POPCNT, w); }
                case "EXTEND8_S" -> { return unary(fc, IntUnary.EXTEND8_S, w); }
                case "EXTEND16_S" -> { return unary(fc, IntUnary.EXTEND16_S, w); }
                case "EXTEND32_S", "EXTEND_I32_S" -> { return unary(fc, IntUnary.EXTEND32_S, true); }
                case "EXTEND_I32_U" -> { return unary(fc, IntUnary.EXTEND_U32, true); }
                case "WRAP_I64", "REINTERPRET_F32", "REINTERPRET_F64" -> { return true; }
                case "TRUNC_F32_S", "TRUNC_F64_S", "TRUNC_F32_U", "TRUNC_F64_U" -> {
                    boolean unsigned = rest.endsWith("_U");
                    int x = fc.popXmm(), r = fc.newReg();
                    m.truncX(w, rest.contains("F64"), unsigned, r, x,
                            fc.trap(TrapKind.INVALID_CONVERSION_TO_INTEGER), fc.trap(TrapKind.INTEGER_OVERFLOW));
                    fc.push(r);
                    return true;
                }
                case "TRUNC_SAT_F32_S", "TRUNC_SAT_F64_S", "TRUNC_SAT_F32_U", "TRUNC_SAT_F64_U" -> {
                    int x = fc.popXmm(), r = fc.newReg();
                    m.truncSatX(w, rest.contains("F64"), rest.endsWith("_U"), r, x);
                    fc.push(r);
                    return true;
                }
                default -> { return false; }
            }
        }
        if (t.charAt(0) != 'F') return false;
        FloatOp fo = switch (rest) {
            case "ADD" -> FloatOp.ADD; case "SUB" -> FloatOp.SUB; case "MUL" -> FloatOp.MUL; case "DIV" -> FloatOp.DIV;
            case "MIN" -> FloatOp.MIN; case "MAX" -> FloatOp.MAX; default -> null;
        };
        if (fo == FloatOp.MIN || fo == FloatOp.MAX) { int y = fc.popReg(), x = fc.popReg(); m.floatOp(fo, w, x, y); fc.push(x); return true; }
        if (fo != null) { int y = fc.popXmm(), x = fc.popXmm(); m.floatOpX(fo, w, x, y); fc.pushXmm(x); return true; }
        FCmp fcmp = switch (rest) {
            case "EQ" -> FCmp.EQ; case "NE" -> FCmp.NE; case "LT" -> FCmp.LT; case "GT" -> FCmp.GT; case "LE" -> FCmp.LE; case "GE" -> FCmp.GE;
            default -> null;
        };
        if (fcmp != null) {
            int y = fc.popXmm(), x = fc.popXmm(), r = fc.newReg();
            m.floatCmpX(fcmp, w, r, x, y);
            fc.push(r);
            return true;
        }
        int x;
        switch (rest) {
            case "COPYSIGN" -> { int y = fc.popReg(); x = fc.popReg(); m.floatCopysign(w, x, y); }
            case "SQRT" -> { x = fc.popXmm(); m.floatSqrtX(w, x); fc.pushXmm(x); return true; }
            case "ABS" -> { x = fc.popReg(); m.floatAbs(w, x); }
            case "NEG" -> { x = fc.popReg(); m.floatNeg(w, x); }
            case "CEIL", "FLOOR", "TRUNC", "NEAREST" -> {
                x = fc.popXmm();
                m.floatRoundX(Round.valueOf(rest), w, x);
                fc.pushXmm(x);
                return true;
            }
            case "CONVERT_I32_S", "CONVERT_I32_U", "CONVERT_I64_S" -> {
                int r = fc.popReg();
                x = fc.newXmm();
                m.convertX(w, rest.endsWith("I64_S"), rest.endsWith("I32_U"), x, r);
                fc.pushXmm(x);
                return true;
            }
            case "CONVERT_I64_U" -> {
                int r = fc.popRegRead();
                x = fc.newXmm();
                m.convertU64X(w, x, r);
                fc.pushXmm(x);
                return true;
            }
            case "DEMOTE_F64", "PROMOTE_F32" -> {
                x = fc.popXmm();
                m.promoteDemoteX(rest.startsWith("PROMOTE"), x);
                fc.pushXmm(x);
                return true;
            }
            case "REINTERPRET_I32", "REINTERPRET_I64" -> { return true; }
            default -> { return false; }
        }
        fc.push(x);
        return true;
    }

    private static boolean unary(FunctionCompiler fc, IntUnary u, boolean w) {
        int x = fc.popReg();
        fc.masm().intUnary(u, w, x);
        fc.push(x);
        return true;
    }

    private static IntOp intOp(String s) {
        return switch (s) {
            case "ADD" -> IntOp.ADD; case "SUB" -> IntOp.SUB; case "MUL" -> IntOp.MUL; case "AND" -> IntOp.AND; case "OR" -> IntOp.OR;
            case "XOR" -> IntOp.XOR; case "SHL" -> IntOp.SHL; case "SHR_S" -> IntOp.SHR_S; case "SHR_U" -> IntOp.SHR_U;
            case "ROTL" -> IntOp.ROTL; case "ROTR" -> IntOp.ROTR; default -> null;
        };
    }

    static Cmp cmp(String s) {
        return switch (s) {
            case "EQ" -> Cmp.EQ; case "NE" -> Cmp.NE; case "LT_S" -> Cmp.LT_S; case "LT_U" -> Cmp.LT_U; case "GT_S" -> Cmp.GT_S;
            case "GT_U" -> Cmp.GT_U; case "LE_S" -> Cmp.LE_S; case "LE_U" -> Cmp.LE_U; case "GE_S" -> Cmp.GE_S; case "GE_U" -> Cmp.GE_U;
            default -> null;
        };
    }
}
