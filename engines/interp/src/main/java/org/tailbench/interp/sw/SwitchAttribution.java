package org.tailbench.interp.sw;

import org.tailbench.interp.attr.SwitchCaseAttribution;
import org.tailbench.runtime.FrameAttribution;

/** The {@code switch} engine's {@link FrameAttribution}: bci ranges of {@code SwitchInterpreter.run}'s cases. */
final class SwitchAttribution {
    private SwitchAttribution() {}

    /** Built once, on first use, from the interpreter's class bytes (the same for every module). */
    static final FrameAttribution INSTANCE = SwitchCaseAttribution.of(SwitchInterpreter.class, "run", "switch");
}
