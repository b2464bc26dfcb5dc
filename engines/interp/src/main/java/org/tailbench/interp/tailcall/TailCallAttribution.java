package org.tailbench.interp.tailcall;

import org.tailbench.interp.attr.HandlerClassAttribution;
import org.tailbench.runtime.FrameAttribution;

/** The {@code tailcall} engine's {@link FrameAttribution}: one {@link Instr} class per instruction kind. */
final class TailCallAttribution {
    private TailCallAttribution() {}

    static final FrameAttribution INSTANCE = new HandlerClassAttribution("org.tailbench.interp.tailcall.",
            "tailcall: Instr class → Wasm instruction (fused lowered ops as a+b; classes shared by several"
            + " instructions, e.g. (Load32), and the (Bounce) trampoline by class name)",
            Instr.class);
}
