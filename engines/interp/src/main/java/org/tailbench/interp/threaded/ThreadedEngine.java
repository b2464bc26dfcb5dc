package org.tailbench.interp.threaded;

import org.tailbench.interp.lower.Lowerer;
import org.tailbench.interp.rt.LoweredModule;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.Engine;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * The handler-table interpreter: every function is lowered once ({@link Lowerer}, the same code the
 * {@code switch} engine runs) and executed by {@code pc = table[code[pc]].exec(machine, stack, code, pc)},
 * one megamorphic virtual call per instruction: the JVM's analogue of direct-threaded code. See
 * {@link Machine} for the design and what it measures.
 */
public final class ThreadedEngine implements Engine {
    @Override public String name() { return "threaded"; }

    @Override public int order() { return 20; }

    @Override public String description() {
        return "interpreter: lowered int[] code, handler table indexed by opcode, one virtual call per instruction";
    }

    @Override public CompiledModule compile(ValidatedModule module) {
        return LoweredModule.lower(module, name(), ThreadedFunction[]::new, ThreadedFunction::new);
    }

    @Override public org.tailbench.runtime.FrameAttribution frameAttribution(ValidatedModule module) { return ThreadedAttribution.INSTANCE; }
}
