package org.tailbench.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Wasm trap (spec §4.4.1 "trap"): execution stopped with {@link #kind()}. Engines append the
 * Wasm frames active at the trap, innermost first, to {@link #wasmBacktrace()} as they unwind.
 */
public class Trap extends RuntimeException {
    /** One Wasm frame: function index (imports first), its printable name, and the byte offset of the instruction, or -1. */
    public record Frame(int functionIndex, String functionName, long offset) {
        /** {@code func[3] name @ 0x2a}; the name is left out when it is only the index again ({@code func[3]}). */
        @Override public String toString() {
            String index = "func[" + functionIndex + "]";
            boolean named = functionName != null && !functionName.isEmpty() && !functionName.equals(index);
            return index + (named ? " " + functionName : "") + (offset >= 0 ? " @ 0x" + Long.toHexString(offset) : "");
        }
    }

    /** At most this many frames are kept (innermost first); the rest are only counted. */
    public static final int MAX_BACKTRACE_FRAMES = 100;

    private final TrapKind kind;
    private final List<Frame> backtrace = new ArrayList<>();
    private int omittedFrames;

    public Trap(TrapKind kind) { this(kind, kind.message, null); }

    public Trap(TrapKind kind, String message, Throwable cause) {
        super(message, cause, true, false);
        this.kind = kind;
    }

    public TrapKind kind() { return kind; }

    public void addFrame(Frame f) {
        if (backtrace.size() < MAX_BACKTRACE_FRAMES) backtrace.add(f); else omittedFrames++;
    }

    /** @return the number of outer frames beyond {@link #MAX_BACKTRACE_FRAMES} that were not kept */
    public int omittedFrames() { return omittedFrames; }

    public List<Frame> wasmBacktrace() { return Collections.unmodifiableList(backtrace); }
}
