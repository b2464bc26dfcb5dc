package org.tailbench.aot;

import org.tailbench.runtime.Engine;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Engine {@code aot}: compiles every Wasm function to a static JVM method with ASM, defines the classes
 * as hidden classes, and runs {@code return_call} / {@code return_call_indirect} in constant JVM stack
 * (a jump for self tail calls, a trampoline with preallocated slots otherwise). See the module README.
 */
public class AotEngine implements Engine {
    @Override public String name() { return "aot"; }

    @Override public String description() {
        return "compiles to JVM bytecode (ASM, hidden classes); tail calls: jump to self or trampoline, constant stack";
    }

    boolean trampoline() { return true; }

    @Override public AotModule compile(ValidatedModule module) {
        return compile(module, "module-" + AotClasses.sha256(module.module().bytes).substring(0, 8) + ".wasm");
    }

    /** @param moduleName names the generated classes and their SourceFile attribute, e.g. {@code nbody.wasm} */
    public AotModule compile(ValidatedModule module, String moduleName) {
        return AotModule.define(module, compileClasses(module, moduleName, AotOptions.fromSystemProperties(trampoline())));
    }

    /** @return the class files for {@code module} without defining them (for {@link AotJar#write}) */
    public AotClasses compileClasses(ValidatedModule module, String moduleName, AotOptions options) {
        return AotCompiler.compile(module, options, name(), moduleName);
    }
}
