package org.tailbench.peer.chicory;

import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.UnlinkableException;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasi.WasiExit;

/**
 * Chicory's exceptions as ours: {@code WasiExitException} → {@link WasiExit} (same code);
 * {@code UnlinkableException} → {@link LinkException}; a {@link StackOverflowError} → "call stack
 * exhausted"; an {@link ArithmeticException} ("/ by zero") → "integer divide by zero"; any other
 * exception → a {@link Trap} whose kind is recognised from the message ({@link TrapKind#fromMessage}),
 * {@link TrapKind#HOST} otherwise. Our own {@code Trap}s and {@code WasiExit}s thrown by host functions
 * pass through, also when Chicory wrapped them.
 */
final class ChicoryTraps {
    private ChicoryTraps() {}

    /** @return the exception to throw in place of {@code t} */
    static RuntimeException map(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Trap trap) return trap;
            if (c instanceof WasiExit exit) return exit;
            if (c instanceof LinkException link) return link;
            if (c instanceof WasiExitException e) return new WasiExit(e.exitCode());
            if (c == c.getCause()) break;
        }
        if (t instanceof UnlinkableException u) {
            String msg = String.valueOf(u.getMessage());
            String spec = msg.startsWith("unknown import") ? "unknown import" : "incompatible import type";
            return new LinkException(spec, "chicory: " + msg);
        }
        if (t instanceof StackOverflowError) {
            return new Trap(TrapKind.CALL_STACK_EXHAUSTED, TrapKind.CALL_STACK_EXHAUSTED.message, t);
        }
        if (t instanceof ArithmeticException) {
            return new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO, TrapKind.INTEGER_DIVIDE_BY_ZERO.message, t);
        }
        if (t instanceof Error e && !(t instanceof StackOverflowError)) throw e;
        String msg = t instanceof com.dylibso.chicory.wasm.ChicoryException
                ? String.valueOf(t.getMessage()) : t.getClass().getSimpleName() + ": " + t.getMessage();
        if (msg.contains("Trapped on unreachable instruction")) return new Trap(TrapKind.UNREACHABLE, TrapKind.UNREACHABLE.message, t);
        TrapKind kind = TrapKind.fromMessage(msg);
        return new Trap(kind, kind == TrapKind.HOST ? "chicory: " + msg : msg, t);
    }
}
