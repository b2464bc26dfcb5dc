package org.tailbench.interp.rt;

import java.util.function.IntFunction;
import org.tailbench.jfr.TailCallCounter;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Instantiator;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module prepared for one of the interpreter engines: the validated module plus its types made
 * canonical ({@link Calls#canonical}: one {@link FuncType} object per structure, JVM-wide), so that
 * {@code call_indirect}'s type check is usually an identity comparison. Instantiation makes one
 * context per instance ({@link #newContext}) shared by all of that instance's defined functions
 * ({@link #newFunction}), which it records in the context's {@link InstanceContext#defined}. Runs only at
 * instantiation, never on an interpreter's hot path.
 * @param <C> the engine's per-instance context
 * @param <F> the engine's function instance class
 */
public abstract class InterpModule<C extends InstanceContext<F>, F extends FunctionInstance> implements CompiledModule {
    private final ValidatedModule module;
    private final IntFunction<F[]> newArray;
    /** canonical types by type index; the same length as the module's type section */
    public final FuncType[] types;
    /** tail calls per function for the JFR event {@code tailbench.TailCalls} (counted only while it is enabled) */
    public final TailCallCounter tailCalls;

    /**
     * @param engine   the engine's name, carried by its JFR events
     * @param newArray makes an array of {@code F} (e.g. {@code SwitchFunction[]::new}), so that
     *                 {@link InstanceContext#defined} has the engine's own element type
     */
    protected InterpModule(ValidatedModule module, String engine, IntFunction<F[]> newArray) {
        this.module = module;
        this.newArray = newArray;
        var m = module.module();
        this.tailCalls = new TailCallCounter(engine, m.functionCount(), m::functionName);
        this.types = new FuncType[m.types.size()];
        for (int i = 0; i < types.length; i++) types[i] = Calls.canonical(m.types.get(i));
    }

    @Override public final ValidatedModule module() { return module; }

    /** @return an empty array with one slot per defined function */
    final F[] newDefinedArray() { return newArray.apply(module.module().functions.size()); }

    /** @return a fresh context for {@code inst}, whose arrays are still being filled */
    protected abstract C newContext(Instance inst);

    /**
     * Makes the function instance for defined function {@code definedIndex} (0-based among defined functions).
     * @param canonicalType its canonical type
     */
    protected abstract F newFunction(C ctx, int definedIndex, FuncType canonicalType);

    /** Instantiates with {@link Instantiator} (spec §4.5.4); errors as {@link CompiledModule#instantiate} says. */
    @Override public final Instance instantiate(Store store, Imports imports) {
        return Instantiator.instantiate(store, module, imports, this::newContext,
                (C c, int i) -> c.defined[i] = newFunction(c, i, types[module.module().functions.get(i).typeIndex()]), null);
    }
}
