package org.tailbench.interp.threaded;

import org.tailbench.interp.attr.HandlerClassAttribution;
import org.tailbench.runtime.FrameAttribution;

/** The {@code threaded} engine's {@link FrameAttribution}: one {@link Handler} class per lowered opcode. */
final class ThreadedAttribution {
    private ThreadedAttribution() {}

    static final FrameAttribution INSTANCE = new HandlerClassAttribution("org.tailbench.interp.threaded.",
            "threaded: handler class → lowered opcode → Wasm instruction (handlers shared by aliases, e.g. i32.const"
            + " for f32.const, count for the handler's name; fused lowered ops as a+b; (Unary)/(Binary) = grouped rare numeric ops)",
            Handler.class);
}
