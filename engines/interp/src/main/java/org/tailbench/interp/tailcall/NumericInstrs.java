package org.tailbench.interp.tailcall;

import org.tailbench.interp.lower.LOp;
import org.tailbench.interp.rt.LOpNumeric;
import org.tailbench.runtime.NumericOps;
import org.tailbench.runtime.Trap;

/**
 * The integer instructions of the {@code tailcall} engine and the factory of all numeric ones
 * ({@link #of}, the float handlers are in {@link FloatInstrs}): one handler class per frequent opcode (the
 * same set the {@code switch} loop handles inline, with the same expressions), and two generic
 * handlers that delegate the rare ones to {@link LOpNumeric} exactly as {@code switch} does, so both
 * engines run the same lowered code and differ only in dispatch. Values are encoded as in
 * {@link LOpNumeric}: i32 and f32 bits sign-extended in the {@code long} slot; semantics beyond one Java
 * operator is {@link NumericOps}'s.
 * Every handler ends in the tail-call-shaped {@code return next.exec(...)}.
 */
final class NumericInstrs {
    private NumericInstrs() {}

    /** @return a fresh handler for numeric opcode {@code op}, or null when {@code op} is not numeric */
    static Instr of(int op) {
        return switch (op) {
            case LOp.I32_EQZ -> new I32Eqz();
            case LOp.I32_EQ -> new I32Eq();
            case LOp.I32_NE -> new I32Ne();
            case LOp.I32_LT_S -> new I32LtS();
            case LOp.I32_LT_U -> new I32LtU();
            case LOp.I32_GT_S -> new I32GtS();
            case LOp.I32_GT_U -> new I32GtU();
            case LOp.I32_LE_S -> new I32LeS();
            case LOp.I32_LE_U -> new I32LeU();
            case LOp.I32_GE_S -> new I32GeS();
            case LOp.I32_GE_U -> new I32GeU();
            case LOp.I64_EQZ -> new I64Eqz();
            case LOp.I64_EQ -> new I64Eq();
            case LOp.I64_NE -> new I64Ne();
            case LOp.I64_LT_S -> new I64LtS();
            case LOp.I64_LT_U -> new I64LtU();
            case LOp.I64_GT_S -> new I64GtS();
            case LOp.I64_GT_U -> new I64GtU();
            case LOp.I64_LE_S -> new I64LeS();
            case LOp.I64_LE_U -> new I64LeU();
            case LOp.I64_GE_S -> new I64GeS();
            case LOp.I64_GE_U -> new I64GeU();
            case LOp.F32_EQ -> new FloatInstrs.F32Eq();
            case LOp.F32_NE -> new FloatInstrs.F32Ne();
            case LOp.F32_LT -> new FloatInstrs.F32Lt();
            case LOp.F32_GT -> new FloatInstrs.F32Gt();
            case LOp.F32_LE -> new FloatInstrs.F32Le();
            case LOp.F32_GE -> new FloatInstrs.F32Ge();
            case LOp.F64_EQ -> new FloatInstrs.F64Eq();
            case LOp.F64_NE -> new FloatInstrs.F64Ne();
            case LOp.F64_LT -> new FloatInstrs.F64Lt();
            case LOp.F64_GT -> new FloatInstrs.F64Gt();
            case LOp.F64_LE -> new FloatInstrs.F64Le();
            case LOp.F64_GE -> new FloatInstrs.F64Ge();
            case LOp.I32_ADD -> new I32Add();
            case LOp.I32_SUB -> new I32Sub();
            case LOp.I32_MUL -> new I32Mul();
            case LOp.I32_DIV_S -> new I32DivS();
            case LOp.I32_DIV_U -> new I32DivU();
            case LOp.I32_REM_S -> new I32RemS();
            case LOp.I32_REM_U -> new I32RemU();
            case LOp.I32_AND -> new I32And();
            case LOp.I32_OR -> new I32Or();
            case LOp.I32_XOR -> new I32Xor();
            case LOp.I32_SHL -> new I32Shl();
            case LOp.I32_SHR_S -> new I32ShrS();
            case LOp.I32_SHR_U -> new I32ShrU();
            case LOp.I64_ADD -> new I64Add();
            case LOp.I64_SUB -> new I64Sub();
            case LOp.I64_MUL -> new I64Mul();
            case LOp.I64_DIV_S -> new I64DivS();
            case LOp.I64_DIV_U -> new I64DivU();
            case LOp.I64_REM_S -> new I64RemS();
            case LOp.I64_REM_U -> new I64RemU();
            case LOp.I64_AND -> new I64And();
            case LOp.I64_OR -> new I64Or();
            case LOp.I64_XOR -> new I64Xor();
            case LOp.I64_SHL -> new I64Shl();
            case LOp.I64_SHR_S -> new I64ShrS();
            case LOp.I64_SHR_U -> new I64ShrU();
            case LOp.F32_ABS -> new FloatInstrs.F32Abs();
            case LOp.F32_NEG -> new FloatInstrs.F32Neg();
            case LOp.F32_SQRT -> new FloatInstrs.F32Sqrt();
            case LOp.F32_ADD -> new FloatInstrs.F32Add();
            case LOp.F32_SUB -> new FloatInstrs.F32Sub();
            case LOp.F32_MUL -> new FloatInstrs.F32Mul();
            case LOp.F32_DIV -> new FloatInstrs.F32Div();
            case LOp.F64_ABS -> new FloatInstrs.F64Abs();
            case LOp.F64_NEG -> new FloatInstrs.F64Neg();
            case LOp.F64_SQRT -> new FloatInstrs.F64Sqrt();
            case LOp.F64_ADD -> new FloatInstrs.F64Add();
            case LOp.F64_SUB -> new FloatInstrs.F64Sub();
            case LOp.F64_MUL -> new FloatInstrs.F64Mul();
            case LOp.F64_DIV -> new FloatInstrs.F64Div();
            case LOp.I32_WRAP_I64 -> new WrapOrExtendS();
            case LOp.I64_EXTEND_I32_S -> new WrapOrExtendS();
            case LOp.I64_EXTEND_I32_U -> new I64ExtendI32U();
            case LOp.F64_CONVERT_I32_S -> new FloatInstrs.F64ConvertI32S();
            case LOp.F64_PROMOTE_F32 -> new FloatInstrs.F64PromoteF32();
            default -> LOpNumeric.isGroupedUnary(op) ? new Unary(op) : LOpNumeric.isGroupedBinary(op) ? new Binary(op) : null;
        };
    }

