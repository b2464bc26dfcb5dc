package org.tailbench.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code tailbench.TailCalls}: how many tail calls ({@code return_call},
 * {@code return_call_indirect}; tail-call proposal) one Wasm function made since the previous event for
 * that function. Written by {@link TailCallCounter#flush()}: periodically (period from the recording's
 * settings, default 1 s) and at the end of each host → Wasm invocation. Summing {@code count} over a
 * recording gives the exact number of tail calls each function executed while the event was enabled.
 *
 * <p>Charts read it by name and fields; keep both stable (contract of issue 6).
 */
@Name(TailCallsEvent.NAME)
@Label("Wasm Tail Calls")
@Category({"tailbench", "Execution"})
@Description("Tail calls (return_call*) made by one Wasm function since the last event for it")
@StackTrace(false)
@Period("1 s")
public final class TailCallsEvent extends Event {
    public static final String NAME = "tailbench.TailCalls";

    @Label("Engine") public String engine;
    @Label("Function Index") @Description("Wasm function index (imports first)") public int functionIndex;
    @Label("Function Name") @Description("from the name section, or func[N]") public String functionName;
    @Label("Count") @Description("tail calls made by the function since the last event for it") public long count;
}
