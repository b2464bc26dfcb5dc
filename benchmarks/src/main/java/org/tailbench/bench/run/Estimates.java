package org.tailbench.bench.run;

/** Time estimates of a run's parts, in ms (JMH invocations: {@link Profile.Jmh#estimateMs}). */
final class Estimates {
    private Estimates() {}

    /**
     * References: per workload about 2-4 s of native builds (less when workloads/build/ has them), then (1 checked +
     * N timed) runs per cell: the two native builds about 0.15 s each, node's whole process about 0.4 s (start and
     * compilation included), node-inproc one process with 3 warm-up runs. Measured: nbody + pyvm_tailcall, all,
     * 5 runs: 15.7 s at load 16 on 2 cores.
     */
    static long referencesMs(BenchConfig c, Matrix m) {
        if (c.shard() != 1) return 0;   // shard 1 times the references
        int n = m.workloads().size(), runs = c.referenceRuns() + 1;
        return switch (c.references()) {
            case "none" -> 0;
            case "native" -> n * (2000L + runs * 300L);
            default -> n * (4000L + runs * 700L + 1500L);
        };
    }

    /**
     * JFR pass: per cell about 4 s of JVM start, compile and checked run, then warm-up and recording; cells over the
     * profile's time limit ({@code times}) are not recorded and cost nothing.
     */
    static long jfrMs(BenchConfig c, Matrix m, Plan plan, OpTimes times) {
        long n = Children.jfrCells(c, m, plan, times).stream().filter(cell -> cell.notRun() == null).count();
        return n * 1000L * (4 + c.jfrWarmup() + c.jfrSeconds());
    }

    /**
     * Calibration: one JVM per engine group, then per cell a compile and the checked run (cut at the profile's
     * limit), then more runs while they fit in 1.5 s.
     */
    static long calibrationMs(BenchConfig c, Matrix m, OpTimes times) {
        if (c.profile() == Profile.SMOKE) return 0;
        long ms = 2000;
        double limit = c.profile().run.maxOpMs();
        for (String w : m.workloads()) {
            for (String e : m.engines()) {
                double run = times.of(Bench.RUN, w, e), compile = times.of(Bench.COMPILE, w, e);
                ms += (long) ((Double.isFinite(run) ? Math.min(run, limit) + Math.min(4 * run, 1500) : 500)
                        + (Double.isFinite(compile) ? compile : 200));
            }
        }
        return ms;
    }

    /** @return the whole run: references, JFR pass, calibration and the JMH invocations with their probable re-runs */
    static long totalMs(BenchConfig c, Matrix m, Plan plan, OpTimes times, Jmh jmh) {
        long t = referencesMs(c, m) + jfrMs(c, m, plan, times) + calibrationMs(c, m, times);
        for (Plan.Unit u : plan.units()) t += jmh.expected(u, times).ms();
        return t;
    }

    /**
     * @return the re-runs' share of the estimate and where its chances come from ({@link Retries}), e.g. "0m52s of it for
     *         probable re-runs of wide cells (...): the chance that an attempt is wide comes from this machine's last run
     *         for 4 cells and is assumed for 8 (...)"; null when the profile measures each cell once
     */
    static String reRunsBasis(BenchConfig c, Plan plan, OpTimes times, Jmh jmh) {
        if (c.profile().run.attempts() <= 1 && c.profile().other.attempts() <= 1) return null;
        long reRuns = 0;
        int history = 0, assumed = 0;
        for (Plan.Unit u : plan.units()) {
            Retries.Expected e = jmh.expected(u, times);
            if (e.firstMs() == 0) continue;   // not run
            reRuns += e.reRunsMs();
            if (e.fromHistory()) history++; else assumed++;
        }
        String basis = history == 0 ? "is assumed for all " + assumed + " cells (this machine's last run has none of them at these settings)"
                : "comes from this machine's last run for " + history + " cell" + (history == 1 ? "" : "s") + " and is assumed for " + assumed;
        return String.format(java.util.Locale.ROOT, "%s of it for probable re-runs of wide cells (error over %d %%, measured again"
                + " with longer settings): the chance that an attempt is wide %s (a first attempt: run %.0f %%, instantiation and"
                + " compile %.0f %%; a later one %.0f %%)", Jmh.fmt(reRuns), Math.round(100 * Profile.TARGET_ERROR), basis,
                100 * Retries.RUN_FIRST, 100 * Retries.OTHER_FIRST, 100 * Retries.LATER);
    }
}
