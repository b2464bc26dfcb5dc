package org.tailbench.aot.rt;

import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;

/** Makes the traps generated code and its helpers throw, with the Wasm backtrace of the current segment. */
public final class Traps {
    private Traps() {}

    /** @return a trap of {@code kind} with the active Wasm frames ({@link Backtraces#fill}) */
    public static Trap trap(TrapKind kind) { return Backtraces.fill(new Trap(kind), 0); }

    /** {@code unreachable}: called by generated code, which throws what it returns. */
    public static Trap unreachable() { return trap(TrapKind.UNREACHABLE); }

    public static Trap outOfBounds() { return trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS); }

    /** Adds the current segment's Wasm frames to a trap thrown by core code (tables, bulk memory) called from generated code. */
    public static Trap framed(Trap t) { return Backtraces.fill(t, 0); }
}
