package org.tailbench.interp.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tailbench.testkit.NumericEdgeValueTest;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.rt.LOpNumeric;
import org.tailbench.runtime.Trap;
import org.tailbench.wasm.Op;

/**
 * The {@code closure} engine builds a node for every numeric instruction: a dedicated class from
 * {@link NumericNodes#of} where it has one, else a generic node whose {@link LOpNumeric}
 * computes it (checked by computing it once: a missing case throws {@code IllegalStateException}, a trap is fine).
 */
class NumericNodesCompletenessTest {
    /** no-ops on the raw bits: {@code TreeBuilder} builds no node for them */
    private static final Set<Op> NO_NODE = Set.of(Op.I32_REINTERPRET_F32, Op.I64_REINTERPRET_F64, Op.F32_REINTERPRET_I32,
            Op.F64_REINTERPRET_I64);

    @Test
    void everyNumericInstructionHasANode() {
        List<String> missing = new ArrayList<>();
        for (Op op : NumericEdgeValueTest.numericOps()) {
            if (NO_NODE.contains(op)) continue;
            int params = op.signature.indexOf(':');
            Expr x = new VarNodes.Const(1), y = params == 2 ? new VarNodes.Const(1) : null;
            if (NumericNodes.of(op, x, y) != null) continue;   // a dedicated class
            int lop = Lowerer.lop(op);
            try {
                if (lop < 0) missing.add(op.text + " (no LOp)");
                else if (params == 1) LOpNumeric.unary(lop, 0);
                else LOpNumeric.binary(lop, 0, 1);
            } catch (Trap expected) {
                // computed: it trapped on these operands
            } catch (IllegalStateException e) {
                missing.add(op.text + " (" + e.getMessage() + ")");
            }
        }
        assertThat(missing).as("numeric instructions the closure engine cannot build").isEmpty();
    }
}
