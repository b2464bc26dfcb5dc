package org.tailbench.aot.rt;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.tailbench.jfr.TailCallCounter;
import org.tailbench.runtime.FunctionCalls;
import org.tailbench.wasm.FuncType;

/**
 * What the generated classes of one compiled module share: the classes themselves (calls across classes are
 * {@code invokestatic} by name, or with hidden classes, which cannot name each other, {@code invokedynamic} bound by
 * {@link #bootstrapCall}), which class runs which function ({@code $invoke}, {@code $drain}), canonical types, slot sizes, and the
 * names and line bases that turn JVM stack frames back into Wasm frames ({@link Backtraces}).
 * Each generated class finds it through {@link #of} (class data of a hidden class, or its {@link ModuleClassLoader}).
 */
public final class Linkage {
    /**
     * per function index, the class whose {@code $invoke} and {@code $drain} run it (the class holding its method, or
     * its group's dispatch class: {@code AotClasses#classOf}); -1 for imports
     */
    public final int[] classOf;
    /** the Wasm function each function index stands for (itself, or the original a split part came from) */
    public final int[] originalFunction;
    /** printable function names by original function index */
    public final String[] names;
    /** the byte offset that line number 0 stands for, by original function index ({@link #LINE_NUMBERS}) */
    public final int[] lineBase;
    public final FuncType[] canonicalTypes;
    public final int maxParams, maxResults;
    public final boolean profiling;
    /** engine name ({@code aot} / {@code aot-naive}) carried by the JFR events */
    public final String engine;
    /**
     * {@code tailbench.TailCalls} counts of this module, by original function index: fed by
     * {@link Rt#countTailCall} in profiling-compiled code while a recording enables the event; null
     * when the module was compiled without profiling
     */
    public final TailCallCounter tailCounter;
    final Class<?>[] classes;
    final MethodHandles.Lookup[] lookups;
    /** {@code $invoke(int, long[], AotContext)long} of each class */
    final MethodHandle[] invokers;
    /** {@code $drain(AotContext)long} of each class */
    final MethodHandle[] drainers;

    /**
     * The line number convention of generated methods: line {@code L} of method {@code f<N>_<name>} is
     * the instruction at byte offset {@code lineBase[N] + L} of the module, where {@code lineBase[N]} is
     * the byte offset of function N's body ({@code Module.Function.bodyOffset}). Offsets relative to the
     * function because a LineNumberTable entry holds only 16 bits; see {@link #moduleOffset}.
     */
    public static final String LINE_NUMBERS = "line = Code.pos - Module.Function.bodyOffset of the method's function (f<index>_...)";

    /**
     * @param types     the input module's function types (by type index: call_indirect checks, exports)
     * @param maxValues lower bound of {@link #maxParams} / {@link #maxResults}: the most params or results of any
     *                  function the generated code has (split parts pass locals, return slots and exit codes)
     */
    public Linkage(int classCount, int[] classOf, int[] originalFunction, String[] names, int[] lineBase,
                   FuncType[] types, int maxValues, boolean profiling, String engine) {
        this.classOf = classOf;
        this.originalFunction = originalFunction;
        this.names = names;
        this.lineBase = lineBase;
        this.canonicalTypes = new FuncType[types.length];
        int mp = maxValues, mr = maxValues;
        for (int i = 0; i < types.length; i++) {
            canonicalTypes[i] = canonical(types[i]);
            mp = Math.max(mp, types[i].params().length);
            mr = Math.max(mr, types[i].results().length);
        }
        this.maxParams = mp;
        this.maxResults = mr;
        this.profiling = profiling;
        this.engine = engine;
        this.tailCounter = profiling ? new TailCallCounter(engine, names.length, f -> names[f]) : null;
        this.classes = new Class<?>[classCount];
        this.lookups = new MethodHandles.Lookup[classCount];
        this.invokers = new MethodHandle[classCount];
        this.drainers = new MethodHandle[classCount];
    }

    /** @return the JVM-wide canonical object structurally equal to {@code t} */
    public static FuncType canonical(FuncType t) { return FunctionCalls.canonical(t); }

