package org.tailbench.graalwasm;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;

/**
 * A GraalWasm function (exported, or a funcref GraalWasm returned) as our {@link FunctionInstance}:
 * {@link #invoke} converts the arguments ({@link ValueCodec}), calls it through {@link Value#execute}, and
 * turns GraalWasm's exceptions into ours ({@link Faults}). A funcref whose function was not exported has
 * an unknown type, shown as {@code [] -> []}.
 */
final class GraalFunction extends FunctionInstance {
    private final Value guest;
    private final ContextState state;
    private final Module module;
    private final String name;

    private final boolean typeKnown;

    /** @param type the function's type, or null when unknown (a funcref to a function that was not exported) */
    GraalFunction(FuncType type, Value guest, ContextState state, Module module, String name) {
        super(type != null ? type : FuncType.EMPTY);
        this.typeKnown = type != null;
        this.guest = guest;
        this.state = state;
        this.module = module;
        this.name = name;
    }

    Value guest() { return guest; }

    /** @return false for a funcref GraalWasm returned whose type we do not know ({@link #type()} is then {@code [] -> []}) */
    boolean typeKnown() { return typeKnown; }

    ContextState state() { return state; }

    @Override public long[] invoke(long... args) {
        FuncType t = type();
        Object[] a = new Object[args.length];
        for (int i = 0; i < a.length; i++) a[i] = ValueCodec.toGuest(t.params()[i], args[i], state.store(), state);
        Value r;
        try {
            r = guest.execute(a);
        } catch (PolyglotException e) {
            throw Faults.of(e, module != null ? module : new Module());
        } finally {
            state.refreshGlobalsQuietly();
        }
        return ValueCodec.results(t.results(), r, state.store(), state);
    }

    @Override public String name() { return name; }
}
