package org.tailbench.interp.closure;

import org.tailbench.runtime.NumericOps;
import org.tailbench.wasm.Op;

/**
 * The integer binary instructions of {@link NumericNodes} specialised on leaf operands: {@code L} = the
 * left operand is a local (or spilled slot) read directly, {@code C} = the right operand is a constant,
 * {@code LL} = both are local reads. Leaves are most of a tree's nodes; reading them inline saves a
 * virtual call each where the generic node's child call sites are megamorphic.
 *
 * <p>Written in the same mechanical pattern as {@link NumericNodes} (by hand, no generator exists).
 */
final class LeafNodes {
    private LeafNodes() {}

    /**
     * @return a node specialised for {@code x} being a local read and/or {@code y} a constant (or both
     *         local reads), or null when {@code op} has no specialisations or the operands are other nodes
     */
    static Expr specialised(Op op, Expr x, Expr y) {
        boolean xl = x instanceof VarNodes.LocalGet, yl = y instanceof VarNodes.LocalGet, yc = y instanceof VarNodes.Const;
        if (!xl && !yc) return null;
        int ia = xl ? ((VarNodes.LocalGet) x).index : 0;
        int ib = yl ? ((VarNodes.LocalGet) y).index : 0;
        long cy = yc ? ((VarNodes.Const) y).value : 0;
        return switch (op) {
            case I32_EQ -> xl && yc ? new I32EqLC(ia, cy) : xl && yl ? new I32EqLL(ia, ib) : yc ? new I32EqC(x, cy) : new I32EqL(ia, y);
            case I32_NE -> xl && yc ? new I32NeLC(ia, cy) : xl && yl ? new I32NeLL(ia, ib) : yc ? new I32NeC(x, cy) : new I32NeL(ia, y);
            case I32_LT_S -> xl && yc ? new I32LtSLC(ia, cy) : xl && yl ? new I32LtSLL(ia, ib) : yc ? new I32LtSC(x, cy) : new I32LtSL(ia, y);
            case I32_GT_S -> xl && yc ? new I32GtSLC(ia, cy) : xl && yl ? new I32GtSLL(ia, ib) : yc ? new I32GtSC(x, cy) : new I32GtSL(ia, y);
            case I32_LE_S -> xl && yc ? new I32LeSLC(ia, cy) : xl && yl ? new I32LeSLL(ia, ib) : yc ? new I32LeSC(x, cy) : new I32LeSL(ia, y);
            case I32_GE_S -> xl && yc ? new I32GeSLC(ia, cy) : xl && yl ? new I32GeSLL(ia, ib) : yc ? new I32GeSC(x, cy) : new I32GeSL(ia, y);
            case I32_LT_U -> xl && yc ? new I32LtULC(ia, cy) : xl && yl ? new I32LtULL(ia, ib) : yc ? new I32LtUC(x, cy) : new I32LtUL(ia, y);
            case I32_GT_U -> xl && yc ? new I32GtULC(ia, cy) : xl && yl ? new I32GtULL(ia, ib) : yc ? new I32GtUC(x, cy) : new I32GtUL(ia, y);
            case I32_LE_U -> xl && yc ? new I32LeULC(ia, cy) : xl && yl ? new I32LeULL(ia, ib) : yc ? new I32LeUC(x, cy) : new I32LeUL(ia, y);
            case I32_GE_U -> xl && yc ? new I32GeULC(ia, cy) : xl && yl ? new I32GeULL(ia, ib) : yc ? new I32GeUC(x, cy) : new I32GeUL(ia, y);
            case I32_ADD -> xl && yc ? new I32AddLC(ia, cy) : xl && yl ? new I32AddLL(ia, ib) : yc ? new I32AddC(x, cy) : new I32AddL(ia, y);
            case I32_SUB -> xl && yc ? new I32SubLC(ia, cy) : xl && yl ? new I32SubLL(ia, ib) : yc ? new I32SubC(x, cy) : new I32SubL(ia, y);
            case I32_MUL -> xl && yc ? new I32MulLC(ia, cy) : xl && yl ? new I32MulLL(ia, ib) : yc ? new I32MulC(x, cy) : new I32MulL(ia, y);
            case I32_AND -> xl && yc ? new I32AndLC(ia, cy) : xl && yl ? new I32AndLL(ia, ib) : yc ? new I32AndC(x, cy) : new I32AndL(ia, y);
            case I32_OR -> xl && yc ? new I32OrLC(ia, cy) : xl && yl ? new I32OrLL(ia, ib) : yc ? new I32OrC(x, cy) : new I32OrL(ia, y);
            case I32_XOR -> xl && yc ? new I32XorLC(ia, cy) : xl && yl ? new I32XorLL(ia, ib) : yc ? new I32XorC(x, cy) : new I32XorL(ia, y);
            case I32_SHL -> xl && yc ? new I32ShlLC(ia, cy) : xl && yl ? new I32ShlLL(ia, ib) : yc ? new I32ShlC(x, cy) : new I32ShlL(ia, y);
            case I32_SHR_S -> xl && yc ? new I32ShrSLC(ia, cy) : xl && yl ? new I32ShrSLL(ia, ib) : yc ? new I32ShrSC(x, cy) : new I32ShrSL(ia, y);
            case I32_SHR_U -> xl && yc ? new I32ShrULC(ia, cy) : xl && yl ? new I32ShrULL(ia, ib) : yc ? new I32ShrUC(x, cy) : new I32ShrUL(ia, y);
            case I32_DIV_S -> xl && yc ? new I32DivSLC(ia, cy) : xl && yl ? new I32DivSLL(ia, ib) : yc ? new I32DivSC(x, cy) : new I32DivSL(ia, y);
            case I32_DIV_U -> xl && yc ? new I32DivULC(ia, cy) : xl && yl ? new I32DivULL(ia, ib) : yc ? new I32DivUC(x, cy) : new I32DivUL(ia, y);
            case I32_REM_S -> xl && yc ? new I32RemSLC(ia, cy) : xl && yl ? new I32RemSLL(ia, ib) : yc ? new I32RemSC(x, cy) : new I32RemSL(ia, y);
            case I32_REM_U -> xl && yc ? new I32RemULC(ia, cy) : xl && yl ? new I32RemULL(ia, ib) : yc ? new I32RemUC(x, cy) : new I32RemUL(ia, y);
            case I32_ROTL -> xl && yc ? new I32RotlLC(ia, cy) : xl && yl ? new I32RotlLL(ia, ib) : yc ? new I32RotlC(x, cy) : new I32RotlL(ia, y);
            case I32_ROTR -> xl && yc ? new I32RotrLC(ia, cy) : xl && yl ? new I32RotrLL(ia, ib) : yc ? new I32RotrC(x, cy) : new I32RotrL(ia, y);
            case I64_EQ -> xl && yc ? new I64EqLC(ia, cy) : xl && yl ? new I64EqLL(ia, ib) : yc ? new I64EqC(x, cy) : new I64EqL(ia, y);
            case I64_NE -> xl && yc ? new I64NeLC(ia, cy) : xl && yl ? new I64NeLL(ia, ib) : yc ? new I64NeC(x, cy) : new I64NeL(ia, y);
            case I64_LT_S -> xl && yc ? new I64LtSLC(ia, cy) : xl && yl ? new I64LtSLL(ia, ib) : yc ? new I64LtSC(x, cy) : new I64LtSL(ia, y);
            case I64_GT_S -> xl && yc ? new I64GtSLC(ia, cy) : xl && yl ? new I64GtSLL(ia, ib) : yc ? new I64GtSC(x, cy) : new I64GtSL(ia, y);
            case I64_LE_S -> xl && yc ? new I64LeSLC(ia, cy) : xl && yl ? new I64LeSLL(ia, ib) : yc ? new I64LeSC(x, cy) : new I64LeSL(ia, y);
            case I64_GE_S -> xl && yc ? new I64GeSLC(ia, cy) : xl && yl ? new I64GeSLL(ia, ib) : yc ? new I64GeSC(x, cy) : new I64GeSL(ia, y);
            case I64_LT_U -> xl && yc ? new I64LtULC(ia, cy) : xl && yl ? new I64LtULL(ia, ib) : yc ? new I64LtUC(x, cy) : new I64LtUL(ia, y);
            case I64_GT_U -> xl && yc ? new I64GtULC(ia, cy) : xl && yl ? new I64GtULL(ia, ib) : yc ? new I64GtUC(x, cy) : new I64GtUL(ia, y);
            case I64_LE_U -> xl && yc ? new I64LeULC(ia, cy) : xl && yl ? new I64LeULL(ia, ib) : yc ? new I64LeUC(x, cy) : new I64LeUL(ia, y);
            case I64_GE_U -> xl && yc ? new I64GeULC(ia, cy) : xl && yl ? new I64GeULL(ia, ib) : yc ? new I64GeUC(x, cy) : new I64GeUL(ia, y);
            case I64_ADD -> xl && yc ? new I64AddLC(ia, cy) : xl && yl ? new I64AddLL(ia, ib) : yc ? new I64AddC(x, cy) : new I64AddL(ia, y);
            case I64_SUB -> xl && yc ? new I64SubLC(ia, cy) : xl && yl ? new I64SubLL(ia, ib) : yc ? new I64SubC(x, cy) : new I64SubL(ia, y);
            case I64_MUL -> xl && yc ? new I64MulLC(ia, cy) : xl && yl ? new I64MulLL(ia, ib) : yc ? new I64MulC(x, cy) : new I64MulL(ia, y);
            case I64_AND -> xl && yc ? new I64AndLC(ia, cy) : xl && yl ? new I64AndLL(ia, ib) : yc ? new I64AndC(x, cy) : new I64AndL(ia, y);
            case I64_OR -> xl && yc ? new I64OrLC(ia, cy) : xl && yl ? new I64OrLL(ia, ib) : yc ? new I64OrC(x, cy) : new I64OrL(ia, y);
            case I64_XOR -> xl && yc ? new I64XorLC(ia, cy) : xl && yl ? new I64XorLL(ia, ib) : yc ? new I64XorC(x, cy) : new I64XorL(ia, y);
            case I64_SHL -> xl && yc ? new I64ShlLC(ia, cy) : xl && yl ? new I64ShlLL(ia, ib) : yc ? new I64ShlC(x, cy) : new I64ShlL(ia, y);
            case I64_SHR_S -> xl && yc ? new I64ShrSLC(ia, cy) : xl && yl ? new I64ShrSLL(ia, ib) : yc ? new I64ShrSC(x, cy) : new I64ShrSL(ia, y);
            case I64_SHR_U -> xl && yc ? new I64ShrULC(ia, cy) : xl && yl ? new I64ShrULL(ia, ib) : yc ? new I64ShrUC(x, cy) : new I64ShrUL(ia, y);
            case I64_DIV_S -> xl && yc ? new I64DivSLC(ia, cy) : xl && yl ? new I64DivSLL(ia, ib) : yc ? new I64DivSC(x, cy) : new I64DivSL(ia, y);
            case I64_DIV_U -> xl && yc ? new I64DivULC(ia, cy) : xl && yl ? new I64DivULL(ia, ib) : yc ? new I64DivUC(x, cy) : new I64DivUL(ia, y);
            case I64_REM_S -> xl && yc ? new I64RemSLC(ia, cy) : xl && yl ? new I64RemSLL(ia, ib) : yc ? new I64RemSC(x, cy) : new I64RemSL(ia, y);
            case I64_REM_U -> xl && yc ? new I64RemULC(ia, cy) : xl && yl ? new I64RemULL(ia, ib) : yc ? new I64RemUC(x, cy) : new I64RemUL(ia, y);
            case I64_ROTL -> xl && yc ? new I64RotlLC(ia, cy) : xl && yl ? new I64RotlLL(ia, ib) : yc ? new I64RotlC(x, cy) : new I64RotlL(ia, y);
            case I64_ROTR -> xl && yc ? new I64RotrLC(ia, cy) : xl && yl ? new I64RotrLL(ia, ib) : yc ? new I64RotrC(x, cy) : new I64RotrL(ia, y);
            default -> null;
        };
    }

