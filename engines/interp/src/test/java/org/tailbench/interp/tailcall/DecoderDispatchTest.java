package org.tailbench.interp.tailcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tailbench.interp.SwitchKeys;
import org.tailbench.interp.lower.LOp;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.lower.Superinstructions;

/**
 * The {@code tailcall} engine builds an instruction object for every {@link LOp}: a numeric one from
 * {@link NumericInstrs#of}, any other from a case of {@code Decoder.create} (read from the compiled switch); the
 * switch-only opcodes (the profiling probe, the superinstructions) have none.
 */
class DecoderDispatchTest {
    @Test
    void everyLOpHasAnInstruction() {
        Set<Integer> decoded = SwitchKeys.handled(Decoder.class, "create");
        List<String> missing = new ArrayList<>();
        Set<Integer> switchOnly = new java.util.HashSet<>();
        switchOnly.add(LOp.PROBE);   // opcode-profile code is lowered for (and run by) the switch engine only
        for (int k = 0; k < Superinstructions.CATALOG.size(); k++) switchOnly.add(Lowerer.superinstruction(k));   // likewise
        for (int op = 0; op < LOp.COUNT; op++) {
            if (switchOnly.contains(op)) {
                assertThat(decoded).as("%s is switch-only: the decoder must reject it", LOp.NAMES[op]).doesNotContain(op);
                continue;
            }
            if (NumericInstrs.of(op) == null && !decoded.contains(op)) missing.add(LOp.NAMES[op]);
        }
        assertThat(missing).as("LOps the tailcall decoder cannot build").isEmpty();
    }
}
