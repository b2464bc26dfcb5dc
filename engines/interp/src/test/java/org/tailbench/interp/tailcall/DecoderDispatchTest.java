package org.tailbench.interp.tailcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tailbench.interp.SwitchKeys;
import org.tailbench.interp.lower.LOp;

/**
 * The {@code tailcall} engine builds an instruction object for every {@link LOp}: a numeric one from
 * {@link NumericInstrs#of}, any other from a case of {@code Decoder.create} (read from the compiled switch).
 */
class DecoderDispatchTest {
    @Test
    void everyLOpHasAnInstruction() {
        Set<Integer> decoded = SwitchKeys.handled(Decoder.class, "create");
        List<String> missing = new ArrayList<>();
        for (int op = 0; op < LOp.COUNT; op++) {
            if (op == LOp.PROBE) continue;   // opcode-profile code is lowered for (and run by) the switch engine only
            if (NumericInstrs.of(op) == null && !decoded.contains(op)) missing.add(LOp.NAMES[op]);
        }
        assertThat(missing).as("LOps the tailcall decoder cannot build").isEmpty();
    }
}