    static final class I32EqC extends Expr { final Expr a; final int y0; I32EqC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x == y ? 1 : 0; } }
    static final class I32EqL extends Expr { final int ia; final Expr b; I32EqL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x == y ? 1 : 0; } }
    static final class I32EqLC extends Expr { final int ia; final int y0; I32EqLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x == y ? 1 : 0; } }
    static final class I32EqLL extends Expr { final int ia, ib; I32EqLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x == y ? 1 : 0; } }
    static final class I32NeC extends Expr { final Expr a; final int y0; I32NeC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x != y ? 1 : 0; } }
    static final class I32NeL extends Expr { final int ia; final Expr b; I32NeL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x != y ? 1 : 0; } }
    static final class I32NeLC extends Expr { final int ia; final int y0; I32NeLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x != y ? 1 : 0; } }
    static final class I32NeLL extends Expr { final int ia, ib; I32NeLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x != y ? 1 : 0; } }
    static final class I32LtSC extends Expr { final Expr a; final int y0; I32LtSC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x < y ? 1 : 0; } }
    static final class I32LtSL extends Expr { final int ia; final Expr b; I32LtSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x < y ? 1 : 0; } }
    static final class I32LtSLC extends Expr { final int ia; final int y0; I32LtSLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x < y ? 1 : 0; } }
    static final class I32LtSLL extends Expr { final int ia, ib; I32LtSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x < y ? 1 : 0; } }
    static final class I32GtSC extends Expr { final Expr a; final int y0; I32GtSC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x > y ? 1 : 0; } }
    static final class I32GtSL extends Expr { final int ia; final Expr b; I32GtSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x > y ? 1 : 0; } }
    static final class I32GtSLC extends Expr { final int ia; final int y0; I32GtSLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x > y ? 1 : 0; } }
    static final class I32GtSLL extends Expr { final int ia, ib; I32GtSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x > y ? 1 : 0; } }
    static final class I32LeSC extends Expr { final Expr a; final int y0; I32LeSC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x <= y ? 1 : 0; } }
    static final class I32LeSL extends Expr { final int ia; final Expr b; I32LeSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x <= y ? 1 : 0; } }
    static final class I32LeSLC extends Expr { final int ia; final int y0; I32LeSLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x <= y ? 1 : 0; } }
    static final class I32LeSLL extends Expr { final int ia, ib; I32LeSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x <= y ? 1 : 0; } }
    static final class I32GeSC extends Expr { final Expr a; final int y0; I32GeSC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x >= y ? 1 : 0; } }
    static final class I32GeSL extends Expr { final int ia; final Expr b; I32GeSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x >= y ? 1 : 0; } }
    static final class I32GeSLC extends Expr { final int ia; final int y0; I32GeSLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x >= y ? 1 : 0; } }
    static final class I32GeSLL extends Expr { final int ia, ib; I32GeSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x >= y ? 1 : 0; } }
    static final class I32LtUC extends Expr { final Expr a; final int y0; I32LtUC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return Integer.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I32LtUL extends Expr { final int ia; final Expr b; I32LtUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return Integer.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I32LtULC extends Expr { final int ia; final int y0; I32LtULC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return Integer.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I32LtULL extends Expr { final int ia, ib; I32LtULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return Integer.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I32GtUC extends Expr { final Expr a; final int y0; I32GtUC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return Integer.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I32GtUL extends Expr { final int ia; final Expr b; I32GtUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return Integer.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I32GtULC extends Expr { final int ia; final int y0; I32GtULC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return Integer.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I32GtULL extends Expr { final int ia, ib; I32GtULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return Integer.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I32LeUC extends Expr { final Expr a; final int y0; I32LeUC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return Integer.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I32LeUL extends Expr { final int ia; final Expr b; I32LeUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return Integer.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I32LeULC extends Expr { final int ia; final int y0; I32LeULC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return Integer.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I32LeULL extends Expr { final int ia, ib; I32LeULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return Integer.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I32GeUC extends Expr { final Expr a; final int y0; I32GeUC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return Integer.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I32GeUL extends Expr { final int ia; final Expr b; I32GeUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return Integer.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I32GeULC extends Expr { final int ia; final int y0; I32GeULC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return Integer.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I32GeULL extends Expr { final int ia, ib; I32GeULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return Integer.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I32AddC extends Expr { final Expr a; final int y0; I32AddC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x + y; } }
    static final class I32AddL extends Expr { final int ia; final Expr b; I32AddL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x + y; } }
    static final class I32AddLC extends Expr { final int ia; final int y0; I32AddLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x + y; } }
    static final class I32AddLL extends Expr { final int ia, ib; I32AddLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x + y; } }
    static final class I32SubC extends Expr { final Expr a; final int y0; I32SubC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x - y; } }
    static final class I32SubL extends Expr { final int ia; final Expr b; I32SubL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x - y; } }
    static final class I32SubLC extends Expr { final int ia; final int y0; I32SubLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x - y; } }
    static final class I32SubLL extends Expr { final int ia, ib; I32SubLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x - y; } }
    static final class I32MulC extends Expr { final Expr a; final int y0; I32MulC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x * y; } }
    static final class I32MulL extends Expr { final int ia; final Expr b; I32MulL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x * y; } }
    static final class I32MulLC extends Expr { final int ia; final int y0; I32MulLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x * y; } }
    static final class I32MulLL extends Expr { final int ia, ib; I32MulLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x * y; } }
    static final class I32AndC extends Expr { final Expr a; final int y0; I32AndC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x & y; } }
    static final class I32AndL extends Expr { final int ia; final Expr b; I32AndL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x & y; } }
    static final class I32AndLC extends Expr { final int ia; final int y0; I32AndLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x & y; } }
    static final class I32AndLL extends Expr { final int ia, ib; I32AndLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x & y; } }
    static final class I32OrC extends Expr { final Expr a; final int y0; I32OrC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x | y; } }
    static final class I32OrL extends Expr { final int ia; final Expr b; I32OrL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x | y; } }
    static final class I32OrLC extends Expr { final int ia; final int y0; I32OrLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x | y; } }
    static final class I32OrLL extends Expr { final int ia, ib; I32OrLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x | y; } }
    static final class I32XorC extends Expr { final Expr a; final int y0; I32XorC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x ^ y; } }
    static final class I32XorL extends Expr { final int ia; final Expr b; I32XorL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x ^ y; } }
    static final class I32XorLC extends Expr { final int ia; final int y0; I32XorLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x ^ y; } }
    static final class I32XorLL extends Expr { final int ia, ib; I32XorLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x ^ y; } }
    static final class I32ShlC extends Expr { final Expr a; final int y0; I32ShlC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x << y; } }
    static final class I32ShlL extends Expr { final int ia; final Expr b; I32ShlL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x << y; } }
    static final class I32ShlLC extends Expr { final int ia; final int y0; I32ShlLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x << y; } }
    static final class I32ShlLL extends Expr { final int ia, ib; I32ShlLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x << y; } }
    static final class I32ShrSC extends Expr { final Expr a; final int y0; I32ShrSC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x >> y; } }
    static final class I32ShrSL extends Expr { final int ia; final Expr b; I32ShrSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x >> y; } }
    static final class I32ShrSLC extends Expr { final int ia; final int y0; I32ShrSLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x >> y; } }
    static final class I32ShrSLL extends Expr { final int ia, ib; I32ShrSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x >> y; } }
    static final class I32ShrUC extends Expr { final Expr a; final int y0; I32ShrUC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return x >>> y; } }
    static final class I32ShrUL extends Expr { final int ia; final Expr b; I32ShrUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return x >>> y; } }
    static final class I32ShrULC extends Expr { final int ia; final int y0; I32ShrULC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return x >>> y; } }
    static final class I32ShrULL extends Expr { final int ia, ib; I32ShrULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return x >>> y; } }
    static final class I32DivSC extends Expr { final Expr a; final int y0; I32DivSC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return NumericOps.i32DivS(x, y); } }
    static final class I32DivSL extends Expr { final int ia; final Expr b; I32DivSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return NumericOps.i32DivS(x, y); } }
    static final class I32DivSLC extends Expr { final int ia; final int y0; I32DivSLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return NumericOps.i32DivS(x, y); } }
    static final class I32DivSLL extends Expr { final int ia, ib; I32DivSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return NumericOps.i32DivS(x, y); } }
    static final class I32DivUC extends Expr { final Expr a; final int y0; I32DivUC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return NumericOps.i32DivU(x, y); } }
    static final class I32DivUL extends Expr { final int ia; final Expr b; I32DivUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return NumericOps.i32DivU(x, y); } }
    static final class I32DivULC extends Expr { final int ia; final int y0; I32DivULC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return NumericOps.i32DivU(x, y); } }
    static final class I32DivULL extends Expr { final int ia, ib; I32DivULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return NumericOps.i32DivU(x, y); } }
    static final class I32RemSC extends Expr { final Expr a; final int y0; I32RemSC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return NumericOps.i32RemS(x, y); } }
    static final class I32RemSL extends Expr { final int ia; final Expr b; I32RemSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return NumericOps.i32RemS(x, y); } }
    static final class I32RemSLC extends Expr { final int ia; final int y0; I32RemSLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return NumericOps.i32RemS(x, y); } }
    static final class I32RemSLL extends Expr { final int ia, ib; I32RemSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return NumericOps.i32RemS(x, y); } }
    static final class I32RemUC extends Expr { final Expr a; final int y0; I32RemUC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return NumericOps.i32RemU(x, y); } }
    static final class I32RemUL extends Expr { final int ia; final Expr b; I32RemUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return NumericOps.i32RemU(x, y); } }
    static final class I32RemULC extends Expr { final int ia; final int y0; I32RemULC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return NumericOps.i32RemU(x, y); } }
    static final class I32RemULL extends Expr { final int ia, ib; I32RemULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return NumericOps.i32RemU(x, y); } }
    static final class I32RotlC extends Expr { final Expr a; final int y0; I32RotlC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return Integer.rotateLeft(x, (int) y); } }
    static final class I32RotlL extends Expr { final int ia; final Expr b; I32RotlL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return Integer.rotateLeft(x, (int) y); } }
    static final class I32RotlLC extends Expr { final int ia; final int y0; I32RotlLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return Integer.rotateLeft(x, (int) y); } }
    static final class I32RotlLL extends Expr { final int ia, ib; I32RotlLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return Integer.rotateLeft(x, (int) y); } }
    static final class I32RotrC extends Expr { final Expr a; final int y0; I32RotrC(Expr a, long y) { this.a = a; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) a.eval(f); int y = y0; return Integer.rotateRight(x, (int) y); } }
    static final class I32RotrL extends Expr { final int ia; final Expr b; I32RotrL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) b.eval(f); return Integer.rotateRight(x, (int) y); } }
    static final class I32RotrLC extends Expr { final int ia; final int y0; I32RotrLC(int ia, long y) { this.ia = ia; this.y0 = (int) y; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = y0; return Integer.rotateRight(x, (int) y); } }
    static final class I32RotrLL extends Expr { final int ia, ib; I32RotrLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { int x = (int) f.s[ia]; int y = (int) f.s[ib]; return Integer.rotateRight(x, (int) y); } }
    static final class I64EqC extends Expr { final Expr a; final long y0; I64EqC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x == y ? 1 : 0; } }
    static final class I64EqL extends Expr { final int ia; final Expr b; I64EqL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x == y ? 1 : 0; } }
    static final class I64EqLC extends Expr { final int ia; final long y0; I64EqLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x == y ? 1 : 0; } }
    static final class I64EqLL extends Expr { final int ia, ib; I64EqLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x == y ? 1 : 0; } }
    static final class I64NeC extends Expr { final Expr a; final long y0; I64NeC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x != y ? 1 : 0; } }
    static final class I64NeL extends Expr { final int ia; final Expr b; I64NeL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x != y ? 1 : 0; } }
    static final class I64NeLC extends Expr { final int ia; final long y0; I64NeLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x != y ? 1 : 0; } }
    static final class I64NeLL extends Expr { final int ia, ib; I64NeLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x != y ? 1 : 0; } }
    static final class I64LtSC extends Expr { final Expr a; final long y0; I64LtSC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x < y ? 1 : 0; } }
    static final class I64LtSL extends Expr { final int ia; final Expr b; I64LtSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x < y ? 1 : 0; } }
    static final class I64LtSLC extends Expr { final int ia; final long y0; I64LtSLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x < y ? 1 : 0; } }
    static final class I64LtSLL extends Expr { final int ia, ib; I64LtSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x < y ? 1 : 0; } }
    static final class I64GtSC extends Expr { final Expr a; final long y0; I64GtSC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x > y ? 1 : 0; } }
    static final class I64GtSL extends Expr { final int ia; final Expr b; I64GtSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x > y ? 1 : 0; } }
    static final class I64GtSLC extends Expr { final int ia; final long y0; I64GtSLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x > y ? 1 : 0; } }
    static final class I64GtSLL extends Expr { final int ia, ib; I64GtSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x > y ? 1 : 0; } }
    static final class I64LeSC extends Expr { final Expr a; final long y0; I64LeSC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x <= y ? 1 : 0; } }
    static final class I64LeSL extends Expr { final int ia; final Expr b; I64LeSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x <= y ? 1 : 0; } }
    static final class I64LeSLC extends Expr { final int ia; final long y0; I64LeSLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x <= y ? 1 : 0; } }
    static final class I64LeSLL extends Expr { final int ia, ib; I64LeSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x <= y ? 1 : 0; } }
    static final class I64GeSC extends Expr { final Expr a; final long y0; I64GeSC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x >= y ? 1 : 0; } }
    static final class I64GeSL extends Expr { final int ia; final Expr b; I64GeSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x >= y ? 1 : 0; } }
    static final class I64GeSLC extends Expr { final int ia; final long y0; I64GeSLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x >= y ? 1 : 0; } }
    static final class I64GeSLL extends Expr { final int ia, ib; I64GeSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x >= y ? 1 : 0; } }
    static final class I64LtUC extends Expr { final Expr a; final long y0; I64LtUC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return Long.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I64LtUL extends Expr { final int ia; final Expr b; I64LtUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return Long.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I64LtULC extends Expr { final int ia; final long y0; I64LtULC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return Long.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I64LtULL extends Expr { final int ia, ib; I64LtULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return Long.compareUnsigned(x, y) < 0 ? 1 : 0; } }
    static final class I64GtUC extends Expr { final Expr a; final long y0; I64GtUC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return Long.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I64GtUL extends Expr { final int ia; final Expr b; I64GtUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return Long.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I64GtULC extends Expr { final int ia; final long y0; I64GtULC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return Long.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I64GtULL extends Expr { final int ia, ib; I64GtULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return Long.compareUnsigned(x, y) > 0 ? 1 : 0; } }
    static final class I64LeUC extends Expr { final Expr a; final long y0; I64LeUC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return Long.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I64LeUL extends Expr { final int ia; final Expr b; I64LeUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return Long.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I64LeULC extends Expr { final int ia; final long y0; I64LeULC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return Long.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I64LeULL extends Expr { final int ia, ib; I64LeULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return Long.compareUnsigned(x, y) <= 0 ? 1 : 0; } }
    static final class I64GeUC extends Expr { final Expr a; final long y0; I64GeUC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return Long.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I64GeUL extends Expr { final int ia; final Expr b; I64GeUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return Long.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I64GeULC extends Expr { final int ia; final long y0; I64GeULC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return Long.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I64GeULL extends Expr { final int ia, ib; I64GeULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return Long.compareUnsigned(x, y) >= 0 ? 1 : 0; } }
    static final class I64AddC extends Expr { final Expr a; final long y0; I64AddC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x + y; } }
    static final class I64AddL extends Expr { final int ia; final Expr b; I64AddL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x + y; } }
    static final class I64AddLC extends Expr { final int ia; final long y0; I64AddLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x + y; } }
    static final class I64AddLL extends Expr { final int ia, ib; I64AddLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x + y; } }
    static final class I64SubC extends Expr { final Expr a; final long y0; I64SubC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x - y; } }
    static final class I64SubL extends Expr { final int ia; final Expr b; I64SubL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x - y; } }
    static final class I64SubLC extends Expr { final int ia; final long y0; I64SubLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x - y; } }
    static final class I64SubLL extends Expr { final int ia, ib; I64SubLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x - y; } }
    static final class I64MulC extends Expr { final Expr a; final long y0; I64MulC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x * y; } }
    static final class I64MulL extends Expr { final int ia; final Expr b; I64MulL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x * y; } }
    static final class I64MulLC extends Expr { final int ia; final long y0; I64MulLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x * y; } }
    static final class I64MulLL extends Expr { final int ia, ib; I64MulLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x * y; } }
    static final class I64AndC extends Expr { final Expr a; final long y0; I64AndC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x & y; } }
    static final class I64AndL extends Expr { final int ia; final Expr b; I64AndL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x & y; } }
    static final class I64AndLC extends Expr { final int ia; final long y0; I64AndLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x & y; } }
    static final class I64AndLL extends Expr { final int ia, ib; I64AndLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x & y; } }
    static final class I64OrC extends Expr { final Expr a; final long y0; I64OrC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x | y; } }
    static final class I64OrL extends Expr { final int ia; final Expr b; I64OrL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x | y; } }
    static final class I64OrLC extends Expr { final int ia; final long y0; I64OrLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x | y; } }
    static final class I64OrLL extends Expr { final int ia, ib; I64OrLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x | y; } }
    static final class I64XorC extends Expr { final Expr a; final long y0; I64XorC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x ^ y; } }
    static final class I64XorL extends Expr { final int ia; final Expr b; I64XorL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x ^ y; } }
    static final class I64XorLC extends Expr { final int ia; final long y0; I64XorLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x ^ y; } }
    static final class I64XorLL extends Expr { final int ia, ib; I64XorLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x ^ y; } }
    static final class I64ShlC extends Expr { final Expr a; final long y0; I64ShlC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x << y; } }
    static final class I64ShlL extends Expr { final int ia; final Expr b; I64ShlL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x << y; } }
    static final class I64ShlLC extends Expr { final int ia; final long y0; I64ShlLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x << y; } }
    static final class I64ShlLL extends Expr { final int ia, ib; I64ShlLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x << y; } }
    static final class I64ShrSC extends Expr { final Expr a; final long y0; I64ShrSC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x >> y; } }
    static final class I64ShrSL extends Expr { final int ia; final Expr b; I64ShrSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x >> y; } }
    static final class I64ShrSLC extends Expr { final int ia; final long y0; I64ShrSLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x >> y; } }
    static final class I64ShrSLL extends Expr { final int ia, ib; I64ShrSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x >> y; } }
    static final class I64ShrUC extends Expr { final Expr a; final long y0; I64ShrUC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return x >>> y; } }
    static final class I64ShrUL extends Expr { final int ia; final Expr b; I64ShrUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return x >>> y; } }
    static final class I64ShrULC extends Expr { final int ia; final long y0; I64ShrULC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return x >>> y; } }
    static final class I64ShrULL extends Expr { final int ia, ib; I64ShrULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return x >>> y; } }
    static final class I64DivSC extends Expr { final Expr a; final long y0; I64DivSC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return NumericOps.i64DivS(x, y); } }
    static final class I64DivSL extends Expr { final int ia; final Expr b; I64DivSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return NumericOps.i64DivS(x, y); } }
    static final class I64DivSLC extends Expr { final int ia; final long y0; I64DivSLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return NumericOps.i64DivS(x, y); } }
    static final class I64DivSLL extends Expr { final int ia, ib; I64DivSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return NumericOps.i64DivS(x, y); } }
    static final class I64DivUC extends Expr { final Expr a; final long y0; I64DivUC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return NumericOps.i64DivU(x, y); } }
    static final class I64DivUL extends Expr { final int ia; final Expr b; I64DivUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return NumericOps.i64DivU(x, y); } }
    static final class I64DivULC extends Expr { final int ia; final long y0; I64DivULC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return NumericOps.i64DivU(x, y); } }
    static final class I64DivULL extends Expr { final int ia, ib; I64DivULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return NumericOps.i64DivU(x, y); } }
    static final class I64RemSC extends Expr { final Expr a; final long y0; I64RemSC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return NumericOps.i64RemS(x, y); } }
    static final class I64RemSL extends Expr { final int ia; final Expr b; I64RemSL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return NumericOps.i64RemS(x, y); } }
    static final class I64RemSLC extends Expr { final int ia; final long y0; I64RemSLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return NumericOps.i64RemS(x, y); } }
    static final class I64RemSLL extends Expr { final int ia, ib; I64RemSLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return NumericOps.i64RemS(x, y); } }
    static final class I64RemUC extends Expr { final Expr a; final long y0; I64RemUC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return NumericOps.i64RemU(x, y); } }
    static final class I64RemUL extends Expr { final int ia; final Expr b; I64RemUL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return NumericOps.i64RemU(x, y); } }
    static final class I64RemULC extends Expr { final int ia; final long y0; I64RemULC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return NumericOps.i64RemU(x, y); } }
    static final class I64RemULL extends Expr { final int ia, ib; I64RemULL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return NumericOps.i64RemU(x, y); } }
    static final class I64RotlC extends Expr { final Expr a; final long y0; I64RotlC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return Long.rotateLeft(x, (int) y); } }
    static final class I64RotlL extends Expr { final int ia; final Expr b; I64RotlL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return Long.rotateLeft(x, (int) y); } }
    static final class I64RotlLC extends Expr { final int ia; final long y0; I64RotlLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return Long.rotateLeft(x, (int) y); } }
    static final class I64RotlLL extends Expr { final int ia, ib; I64RotlLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return Long.rotateLeft(x, (int) y); } }
    static final class I64RotrC extends Expr { final Expr a; final long y0; I64RotrC(Expr a, long y) { this.a = a; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = a.eval(f); long y = y0; return Long.rotateRight(x, (int) y); } }
    static final class I64RotrL extends Expr { final int ia; final Expr b; I64RotrL(int ia, Expr b) { this.ia = ia; this.b = b; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = b.eval(f); return Long.rotateRight(x, (int) y); } }
    static final class I64RotrLC extends Expr { final int ia; final long y0; I64RotrLC(int ia, long y) { this.ia = ia; this.y0 = (long) y; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = y0; return Long.rotateRight(x, (int) y); } }
    static final class I64RotrLL extends Expr { final int ia, ib; I64RotrLL(int ia, int ib) { this.ia = ia; this.ib = ib; }
        @Override long eval(Frame f) { long x = f.s[ia]; long y = f.s[ib]; return Long.rotateRight(x, (int) y); } }
}
