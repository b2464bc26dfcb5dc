package org.tailbench.nativ;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code tailbench.NativeCompile}: one module compiled to machine code by {@code native} or
 * {@code native-naive}; its duration is the compile time (code generation, mapping the code executable).
 * JFR's execution samples cannot attribute time inside the generated code (it has no JVM frames); the
 * Wasm call-depth and compile events are what a profile of this engine shows.
 */
@Name(NativeCompileEvent.NAME)
@Label("Wasm Module Compiled To Native Code")
@Category({"tailbench", "Compilation"})
@Description("One Wasm module compiled to x86-64 machine code: functions, Wasm bytes, machine-code bytes")
@StackTrace(false)
public final class NativeCompileEvent extends Event {
    public static final String NAME = "tailbench.NativeCompile";

    @Label("Engine") public String engine;
    @Label("Functions") @Description("defined functions compiled") public int functions;
    @Label("Wasm Size") @DataAmount(DataAmount.BYTES) @Description("bytes of the module") public long wasmBytes;
    @Label("Machine Code Size") @DataAmount(DataAmount.BYTES) @Description("bytes of x86-64 code, stubs included") public long codeBytes;
}
