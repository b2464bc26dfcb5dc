package org.tailbench.peer.chicory;

/** {@code chicory-aot}: Chicory's runtime compiler (Wasm → JVM bytecode when the module is compiled). */
public final class ChicoryAotEngine extends ChicoryEngine {
    public ChicoryAotEngine() { super(true); }

    @Override public String name() { return "chicory-aot"; }
}
