package org.tailbench.bench.run;

/** Time estimates of a run's parts, in ms (JMH invocations: {@link Profile.Jmh#estimateMs}). */
final class Estimates {
    private Estimates() {}

    /**
     * References: per workload about 2 s of native builds, then (1 checked + N timed) runs per cell; node's start
     * and compilation make its whole-process runs about 0.5 s, and node-inproc adds a process and 3 warm-up runs.
     * (Measured on the default workloads: about 30 s per workload with --references all and 5 runs.)
     */
    static long referencesMs(BenchConfig c, Matrix m) {
        if (c.shard() != 1) return 0;   // shard 1 times the references
        int n = m.workloads().size(), runs = c.referenceRuns() + 1;
        return switch (c.references()) {
            case "none" -> 0;
            case "native" -> n * (2000L + runs * 2 * 300L);
            default -> n * (3000L + runs * 2 * 300L + runs * 2 * 700L + 4000L);
        };
    }

    /** JFR pass: per cell about 4 s of JVM start, compile and checked run, then warm-up and recording. */
    static long jfrMs(BenchConfig c, Matrix m, Plan plan) {
        long n = Children.jfrCells(c, m, plan).size();
        return n * 1000L * (4 + c.jfrWarmup() + c.jfrSeconds());
    }

    /** Calibration: one JVM per engine group, then per cell a compile and two runs. */
    static long calibrationMs(BenchConfig c, Matrix m, OpTimes times) {
        if (c.profile() == Profile.SMOKE) return 0;
        long ms = 2000;
        for (String w : m.workloads()) {
            for (String e : m.engines()) {
                double run = times.of(Bench.RUN, w, e), compile = times.of(Bench.COMPILE, w, e);
                ms += (long) ((Double.isFinite(run) ? 2 * run : 500) + (Double.isFinite(compile) ? compile : 200));
            }
        }
        return ms;
    }

    static long totalMs(BenchConfig c, Matrix m, Plan plan, OpTimes times, Jmh jmh) {
        long t = referencesMs(c, m) + jfrMs(c, m, plan) + calibrationMs(c, m, times);
        for (Plan.Unit u : plan.units()) t += jmh.settings(u, times).estimateMs();
        return t;
    }
}
