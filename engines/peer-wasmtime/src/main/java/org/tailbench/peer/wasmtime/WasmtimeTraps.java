package org.tailbench.peer.wasmtime;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tailbench.runtime.LinkException;
import org.tailbench.runtime.Trap;
import org.tailbench.runtime.TrapKind;
import org.tailbench.wasi.WasiExit;

/**
 * Wasmtime's errors (wasmtime-java throws {@code WasmtimeException} / {@code WasmFunctionError} with
 * Wasmtime's message) as ours: WASI's "Exited with i32 exit status N" → {@link WasiExit}; an exception
 * thrown by one of our host functions during the call (kept in {@link #PENDING}, as it cannot cross the
 * native frames) is rethrown as it was; link errors → {@link LinkException}; everything else → a
 * {@link Trap} whose kind is recognised from the message ({@link TrapKind#fromMessage}, plus Wasmtime's
 * wordings for unreachable and stack overflow), {@link TrapKind#HOST} otherwise.
 */
final class WasmtimeTraps {
    private WasmtimeTraps() {}

    /** The exception a host function of ours threw inside the current native call on this thread. */
    static final ThreadLocal<RuntimeException> PENDING = new ThreadLocal<>();

    private static final Pattern EXIT = Pattern.compile("[Ee]xit(?:ed)? with i32 exit status (-?\\d+)");

    /**
     * wasmtime-java 0.19.0 passes only the top of Wasmtime's error ("error while executing at wasm backtrace:
     * 0: 0x84 - ..."), not the trap code; the kind is then read from the instruction at the innermost frame's
     * byte offset in {@code module} where that instruction can trap in only one way.
     */
    static RuntimeException map(Throwable t, org.tailbench.wasm.Module module) {
        RuntimeException r = map(t);
        if (r instanceof Trap trap && trap.kind() == TrapKind.HOST && module != null) {
            TrapKind k = kindAt(module, String.valueOf(t.getMessage()));
            if (k != TrapKind.HOST) return new Trap(k, k.message + " (wasmtime: " + firstLine(String.valueOf(t.getMessage())) + ")", t);
        }
        return r;
    }

    private static final Pattern FRAME = Pattern.compile("0:\\s+0x([0-9a-f]+) - ");

    static TrapKind kindAt(org.tailbench.wasm.Module module, String msg) {
        Matcher m = FRAME.matcher(msg);
        if (!m.find()) return TrapKind.HOST;
        int offset = Integer.parseInt(m.group(1), 16);
        for (org.tailbench.wasm.Module.Function f : module.functions) {
            org.tailbench.wasm.Code c = f.body();
            for (int i = 0; i < c.length; i++) {
                if (c.pos[i] != offset) continue;
                org.tailbench.wasm.Op op = c.opAt(i);
                String n = op.text;
                if (op == org.tailbench.wasm.Op.UNREACHABLE) return TrapKind.UNREACHABLE;
                if (n.contains(".load") || n.contains(".store") || n.startsWith("memory.")) return TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS;
                if (n.endsWith(".div_u") || n.endsWith(".rem_u") || n.endsWith(".rem_s")) return TrapKind.INTEGER_DIVIDE_BY_ZERO;
                if (n.startsWith("table.")) return TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS;
                return TrapKind.HOST;
            }
        }
        return TrapKind.HOST;
    }

    static RuntimeException map(Throwable t) {
        RuntimeException pending = PENDING.get();
        if (pending != null) {
            PENDING.remove();
            return pending;
        }
        if (t instanceof Trap || t instanceof WasiExit || t instanceof LinkException) return (RuntimeException) t;
        if (t instanceof io.github.kawamuray.wasmtime.WasmFunctionError.I32ExitError e) return new WasiExit(e.exitCode());
        if (t instanceof Error e) throw e;
        String msg = String.valueOf(t.getMessage());
        Matcher m = EXIT.matcher(msg);
        if (m.find()) return new WasiExit(Integer.parseInt(m.group(1)));
        String lower = msg.toLowerCase(Locale.ROOT);
        if (msg.contains("unknown enum variant: GLOBAL") || msg.contains("unknown enum variant: TABLE")) {
            return new UnsupportedOperationException("wasmtime-java 0.19.0 cannot pass globals or tables between instances (" + msg + ")", t);
        }
        if (lower.contains("unknown import")) return new LinkException("unknown import", "wasmtime: " + msg);
        if (lower.contains("incompatible import type") || lower.contains("types incompatible")) {
            return new LinkException("incompatible import type", "wasmtime: " + msg);
        }
        TrapKind kind = TrapKind.fromMessage(msg);
        if (kind == TrapKind.HOST) kind = fromTrapCode(msg);
        if (kind == TrapKind.HOST) {
            if (lower.contains("unreachable")) kind = TrapKind.UNREACHABLE;
            else if (lower.contains("stack overflow")) kind = TrapKind.CALL_STACK_EXHAUSTED;
            else if (lower.contains("indirect call to null") || lower.contains("uninitialized element")) kind = TrapKind.UNINITIALIZED_ELEMENT;
            else if (lower.contains("bad signature")) kind = TrapKind.INDIRECT_CALL_TYPE_MISMATCH;
        }
        return new Trap(kind, kind == TrapKind.HOST ? "wasmtime: " + msg : kind.message + " (wasmtime: " + firstLine(msg) + ")", t);
    }

    /** wasmtime-java's "wasm trap: CODE" (its {@code io.github.kawamuray.wasmtime.Trap} names). */
    static TrapKind fromTrapCode(String msg) {
        Matcher m = Pattern.compile("wasm trap: ([A-Z_]+)").matcher(msg);
        if (!m.find()) return TrapKind.HOST;
        return switch (m.group(1)) {
            case "STACK_OVERFLOW" -> TrapKind.CALL_STACK_EXHAUSTED;
            case "MEMORY_OUT_OF_BOUNDS", "HEAP_MISALIGNED" -> TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS;
            case "TABLE_OUT_OF_BOUNDS" -> TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS;
            case "INDIRECT_CALL_TO_NULL" -> TrapKind.UNINITIALIZED_ELEMENT;
            case "BAD_SIGNATURE" -> TrapKind.INDIRECT_CALL_TYPE_MISMATCH;
            case "INTEGER_OVERFLOW" -> TrapKind.INTEGER_OVERFLOW;
            case "INTEGER_DIVISION_BY_ZERO" -> TrapKind.INTEGER_DIVIDE_BY_ZERO;
            case "BAD_CONVERSION_TO_INTEGER" -> TrapKind.INVALID_CONVERSION_TO_INTEGER;
            case "UNREACHABLE_CODE_REACHED" -> TrapKind.UNREACHABLE;
            default -> TrapKind.HOST;
        };
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
