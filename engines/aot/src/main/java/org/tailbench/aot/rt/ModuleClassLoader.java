package org.tailbench.aot.rt;

/**
 * Defines the generated classes of one compiled module as ordinary named classes (the default, see
 * {@code AotModule}): unlike hidden classes, their frames appear in JFR stack traces and
 * {@link Throwable} stack traces. One loader per module, so the classes unload with the module.
 */
public final class ModuleClassLoader extends ClassLoader {
    static { registerAsParallelCapable(); }

    final Linkage linkage;

    public ModuleClassLoader(Linkage linkage) {
        super("tailbench-aot", ModuleClassLoader.class.getClassLoader());
        this.linkage = linkage;
    }

    /** Defines class {@code internalName} from {@code bytes}. */
    public Class<?> define(String internalName, byte[] bytes) {
        return defineClass(internalName.replace('/', '.'), bytes, 0, bytes.length);
    }
}
