package org.tailbench.fuzz;

import java.nio.file.Path;
import java.util.List;
import org.tailbench.runtime.EngineOptions;

/**
 * How a fuzz run is set up.
 *
 * @param seed the run's seed: with {@code cases} set, the same seed gives the same cases and findings
 * @param cases how many cases to run, or -1 for "until {@code minutes}"
 * @param minutes wall-clock budget in minutes (used when {@code cases} is -1)
 * @param engines engine names; peers among them are compared but reported apart
 * @param out the run's folder (findings/, summary.json, workers/)
 * @param seeds the seed modules (sorted by name)
 * @param workers worker JVMs (and parent threads) running cases in parallel
 * @param invokeLimitMillis wall-clock limit of one invocation (and of instantiation incl. the start function)
 * @param compileLimitMillis wall-clock limit of one engine's compile
 * @param shrink whether findings are minimized
 * @param wabtEvery run wabt's {@code wasm-validate} on every n-th case (0: never)
 * @param progressSeconds seconds between progress lines
 * @param workerJvmArgs JVM flags for the workers
 */
public record FuzzOptions(long seed, long cases, double minutes, List<String> engines, Path out, List<FuzzCase.Seed> seeds,
                          int workers, long invokeLimitMillis, long compileLimitMillis, boolean shrink, int wabtEvery,
                          int progressSeconds, List<String> workerJvmArgs) {
    /**
     * @return the own engines on the class path that can run here ({@link org.tailbench.runtime.Engines#own()} without
     *         those with an {@link org.tailbench.runtime.Engine#unavailableReason()}: switch, threaded, tailcall, closure,
     *         aot, aot-naive, native, native-naive where native code runs), the fuzzer's default; the first is the reference
     */
    public static List<String> ownEngines() {
        return org.tailbench.runtime.Engines.own().stream().filter(e -> e.unavailableReason().isEmpty())
                .map(org.tailbench.runtime.Engine::name).toList();
    }

    /** @return for each of {@code engines}, whether it is a peer (not one of {@link org.tailbench.runtime.Engines#own()}) */
    static boolean[] peers(List<String> engines) {
        List<String> own = org.tailbench.runtime.Engines.ownNames();
        boolean[] peer = new boolean[engines.size()];
        for (int i = 0; i < peer.length; i++) peer[i] = !own.contains(engines.get(i));
        return peer;
    }

    /** Flags of a worker JVM: a bounded heap, a cheap collector, C1 only (short cases; C2 compile threads would take a core). */
    public static final List<String> DEFAULT_WORKER_JVM_ARGS = List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData", "-Xshare:auto");

    /**
     * @return {@link #DEFAULT_WORKER_JVM_ARGS}, plus {@code -Dtailbench.options=...} ({@link EngineOptions#PROPERTY})
     *         when {@code options} sets any engine option, so that the workers' engines compile with them
     */
    public static List<String> workerJvmArgs(EngineOptions options) {
        if (options.isEmpty()) return DEFAULT_WORKER_JVM_ARGS;
        List<String> a = new java.util.ArrayList<>(DEFAULT_WORKER_JVM_ARGS);
        a.add("-D" + EngineOptions.PROPERTY + "=" + options.encode());
        return List.copyOf(a);
    }
}
