package org.tailbench.runtime;

/** Resolves a module's imports by (module name, field name), as the spec's "extern values" (§4.5.4). */
@FunctionalInterface
public interface Imports {
    /** @return the external value, or null when nothing has this name (instantiation then fails with "unknown import") */
    Extern resolve(String module, String name);

    Imports NONE = (m, n) -> null;

    /** @return imports that try this, then {@code other} */
    default Imports orElse(Imports other) {
        return (m, n) -> {
            Extern e = resolve(m, n);
            return e != null ? e : other.resolve(m, n);
        };
    }
}
