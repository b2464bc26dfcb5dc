package org.tailbench.interp.threaded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import org.junit.jupiter.api.Test;
import org.tailbench.interp.lower.LOp;

/** The handler table: complete, and named after the opcodes so that profiles read as opcodes. */
class HandlersTest {
    @Test
    void everyOpcodeHasAHandler() {
        assertThat(Handlers.TABLE).hasSize(LOp.COUNT).doesNotContainNull();
    }

    @Test
    void handlersOfTheirOwnClassAreNamedAfterTheirOpcode() {
        IdentityHashMap<Class<?>, Integer> uses = new IdentityHashMap<>();
        for (Handler h : Handlers.TABLE) uses.merge(h.getClass(), 1, Integer::sum);
        for (int op = 0; op < LOp.COUNT; op++) {
            Class<?> k = Handlers.TABLE[op].getClass();
            if (k == FloatHandlers.Unary.class || k == FloatHandlers.Binary.class || k == MemoryHandlers.TableOrMemoryOp.class) {
                continue;
            }
            if (uses.get(k) == 1) assertThat(k.getSimpleName()).as("handler of " + LOp.NAMES[op]).isEqualTo(LOp.NAMES[op]);
        }
        // the aliases share one object: i64.load32_s and i32.load both sign-extend 4 bytes
        assertThat(Handlers.TABLE[LOp.I64_LOAD32_S]).isSameAs(Handlers.TABLE[LOp.I32_LOAD]);
    }
}
