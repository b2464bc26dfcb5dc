package org.tailbench.graalwasm;

import java.util.Locale;
import org.graalvm.polyglot.PolyglotException;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasi.WasiExit;
import org.tailbench.wasm.Module;

/**
 * Turns GraalWasm's {@link PolyglotException}s into ours: {@code proc_exit} → {@link WasiExit}; an exception
 * thrown by one of our host functions → that exception, unchanged; a Wasm trap → {@link Trap} with the
 * {@link TrapKind} its message names (GraalWasm uses the spec's trap messages), a host stack overflow or
 * other resource exhaustion → {@link TrapKind#CALL_STACK_EXHAUSTED}; anything else → a {@link TrapKind#HOST}
 * trap saying "graalwasm: MESSAGE". The guest frames of the polyglot stack trace become the Wasm backtrace.
 */
final class Faults {
    private Faults() {}

    /** @return the exception to throw for {@code e}, raised while running code of {@code module} */
    static RuntimeException of(PolyglotException e, Module module) {
        if (e.isExit()) return new WasiExit(e.getExitStatus());
        if (e.isHostException()) {
            Throwable h = e.asHostException();
            if (h instanceof RuntimeException re) return re;
            if (h instanceof StackOverflowError) return trap(TrapKind.CALL_STACK_EXHAUSTED, "call stack exhausted (host stack overflow in a host function)", e, module);
            return trap(TrapKind.HOST, "graalwasm: host function failed: " + h, e, module);
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String lower = msg.toLowerCase(Locale.ROOT);
        if (e.isResourceExhausted() || lower.contains("stack overflow") || lower.contains("stackoverflow")) {
            return trap(TrapKind.CALL_STACK_EXHAUSTED, TrapKind.CALL_STACK_EXHAUSTED.message + " (" + msg + ")", e, module);
        }
        TrapKind k = TrapKind.fromMessage(msg);
        if (k != TrapKind.HOST) return trap(k, lower.startsWith(k.message) ? msg : k.message + " (" + msg + ")", e, module);
        TrapKind own = ownWording(lower);
        if (own != null) return trap(own, own.message + " (graalwasm: " + msg + ")", e, module);
        return trap(TrapKind.HOST, "graalwasm: " + msg, e, module);
    }

    /** GraalWasm's own wording for some traps (25.0.2), e.g. "Table element at index 3 is uninitialized." */
    private static TrapKind ownWording(String lower) {
        if (lower.contains("is uninitialized")) return TrapKind.UNINITIALIZED_ELEMENT;
        if (lower.contains("out of table bounds")) return TrapKind.UNDEFINED_ELEMENT;
        if (lower.contains("types differ in the indirect call")) return TrapKind.INDIRECT_CALL_TYPE_MISMATCH;
        if (lower.contains("out-of-bounds") || lower.contains("out of bounds") || lower.contains("memory access of negative length")) {
            return lower.contains("table") ? TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS : TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS;
        }
        return null;
    }

    /**
     * @return the exception for a failed {@code newInstance}: a {@link LinkException} when GraalWasm could
     *         not link an import, else as {@link #of}
     */
    static RuntimeException ofInstantiation(PolyglotException e, Module module) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String lower = msg.toLowerCase(Locale.ROOT);
        if (!e.isExit() && !e.isHostException()) {
            if (lower.contains("does not exist") || lower.contains("unknown import") || lower.contains("not found")) {
                return new LinkException("unknown import", "graalwasm: " + msg);
            }
            if (lower.contains("import") && (lower.contains("type") || lower.contains("incompatible") || lower.contains("limits")
                    || lower.contains("mismatch") || lower.contains("does not match"))) {
                return new LinkException("incompatible import type", "graalwasm: " + msg);
            }
        }
        return of(e, module);
    }

    private static Trap trap(TrapKind kind, String message, PolyglotException e, Module module) {
        Trap t = new Trap(kind, message, e);
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (!f.isGuestFrame()) continue;
            String name = f.getRootName();
            t.addFrame(new Trap.Frame(indexOf(module, name), name == null ? "?" : name, -1));
        }
        return t;
    }

    private static int indexOf(Module module, String name) {
        if (name == null) return -1;
        for (var en : module.functionNames.entrySet()) {
            if (name.equals(en.getValue())) return en.getKey();
        }
        return -1;
    }
}
