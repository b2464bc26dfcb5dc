package org.tailbench.nativ;

import org.tailbench.runtime.CompiledFunction;
import org.tailbench.wasm.FuncType;

/** A Wasm function compiled by the native backend; {@link #invoke} enters its code through the entry stub. */
final class NativeFunction extends CompiledFunction<NativeContext> {
    final int index;

    NativeFunction(FuncType type, NativeContext context, int index) {
        super(type, context);
        this.index = index;
    }

    @Override protected long[] enter(long[] args) { return ctx.invoke(this, args); }

    @Override public String name() { return ctx.instance.module.functionName(index); }
}
