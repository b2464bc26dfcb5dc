package org.tailbench.runtime;

import org.tailbench.wasm.FuncType;

/**
 * A function implemented in Java (spec §4.5.3.1 "host functions"). Engines call
 * {@link #call(Instance, long[])} with the calling instance, so WASI can reach that instance's memory.
 */
public final class HostFunction extends FunctionInstance {
    /** The host code: {@code caller} is the instance whose code made the call, or null when called from the host. */
    @FunctionalInterface
    public interface Code {
        long[] call(Instance caller, long[] args);
    }

    private final String module, field;
    private final Code code;

    public HostFunction(String module, String field, FuncType type, Code code) {
        super(type);
        this.module = module; this.field = field; this.code = code;
    }

    public long[] call(Instance caller, long[] args) { return code.call(caller, args); }

    @Override public long[] invoke(long... args) { return code.call(null, args); }

    public String moduleName() { return module; }
    public String fieldName() { return field; }

    @Override public String name() { return module + "." + field; }
}
