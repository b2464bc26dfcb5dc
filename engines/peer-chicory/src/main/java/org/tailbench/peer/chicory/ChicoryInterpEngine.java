package org.tailbench.peer.chicory;

/** {@code chicory-interp}: Chicory's interpreter. */
public final class ChicoryInterpEngine extends ChicoryEngine {
    public ChicoryInterpEngine() { super(false); }

    @Override public String name() { return "chicory-interp"; }
}
