package org.tailbench.nativ;

/**
 * Engine {@code native-naive}: the same compiler with {@code return_call*} compiled as call + return, the
 * baseline whose native stack grows with tail recursion (it traps "call stack exhausted").
 */
public final class NativeNaiveEngine extends NativeEngine {
    @Override public String name() { return "native-naive"; }

    @Override public String description() {
        return "native with return_call* compiled as call + return (stack grows; the naive baseline)"
                + (Platform.UNAVAILABLE == null ? "" : " [unavailable: " + Platform.UNAVAILABLE + "]");
    }

    @Override boolean tailCalls() { return false; }

    @Override public int order() { return 80; }
}
