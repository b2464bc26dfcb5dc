package org.tailbench.interp.closure;

import org.tailbench.interp.attr.HandlerClassAttribution;
import org.tailbench.runtime.FrameAttribution;

/** The {@code closure} engine's {@link FrameAttribution}: one node class per instruction (and operand shape). */
final class ClosureAttribution {
    private ClosureAttribution() {}

    static final FrameAttribution INSTANCE = new HandlerClassAttribution("org.tailbench.interp.closure.",
            "closure: node class → Wasm instruction (innermost node evaluating; specialised nodes as op[shape],"
            + " e.g. i32.eq[LC] = local and constant operands fused into the node; fused ops as a+b)",
            Expr.class, Stmt.class);
}
