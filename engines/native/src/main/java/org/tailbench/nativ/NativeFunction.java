package org.tailbench.nativ;

import org.tailbench.runtime.FunctionInstance;
import org.tailbench.wasm.FuncType;

/** A Wasm function compiled by the native backend; {@link #invoke} enters its code through the entry stub. */
final class NativeFunction extends FunctionInstance {
    final NativeContext context;
    final int index;

    NativeFunction(FuncType type, NativeContext context, int index) {
        super(type);
        this.context = context;
        this.index = index;
    }

    @Override public long[] invoke(long... args) { return context.invoke(this, args); }

    @Override public String name() { return context.instance.module.functionName(index); }
}
