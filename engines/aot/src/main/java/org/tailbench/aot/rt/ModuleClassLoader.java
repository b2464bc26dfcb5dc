package org.tailbench.aot.rt;

import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Defines the generated classes of one compiled module as ordinary named classes (the default, see
 * {@code AotModule}): unlike hidden classes, their frames appear in JFR stack traces and
 * {@link Throwable} stack traces. One loader per module, so the classes unload with the module.
 *
 * <p>A class is defined when it is first asked for (issue 14, start-up): by the JVM, when code of another generated
 * class first runs a call into it ({@code invokestatic} by name: the JVM asks this loader, their defining loader, for
 * the class), or by {@link #load} (an export called, a dispatch class linked: {@link Linkage}). So a module's start-up
 * parses and verifies only the classes it runs. Other names go to the parent loader (the runtime's classes).
 *
 * <p>Classes read from a jar ({@code AotJar}) are defined with that jar as their code source. HotSpot records a
 * class of a user-defined loader in a CDS / AOT cache ({@code -XX:AOTCacheOutput}, JDK 25) only when its
 * definition names a source, and later takes it from the cache when the same loader kind defines a class of that
 * name with the same bytes (size and CRC-32): already parsed and verified (issue 14, start-up; the README's
 * "Start-up").
 */
public final class ModuleClassLoader extends ClassLoader {
    static { registerAsParallelCapable(); }

    final Linkage linkage;
    private final ProtectionDomain domain;
    /** binary names by class index */
    private final String[] names;
    /** class index by binary name */
    private final Map<String, Integer> index;
    private final IntFunction<byte[]> files;

    /**
     * @param internalNames the module's generated classes (internal names, by class index)
     * @param files         the class file of class index k (called once per class, when it is defined)
     * @param source        where the class files came from (an aot jar), or null; recorded as the classes' code source
     */
    public ModuleClassLoader(Linkage linkage, String[] internalNames, IntFunction<byte[]> files, URL source) {
        super("tailbench-aot", ModuleClassLoader.class.getClassLoader());
        this.linkage = linkage;
        this.domain = source == null ? null : new ProtectionDomain(new CodeSource(source, (CodeSigner[]) null), null, this, null);
        this.names = new String[internalNames.length];
        this.index = new HashMap<>(internalNames.length * 2);
        for (int k = 0; k < internalNames.length; k++) {
            names[k] = internalNames[k].replace('/', '.');
            index.put(names[k], k);
        }
        this.files = files;
    }

    @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Integer k = index.get(name);
        return k == null ? super.loadClass(name, resolve) : load(k);
    }

    /** @return generated class {@code k}, defined now when it is not yet (thread-safe; once per class) */
    public Class<?> load(int k) {
        String name = names[k];
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] b = files.apply(k);
                c = defineClass(name, b, 0, b.length, domain);
                linkage.loaded(k, c);
            }
            return c;
        }
    }
}
