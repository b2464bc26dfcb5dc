package org.tailbench.spectest;

import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.ConstEval;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Instantiator;
import org.tailbench.runtime.Store;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.Op;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A test double, not an interpreter: it runs only bodies of one of these shapes, enough to drive
 * every command kind of the runner. A body starting with {@code unreachable} traps; one starting
 * with {@code loop} throws {@link StackOverflowError} (a misbehaving engine); {@code call N} calls
 * function N; any other body is evaluated as a constant expression.
 */
final class StubEngine implements Engine {
    @Override public String name() { return "stub"; }
    @Override public String description() { return "test double for the spec runner"; }

    @Override public CompiledModule compile(ValidatedModule vm) {
        return new CompiledModule() {
            @Override public ValidatedModule module() { return vm; }
            @Override public Instance instantiate(Store store, Imports imports) {
                return Instantiator.instantiate(store, vm, imports, (inst, i) -> new StubFunction(inst, i));
            }
        };
    }

    private static final class StubFunction extends FunctionInstance {
        private final Instance instance;
        private final Code body;

        StubFunction(Instance instance, int definedIndex) {
            super(instance.module.types.get(instance.module.functions.get(definedIndex).typeIndex()));
            this.instance = instance;
            this.body = instance.module.functions.get(definedIndex).body();
        }

        @Override public long[] invoke(long... args) {
            Op first = body.opAt(0);
            switch (first) {
                case UNREACHABLE -> throw new Trap(TrapKind.UNREACHABLE);
                case LOOP -> throw new StackOverflowError();
                case CALL -> { return instance.functions[(int) body.a[0]].invoke(args); }
                default -> {
                    if (type().results().length == 0) return new long[0];
                    return new long[] {ConstEval.eval(body, instance)};
                }
            }
        }
    }
}
