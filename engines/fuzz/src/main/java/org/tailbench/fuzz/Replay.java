package org.tailbench.fuzz;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code tailbench fuzz --replay FILE.wasm}: one module on the engines in a worker JVM, each engine's steps printed. */
public final class Replay {
    private Replay() {}

    /**
     * @param workerJvmArgs flags of the worker JVM ({@link FuzzOptions#workerJvmArgs})
     * @return 1 when the module shows a finding, else 0
     */
    public static int run(byte[] bytes, List<String> engines, long invokeLimitMillis, long compileLimitMillis, Path workerLog,
                          List<String> workerJvmArgs, PrintStream out) {
        boolean[] peer = FuzzOptions.peers(engines);
        try (WorkerClient w = new WorkerClient(workerLog, workerJvmArgs)) {
            List<List<String>> steps = w.run(bytes, engines, invokeLimitMillis, compileLimitMillis);
            for (int i = 0; i < engines.size(); i++) {
                out.println(engines.get(i) + (peer[i] ? " (peer)" : "") + ":");
                for (String s : steps.get(i)) out.println("  " + s);
            }
            Verdict v = Verdict.of(engines, peer, steps);
            out.println(v.finding() == null ? "no finding" : "FINDING: " + v.finding());
            for (String p : v.peerDisagreements()) out.println("peer disagreement: " + p);
            return v.finding() == null ? 0 : 1;
        }
    }
}
