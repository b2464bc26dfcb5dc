package org.tailbench.runtime;

import org.tailbench.wasm.Module.GlobalType;

/** A global instance (spec §4.2.9); {@link #value} is encoded as {@link org.tailbench.wasm.ValType} says. */
public final class Global implements Extern {
    private final GlobalType type;
    /** the current value; engines read and write it directly */
    public long value;

    public Global(GlobalType type, long value) { this.type = type; this.value = value; }

    public GlobalType type() { return type; }
}
