package org.tailbench.aot.rt;

import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * Defines the generated classes of one compiled module as ordinary named classes (the default, see
 * {@code AotModule}): unlike hidden classes, their frames appear in JFR stack traces and
 * {@link Throwable} stack traces. One loader per module, so the classes unload with the module.
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

    /** A loader for classes compiled in memory (no code source). */
    public ModuleClassLoader(Linkage linkage) { this(linkage, null); }

    /**
     * @param source where the class files came from (an aot jar), or null; recorded as the classes' code source
     */
    public ModuleClassLoader(Linkage linkage, URL source) {
        super("tailbench-aot", ModuleClassLoader.class.getClassLoader());
        this.linkage = linkage;
        this.domain = source == null ? null : new ProtectionDomain(new CodeSource(source, (CodeSigner[]) null), null, this, null);
    }

    /** Defines class {@code internalName} from {@code bytes}. */
    public Class<?> define(String internalName, byte[] bytes) {
        return defineClass(internalName.replace('/', '.'), bytes, 0, bytes.length, domain);
    }
}
