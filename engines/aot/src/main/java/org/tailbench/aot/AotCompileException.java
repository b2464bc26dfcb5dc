package org.tailbench.aot;

/** A module the aot compiler cannot turn into JVM classes (e.g. a function above the JVM's 64 KiB method limit). */
public final class AotCompileException extends RuntimeException {
    public AotCompileException(String message, Throwable cause) { super(message, cause); }
}