    /** {@code i32.eqz} */
    static final class I32Eqz extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 1]; s[sp - 1] = x == 0 ? 1 : 0; return next.exec(m, s, sp, fp); }
    }
    /** {@code i32.eq} */
    static final class I32Eq extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x == y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.ne} */
    static final class I32Ne extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x != y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.lt_s} */
    static final class I32LtS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x < y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.lt_u} */
    static final class I32LtU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = Integer.compareUnsigned(x, y) < 0 ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.gt_s} */
    static final class I32GtS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x > y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.gt_u} */
    static final class I32GtU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = Integer.compareUnsigned(x, y) > 0 ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.le_s} */
    static final class I32LeS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x <= y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.le_u} */
    static final class I32LeU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = Integer.compareUnsigned(x, y) <= 0 ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.ge_s} */
    static final class I32GeS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x >= y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.ge_u} */
    static final class I32GeU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = Integer.compareUnsigned(x, y) >= 0 ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.eqz} */
    static final class I64Eqz extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 1]; s[sp - 1] = x == 0 ? 1 : 0; return next.exec(m, s, sp, fp); }
    }
    /** {@code i64.eq} */
    static final class I64Eq extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x == y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.ne} */
    static final class I64Ne extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x != y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.lt_s} */
    static final class I64LtS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x < y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.lt_u} */
    static final class I64LtU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = Long.compareUnsigned(x, y) < 0 ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.gt_s} */
    static final class I64GtS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x > y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.gt_u} */
    static final class I64GtU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = Long.compareUnsigned(x, y) > 0 ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.le_s} */
    static final class I64LeS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x <= y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.le_u} */
    static final class I64LeU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = Long.compareUnsigned(x, y) <= 0 ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.ge_s} */
    static final class I64GeS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x >= y ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.ge_u} */
    static final class I64GeU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = Long.compareUnsigned(x, y) >= 0 ? 1 : 0; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.add} */
    static final class I32Add extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x + y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.sub} */
    static final class I32Sub extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x - y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.mul} */
    static final class I32Mul extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x * y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.div_s} */
    static final class I32DivS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            int x = (int) s[sp - 2], y = (int) s[sp - 1];
            try {
                s[sp - 2] = NumericOps.i32DivS(x, y);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp - 1, fp);
        }
    }
    /** {@code i32.div_u} */
    static final class I32DivU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            int x = (int) s[sp - 2], y = (int) s[sp - 1];
            try {
                s[sp - 2] = NumericOps.i32DivU(x, y);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp - 1, fp);
        }
    }
    /** {@code i32.rem_s} */
    static final class I32RemS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            int x = (int) s[sp - 2], y = (int) s[sp - 1];
            try {
                s[sp - 2] = NumericOps.i32RemS(x, y);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp - 1, fp);
        }
    }
    /** {@code i32.rem_u} */
    static final class I32RemU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            int x = (int) s[sp - 2], y = (int) s[sp - 1];
            try {
                s[sp - 2] = NumericOps.i32RemU(x, y);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp - 1, fp);
        }
    }
    /** {@code i32.and} */
    static final class I32And extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x & y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.or} */
    static final class I32Or extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x | y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.xor} */
    static final class I32Xor extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x ^ y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.shl} */
    static final class I32Shl extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x << y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.shr_s} */
    static final class I32ShrS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x >> y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.shr_u} */
    static final class I32ShrU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { int x = (int) s[sp - 2], y = (int) s[sp - 1]; s[sp - 2] = x >>> y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.add} */
    static final class I64Add extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x + y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.sub} */
    static final class I64Sub extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x - y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.mul} */
    static final class I64Mul extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x * y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.div_s} */
    static final class I64DivS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            long x = s[sp - 2], y = s[sp - 1];
            try {
                s[sp - 2] = NumericOps.i64DivS(x, y);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp - 1, fp);
        }
    }
    /** {@code i64.div_u} */
    static final class I64DivU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            long x = s[sp - 2], y = s[sp - 1];
            try {
                s[sp - 2] = NumericOps.i64DivU(x, y);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp - 1, fp);
        }
    }
    /** {@code i64.rem_s} */
    static final class I64RemS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            long x = s[sp - 2], y = s[sp - 1];
            try {
                s[sp - 2] = NumericOps.i64RemS(x, y);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp - 1, fp);
        }
    }
    /** {@code i64.rem_u} */
    static final class I64RemU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            long x = s[sp - 2], y = s[sp - 1];
            try {
                s[sp - 2] = NumericOps.i64RemU(x, y);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp - 1, fp);
        }
    }
    /** {@code i64.and} */
    static final class I64And extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x & y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.or} */
    static final class I64Or extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x | y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.xor} */
    static final class I64Xor extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x ^ y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.shl} */
    static final class I64Shl extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x << y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.shr_s} */
    static final class I64ShrS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x >> y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i64.shr_u} */
    static final class I64ShrU extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 2], y = s[sp - 1]; s[sp - 2] = x >>> y; return next.exec(m, s, sp - 1, fp); }
    }
    /** {@code i32.wrap_i64} */
    static final class WrapOrExtendS extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 1]; s[sp - 1] = (int) x; return next.exec(m, s, sp, fp); }
    }
    /** {@code i64.extend_i32_u} */
    static final class I64ExtendI32U extends Instr {
        @Override Instr exec(Machine m, long[] s, int sp, int fp) { long x = s[sp - 1]; s[sp - 1] = x & 0xFFFFFFFFL; return next.exec(m, s, sp, fp); }
    }

    /** A rare unary numeric instruction, computed by {@link LOpNumeric#unary} (may trap: truncations). */
    static final class Unary extends Instr {
        final int op;
        Unary(int op) { this.op = op; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            try {
                s[sp - 1] = LOpNumeric.unary(op, s[sp - 1]);
            } catch (Trap t) {
                throw fault(m, t);
            }
            return next.exec(m, s, sp, fp);
        }
    }

    /** A rare binary numeric instruction (min, max, copysign, rotations), computed by {@link LOpNumeric#binary}. */
    static final class Binary extends Instr {
        final int op;
        Binary(int op) { this.op = op; }
        @Override Instr exec(Machine m, long[] s, int sp, int fp) {
            s[sp - 2] = LOpNumeric.binary(op, s[sp - 2], s[sp - 1]);
            return next.exec(m, s, sp - 1, fp);
        }
    }
}
