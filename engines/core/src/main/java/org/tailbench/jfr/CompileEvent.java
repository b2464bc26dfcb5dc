package org.tailbench.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code tailbench.Compile}: one Wasm function compiled by an engine that compiles
 * (e.g. {@code aot}). The event's duration is the compile time of that function (code generation
 * and, where it happens per function, class definition). Written with {@code begin()} before and
 * {@code commit()} after compiling; costs nothing when JFR does not record it.
 *
 * <p>Charts read it by name ({@code tailbench.Compile}) and fields; keep both stable.
 */
@Name(CompileEvent.NAME)
@Label("Wasm Function Compiled")
@Category({"tailbench", "Compilation"})
@Description("One Wasm function compiled to JVM bytecode: sizes, JVM methods made, whether and why it was split")
@StackTrace(false)
public final class CompileEvent extends Event {
    public static final String NAME = "tailbench.Compile";

    @Label("Engine") public String engine;
    @Label("Function Index") @Description("Wasm function index (imports first)") public int functionIndex;
    @Label("Function Name") @Description("from the name section, or func[N]") public String functionName;
    @Label("Wasm Size") @DataAmount(DataAmount.BYTES) @Description("bytes of the Wasm function body") public int wasmBytes;
    @Label("Bytecode Size") @DataAmount(DataAmount.BYTES) @Description("bytes of JVM bytecode made, all methods") public int bytecodeBytes;
    @Label("JVM Methods") @Description("JVM methods the function became (1 when not split)") public int methods;
    @Label("Split") public boolean split;
    @Label("Reason") @Description("why it was split (empty when not)") public String reason;
}
