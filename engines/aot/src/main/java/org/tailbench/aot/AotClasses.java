package org.tailbench.aot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The output of the compiler for one module: the class files and what is needed to define and link
 * them ({@link AotModule#define}). Written to and read from a jar by {@link AotJar}.
 *
 * @param engine           {@code aot} or {@code aot-naive}
 * @param moduleSha256     hex SHA-256 of the module bytes the classes were made from
 * @param classNames       internal names, by class index
 * @param classFiles       class files, by class index
 * @param classOf          per function index (-1 for imports), the class whose {@code $invoke(int, long[], AotContext)} and
 *                         {@code $drain(AotContext)} run it: the class holding its method, or with small classes its
 *                         group's dispatch class ({@link ModulePlan})
 * @param originalFunction per function index, the Wasm function it stands for (see {@link ModulePlan})
 * @param profiling        whether tail-call counters were compiled in
 * @param log              one line per function (the compile log)
 * @param maxValues        most params or results of any function type of the module code generation saw (the
 *                         parts of a split function take locals and return slots; 0 when only the input's types)
 * @param arrayMemory      whether the code accesses memory 0 as a {@code byte[]} (then every instance's memory
 *                         must be heap-backed) rather than as a {@code MemorySegment} (see {@code MemoryGen})
 * @param namedCalls       whether the classes call each other by name ({@code invokestatic}; they must then be
 *                         defined by one {@code ModuleClassLoader}, which defines each one when the JVM first asks for
 *                         it) rather than through {@code invokedynamic} (needed for hidden classes, {@code aot.hiddenClasses})
 */
public record AotClasses(String engine, String moduleSha256, String[] classNames, byte[][] classFiles, int[] classOf,
                         int[] originalFunction, boolean profiling, List<String> log, int maxValues, boolean arrayMemory,
                         boolean namedCalls) {
    /** @return hex SHA-256 of {@code bytes} */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
