package org.tailbench.aot;

import java.lang.invoke.MethodHandles;
import org.tailbench.aot.rt.AotContext;
import org.tailbench.aot.rt.AotFunction;
import org.tailbench.aot.rt.Linkage;
import org.tailbench.aot.rt.ModuleClassLoader;
import org.tailbench.runtime.CompiledModule;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.Imports;
import org.tailbench.runtime.Instance;
import org.tailbench.runtime.Instantiator;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Store;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * A module compiled by aot: its generated classes defined (ordinary classes of a per-module
 * {@link ModuleClassLoader}, or hidden classes: option {@code aot.hiddenClasses}), instantiated any number of
 * times; each instance gets one {@link AotContext}.
 *
 * <p>Option {@code aot.hiddenClasses=true} ({@code -Dtailbench.aot.hiddenClasses=true}): define the generated
 * classes as hidden classes ({@link MethodHandles.Lookup#defineHiddenClassWithClassData}). Off by default because
 * the JVM treats every method of a hidden class as a hidden frame: JFR's execution samples and exception stack
 * traces leave them out (checked on JDK 25, even with {@code -XX:+ShowHiddenFrames} for JFR), so profiles could
 * not attribute time to Wasm functions. The default defines them as ordinary classes of a
 * {@link ModuleClassLoader}, one per module (unloaded with it). Backtraces work in both modes.
 */
public final class AotModule implements CompiledModule {
    private final ValidatedModule module;
    private final AotClasses classes;
    private final Linkage linkage;

    private AotModule(ValidatedModule module, AotClasses classes, Linkage linkage) {
        this.module = module;
        this.classes = classes;
        this.linkage = linkage;
    }

    /** {@link #define(ValidatedModule, AotClasses, EngineOptions)} with {@link EngineOptions#process()}. */
    public static AotModule define(ValidatedModule module, AotClasses classes) {
        return define(module, classes, EngineOptions.process());
    }

    /**
     * Defines the classes of {@code classes} (made from {@code module}, or from a module whose split
     * made them), lazily, by a {@link ModuleClassLoader} (or as hidden classes), reading options
     * {@code aot.hiddenClasses}, {@code aot.eagerClasses} and {@code aot.log}.
     * @throws IllegalArgumentException when {@code classes} were made from other module bytes, or call each other by
     *                                  name ({@link AotClasses#namedCalls}) and {@code aot.hiddenClasses} is true
     */
    public static AotModule define(ValidatedModule module, AotClasses classes, EngineOptions options) {
        return define(module, classes, options, true, null);
    }

    /** @throws IllegalArgumentException when {@code sha} (of the module bytes) is not the one {@code classes} were made from */
    static void checkSha(AotClasses classes, String sha) {
        if (!sha.equals(classes.moduleSha256())) {
            throw new IllegalArgumentException("aot classes were compiled from another module (SHA-256 "
                    + classes.moduleSha256() + "), not this one (" + sha + ")");
        }
    }

    /**
     * As {@link #define(ValidatedModule, AotClasses, EngineOptions)}; {@code checkSha} false when the caller checked
     * it; {@code source} the jar the class files were read from (their code source, see {@link ModuleClassLoader}), or null.
     */
    static AotModule define(ValidatedModule module, AotClasses classes, EngineOptions options, boolean checkSha, java.net.URL source) {
        if (checkSha) checkSha(classes, AotClasses.sha256(module.module().bytes));
        Module m = module.module();
        String[] names = new String[m.functionCount()];
        int[] lineBase = new int[m.functionCount()];
        for (int f = 0; f < m.functionCount(); f++) {
            names[f] = m.functionName(f);
            lineBase[f] = f < m.importedFunctions() ? 0 : m.functions.get(f - m.importedFunctions()).bodyOffset();
        }
        // the input's types: a split appends types only for its new functions, which are called directly
        // (call_indirect and the exported functions keep the input's type indices); their widths are in maxValues
        FuncType[] types = m.types.toArray(FuncType[]::new);
        if (classes.classOf().length < m.functionCount()) {
            throw new IllegalArgumentException("aot classes cover " + classes.classOf().length + " functions, the module has " + m.functionCount());
        }
        Linkage linkage = new Linkage(classes.classFiles().length, classes.classOf(), classes.originalFunction(), names,
                lineBase, types, classes.maxValues(), classes.profiling(), classes.engine());
        // classes are defined when first needed (an export called; a call into one first run, which the JVM resolves by
        // name, or with hidden classes an invokedynamic call linked): a large module's start-up defines only the classes
        // that run; option aot.eagerClasses=true defines all up front
        Linkage.Definer definer;
        ModuleClassLoader loader = null;
        if (options.get(EngineOptions.AOT_HIDDEN_CLASSES)) {
            if (classes.namedCalls()) {
                throw new IllegalArgumentException("aot classes that call each other by name cannot be hidden classes (option "
                        + "aot.hiddenClasses=true); compile them with that option (their calls are then invokedynamic)");
            }
            MethodHandles.Lookup host = Linkage.hostLookup();
            definer = k -> linkage.define(k, host.defineHiddenClassWithClassData(classes.classFiles()[k], linkage, true));
        } else {
            ModuleClassLoader l = loader = new ModuleClassLoader(linkage, classes.classNames(), k -> classes.classFiles()[k], source);
            definer = k -> linkage.define(k, l.load(k));
        }
        linkage.lazy(definer);
        if (options.get(EngineOptions.AOT_EAGER_CLASSES)) {
            try {
                for (int k = 0; k < classes.classFiles().length; k++) {
                    if (loader != null) loader.load(k);
                    if (isDispatch(classes, k)) definer.define(k);
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("aot: defining generated classes failed", e);
            }
        }
        if (options.get(EngineOptions.AOT_LOG)) C2Report.watch(classes, names);   // at exit: what C2 compiled
        return new AotModule(module, classes, linkage);
    }

    /** @return whether class {@code k} runs functions ({@code $invoke}, {@code $drain}): some function's {@link AotClasses#classOf} */
    private static boolean isDispatch(AotClasses classes, int k) {
        for (int c : classes.classOf()) if (c == k) return true;
        return false;
    }

    @Override public ValidatedModule module() { return module; }

    /** The module's linkage (which generated classes are defined yet: {@link Linkage#defined}). */
    Linkage linkage() { return linkage; }

    /** @return the class files and compile log this module was defined from */
    public AotClasses classes() { return classes; }

    /**
     * Instantiates with this module's defined memory heap-backed when the code was compiled for the
     * {@code byte[]} path ({@link AotClasses#arrayMemory()}), else with the default backing.
     */
    @Override public Instance instantiate(Store store, Imports imports) {
        Module m = module.module();
        return Instantiator.instantiate(store, module, imports, inst -> new AotContext(inst, linkage), (ctx, defined) ->
                new AotFunction(linkage.canonicalTypes[m.functions.get(defined).typeIndex()], ctx, m.importedFunctions() + defined),
                classes.arrayMemory() ? Memory.Backing.HEAP : null);   // the byte[] path needs the heap backing the compiler chose
    }

    /**
     * @return the aot context of {@code inst} (its call depth, tail-call counters), or null when
     *         {@code inst} was not made by an aot module or has no functions of its own
     */
    public static AotContext context(Instance inst) {
        return inst.engineState(AotContext.class);
    }
}