    /** @return module byte offset of line {@code line} in a method of original function {@code function} */
    public long moduleOffset(int function, int line) { return (long) lineBase[function] + line; }

    /** Records generated class {@code k}, defined by a {@link ModuleClassLoader} (public members only are used). */
    public void define(int k, Class<?> c) throws ReflectiveOperationException {
        define(k, MethodHandles.lookup(), c);
    }

    /** Records generated class {@code k}, defined as a hidden class whose full-privilege lookup is {@code lookup}. */
    public void define(int k, MethodHandles.Lookup lookup) throws ReflectiveOperationException {
        define(k, lookup, lookup.lookupClass());
    }

    private void define(int k, MethodHandles.Lookup lookup, Class<?> c) throws ReflectiveOperationException {
        classes[k] = c;
        lookups[k] = lookup;   // before the handles: a class loaded by name has its class, not yet its handles
        drainers[k] = lookup.findStatic(c, "$drain", MethodType.methodType(long.class, AotContext.class));
        invokers[k] = lookup.findStatic(c, "$invoke",   // last: ensure() tests it
                MethodType.methodType(long.class, int.class, long[].class, AotContext.class));
    }

    /** Class {@code k} was defined by the module's {@link ModuleClassLoader} (asked for by the JVM or by {@link #ensure}). */
    void loaded(int k, Class<?> c) { classes[k] = c; }

    /** Defines generated class {@code k} (issue 14, start-up: classes are defined when first needed). */
    public interface Definer { void define(int k) throws ReflectiveOperationException; }

    private volatile Definer definer;

    /** Classes not defined yet are defined by {@code d} on first use ({@link #ensure}). */
    public void lazy(Definer d) { this.definer = d; }

    /** @return whether generated class {@code k} is defined yet */
    public boolean defined(int k) { return classes[k] != null; }

    /** Defines class {@code k} if it is not yet and finds its {@code $invoke} and {@code $drain} (thread-safe; once per class). */
    void ensure(int k) {
        if (invokers[k] != null) return;
        synchronized (this) {
            if (invokers[k] != null) return;
            try {
                definer.define(k);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("aot: defining generated class " + k + " failed", e);
            }
        }
    }

    /** @return {@code $invoke} of the class running function {@code fi} ({@link #classOf}) */
    public MethodHandle invoker(int fi) {
        int k = classOf[fi];
        MethodHandle h = invokers[k];
        if (h == null) { ensure(k); h = invokers[k]; }
        return h;
    }

    MethodHandle drainer(int fi) {
        int k = classOf[fi];
        ensure(k);
        return drainers[k];
    }

    /**
     * Bootstrap of {@code invokedynamic} calls between generated classes of one module: binds the call
     * site named {@code f<N>_...} with the static method of that name in the class holding function N.
     */
    public static CallSite bootstrapCall(MethodHandles.Lookup caller, String name, MethodType type, int function)
            throws ReflectiveOperationException {
        Linkage l = of(caller);
        int k = l.classOf[function];
        l.ensure(k);
        return new ConstantCallSite(l.lookups[k].findStatic(l.classes[k], name, type));
    }

    /**
     * @return the linkage of the generated class {@code caller} looks up from: its class data when it is
     *         a hidden class, else its {@link ModuleClassLoader}'s (generated {@code $linkage()} calls this)
     */
    public static Linkage of(MethodHandles.Lookup caller) throws IllegalAccessException {
        Class<?> c = caller.lookupClass();
        if (c.isHidden()) return MethodHandles.classData(caller, "_", Linkage.class);
        if (c.getClassLoader() instanceof ModuleClassLoader l) return l.linkage;
        throw new IllegalArgumentException(c + " is not a generated class");
    }

    /** @return N of a generated method name {@code f<N>_...}, or -1 for helpers ({@code $...}) */
    public static int functionOfMethod(String method) { return Backtraces.functionOf(method); }

    /** The lookup generated classes are defined with (they live in this package). */
    public static MethodHandles.Lookup hostLookup() { return MethodHandles.lookup(); }
}
