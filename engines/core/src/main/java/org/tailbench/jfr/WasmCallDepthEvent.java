package org.tailbench.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code tailbench.WasmCallDepth}: a periodic sample (period from the recording's settings,
 * default 10 ms) of one running Wasm execution's frames, written by {@link WasmJfr}'s periodic hook for
 * every execution registered through {@link WasmJfr#enter}. It shows what execution sampling cannot:
 * interpreters keep Wasm frames in their own structures, so the JVM stack says nothing about Wasm
 * recursion depth or which Wasm function runs. Values are read racily (see {@link CallDepthSource}).
 *
 * <p>Charts read it by name and fields; keep both stable (contract of issue 6).
 */
@Name(WasmCallDepthEvent.NAME)
@Label("Wasm Call Depth")
@Category({"tailbench", "Execution"})
@Description("Periodic sample of a running Wasm execution: active Wasm frames and the innermost functions")
@StackTrace(false)
@Period("10 ms")
public final class WasmCallDepthEvent extends Event {
    public static final String NAME = "tailbench.WasmCallDepth";
    /** most function indices {@link #stack} lists */
    public static final int MAX_STACK = 64;

    @Label("Engine") public String engine;
    @Label("Depth") @Description("active Wasm frames of the execution") public int depth;
    @Label("Function Index") @Description("innermost Wasm function (imports first), -1 when none") public int functionIndex;
    @Label("Stack") @Description("function indices, innermost first, comma-separated, at most 64") public String stack;
    @Label("Wasm Thread") @Description("the thread that entered Wasm") public Thread wasmThread;
}
