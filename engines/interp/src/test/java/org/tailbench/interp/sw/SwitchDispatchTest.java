package org.tailbench.interp.sw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tailbench.interp.SwitchKeys;
import org.tailbench.interp.lower.LOp;

/** The {@code switch} engine's loop has a case for every {@link LOp} (read from the compiled {@code tableswitch}). */
class SwitchDispatchTest {
    @Test
    void everyLOpHasACaseInTheLoop() {
        Set<Integer> handled = SwitchKeys.handled(SwitchInterpreter.class, "run");
        List<String> missing = new ArrayList<>();
        for (int op = 0; op < LOp.COUNT; op++) if (!handled.contains(op)) missing.add(LOp.NAMES[op]);
        assertThat(missing).as("LOps without a case in SwitchInterpreter.run").isEmpty();
        assertThat(handled).allMatch(op -> op >= 0 && op < LOp.COUNT);
    }
}
