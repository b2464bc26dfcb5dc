package org.tailbench.interp.rt;

import java.util.function.IntFunction;
import org.tailbench.interp.lower.LoweredFunction;
import org.tailbench.interp.lower.Lowerer;
import org.tailbench.runtime.Instance;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module lowered ({@link Lowerer}) for one of the engines that run lowered code ({@code switch},
 * {@code threaded}, {@code tailcall}): the lowered functions plus the module's canonical types
 * ({@link InterpModule#types}). What differs between those engines is given as data: how to make a context
 * and a function instance, and the function class's array.
 * @param <C> the engine's per-instance context
 * @param <F> the engine's function instance class
 */
public class LoweredModule<C extends InstanceContext<F>, F extends LoweredFunctionInstance<C>> extends InterpModule<C, F> {
    /** Makes an engine's context for an instance of {@code module} ({@code InstanceContext::new} when it adds nothing). */
    public interface Contexts<C extends InstanceContext<F>, F extends LoweredFunctionInstance<C>> {
        C make(Instance inst, LoweredModule<C, F> module);
    }

    /** Makes an engine's function instance ({@code XFunction::new}). */
    public interface Functions<C extends InstanceContext<F>, F extends LoweredFunctionInstance<C>> {
        F make(C ctx, LoweredFunction fn, FuncType canonicalType);
    }

    /** the lowered functions by defined-function index */
    public final LoweredFunction[] functions;
    private final Contexts<C, F> contexts;
    private final Functions<C, F> makeFunction;

    /**
     * @param engine    the engine's name, carried by its JFR events
     * @param functions the lowered functions ({@link Lowerer#lowerAll})
     */
    public LoweredModule(ValidatedModule module, String engine, LoweredFunction[] functions, IntFunction<F[]> newArray,
                         Contexts<C, F> contexts, Functions<C, F> makeFunction) {
        super(module, engine, newArray);
        this.functions = functions;
        this.contexts = contexts;
        this.makeFunction = makeFunction;
    }

    /**
     * A module of an engine whose context is {@link InstanceContext} as it is ({@code threaded}, {@code tailcall}),
     * lowered here ({@link Lowerer#lowerAll}, no superinstructions).
     * @param engine       the engine's name, carried by its JFR events
     * @param newArray     the function class's array maker ({@code XFunction[]::new})
     * @param makeFunction the function class's maker ({@code XFunction::new})
     */
    public static <F extends LoweredFunctionInstance<InstanceContext<F>>> LoweredModule<InstanceContext<F>, F> lower(
            ValidatedModule module, String engine, IntFunction<F[]> newArray, Functions<InstanceContext<F>, F> makeFunction) {
        return new LoweredModule<InstanceContext<F>, F>(module, engine, Lowerer.lowerAll(module, engine), newArray,
                InstanceContext::new, makeFunction);
    }

    @Override protected final C newContext(Instance inst) { return contexts.make(inst, this); }

    @Override protected final F newFunction(C ctx, int definedIndex, FuncType canonicalType) {
        return makeFunction.make(ctx, functions[definedIndex], canonicalType);
    }
}
