package org.tailbench.bench.run;

import java.util.List;

/**
 * The JVM flags of tailbench's benchmark JVMs, defined once: the JMH forks' default flags (also in the
 * benchmarks' {@code @Fork} annotations, which need compile-time constants), the JFR pass's recording flags
 * and the flags every helper JVM ({@code Calibrate}, {@code Inventory}) needs.
 */
public final class JvmFlags {
    private JvmFlags() {}

    /** Deep tail-call-free recursion in the interpreters (aot-naive, chicory) needs a large thread stack. */
    public static final String XSS = "-Xss16m";
    /** A fixed 2 GiB heap: no heap resizing inside a measurement. */
    public static final String XMS = "-Xms2g";
    public static final String XMX = "-Xmx2g";
    /** sun.misc.Unsafe memory access (used by peers' libraries) without warnings on JDK 24+. */
    public static final String UNSAFE = "--sun-misc-unsafe-memory-access=allow";
    /** The wasmtime peer loads its JNI library (a restricted method since Java 24). */
    public static final String NATIVE = "--enable-native-access=ALL-UNNAMED";

    /** The forked benchmark JVMs' default flags ({@code --jvm-args} replaces them). */
    public static final List<String> FORK = List.of(XSS, XMS, XMX, UNSAFE, NATIVE);

    /**
     * The JFR pass's extra flags: deep stacks, precise (non-safepoint) sample positions, and aot's per-function
     * tail-call counters ({@code tailbench.aot.profile}; other engines ignore it). The same as
     * {@code org.tailbench.jfr.ProfileRecorder.JVM_FLAGS}.
     */
    public static final List<String> JFR = List.of("-XX:FlightRecorderOptions:stackdepth=2048",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints", "-Dtailbench.aot.profile=true");

    /** @return {@code flags} split at whitespace (the form of {@code --jvm-args "..."}) */
    public static List<String> split(String flags) {
        String s = flags.strip();
        return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
    }
}
