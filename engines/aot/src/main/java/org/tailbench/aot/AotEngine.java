package org.tailbench.aot;

import org.tailbench.runtime.Engine;
import org.tailbench.runtime.EngineOptions;
import org.tailbench.runtime.FrameAttribution;
import org.tailbench.runtime.LineNumberAttribution;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Engine {@code aot}: compiles every Wasm function to a static JVM method with ASM, defines the classes
 * with one class loader per module (or as hidden classes, {@code -Dtailbench.aot.hiddenClasses=true}: JFR drops
 * hidden-class frames, so profiles need the default), and runs {@code return_call} / {@code return_call_indirect} in constant JVM stack
 * (a jump for self tail calls, a trampoline with preallocated slots otherwise). See the module README.
 */
public class AotEngine implements Engine {
    @Override public String name() { return "aot"; }

    @Override public int order() { return 50; }

    @Override public String description() {
        return "compiles to JVM bytecode (ASM; one class loader per module, hidden classes with -Dtailbench.aot.hiddenClasses=true); tail calls: jump to self or trampoline, constant stack";
    }

    boolean trampoline() { return true; }

    /** JFR frames of the generated methods ({@code f<index>_<name>}, line numbers per {@link org.tailbench.aot.rt.Linkage#LINE_NUMBERS}) map back to Wasm functions and instructions. */
    @Override public FrameAttribution frameAttribution(ValidatedModule module) {
        return LineNumberAttribution.relativeToBody(module, "org.tailbench.aot.rt.Wasm$", name());
    }

    /** Compiles with {@link EngineOptions#process()}. */
    @Override public AotModule compile(ValidatedModule module) { return compile(module, EngineOptions.process()); }

    /**
     * Compiles and defines the classes with the {@code aot.*} options and {@code module.name} (names the generated
     * classes and their SourceFile attribute, e.g. {@code nbody.wasm}; default {@code module-<sha256 prefix>.wasm}).
     * @throws AotCompileException when a function cannot be compiled (e.g. too large with {@code aot.split=none})
     */
    @Override public AotModule compile(ValidatedModule module, EngineOptions options) {
        return AotModule.define(module, compileClasses(module, options), options);
    }

    /** @return the class files for {@code module} without defining them (for {@link AotJar#write}), with {@code options} */
    public AotClasses compileClasses(ValidatedModule module, EngineOptions options) {
        String name = options.get(EngineOptions.MODULE_NAME);
        if (name.isEmpty()) name = "module-" + AotClasses.sha256(module.module().bytes).substring(0, 8) + ".wasm";
        return compileClasses(module, name, AotOptions.of(trampoline(), options));
    }

    /** @return the class files for {@code module} without defining them (for {@link AotJar#write}) */
    public AotClasses compileClasses(ValidatedModule module, String moduleName, AotOptions options) {
        return AotCompiler.compile(module, options, name(), moduleName);
    }
}
