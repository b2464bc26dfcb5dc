package org.tailbench.bench.run;

import java.util.Locale;

/**
 * How long and how often {@code tailbench bench} measures: quick (the default), full (numbers to publish) and
 * smoke (the tests' tiny real run; its errors mean nothing).
 *
 * <p>An iteration's length follows the measured time of one operation ({@link Settings#adaptTo}): JMH's
 * average-time mode with iterations of at least {@code minOpsPerIteration} operations, or, when one operation is
 * longer than {@code singleShotAboveMs}, single-shot mode (one operation per iteration, no timer granularity
 * issue); 3 warm-up iterations of ≥ 0.75 s (quick) let an interpreter's dispatch loop reach C2. With 8 measurement iterations (quick) the 99.9% half-width is about 1.9 × the iterations' coefficient
 * of variation, so a cell whose runs vary by under 5% stays under 10% error; the old 3 iterations gave 18 ×.
 *
 * <p>The quick profile bounds each cell: long single-shot operations get fewer warm-up shots so that a cell stays
 * near {@code cellBudgetMs} (never fewer than one warm-up or than the measurement iterations), and an operation
 * longer than {@code maxOpMs} is not run at all: its cell says so ({@link Jmh#notRun}) and {@code --profile full}
 * runs it. (CPython on the slowest peer interpreter takes minutes per operation: 16 shots of it would take hours.)
 *
 * <p>A cell whose error is above {@link #TARGET_ERROR} of its score is measured again, up to {@code attempts} times in
 * all, each time with {@link Jmh#longer()} settings (more and longer warm-up, more and longer iterations), as long as
 * the longer attempt's estimate fits {@code cellBudgetMs}; the last attempt is the cell's result (earlier ones are kept
 * in the run folder's {@code jmh-attempts/}). In the published quick run (2026-12-07) the wide errors came from
 * engines still changing speed during the measurement — a JIT tier or OSR arriving after the 3 warm-ups
 * (aot-naive × richards 120 → 67 ms at iteration 5; switch × py_pystone compile 1,048 → 146 ms), instantiation
 * reaching C2 after 6 iterations (60 → 3 ms) — rather than from steady-state jitter, so a longer warm-up is the
 * remedy (Georges, Buytaert and Eeckhout, "Statistically Rigorous Java Performance Evaluation", OOPSLA 2007, §4:
 * measure steady state only once the JIT has settled). A cell whose last run had a wide error
 * ({@link OpTimes#relativeError}) starts at the longer settings. Instantiation and compile start with 7 warm-ups of
 * ≥ 0.5 s (3.5 s): at the earlier 2 × 0.25 s, 127 of their 130 cells in the published quick run were wide, and on
 * 2026-12-08 (aot, switch × nbody) their iterations settled only after 1.5–2.7 s (instantiation 0.5 → 0.015 ms,
 * aot's compile 22 → 9.5 ms), while the 4 attempts at 7 × 0.5 s were all within 5 %. The time estimate counts the
 * probable re-runs ({@link Retries}).
 *
 * @param run settings of the full-run benchmark; {@code other}: of instantiation and compile
 * @param referenceRuns timed whole-process runs per reference cell
 * @param jfr whether the JFR pass is on by default; {@code jfrWarmup}, {@code jfrSeconds}: its seconds per cell
 */
public enum Profile {
    QUICK(new Settings(1, 3, 8, 750, 5, 1000, 180_000, 45_000, 3), new Settings(1, 7, 8, 500, 5, 1000, 120_000, 45_000, 3), 5, false, 2, 5),
    FULL(new Settings(3, 5, 10, 1000, 10, 2000, Long.MAX_VALUE, Long.MAX_VALUE, 2),
         new Settings(3, 3, 10, 500, 10, 2000, Long.MAX_VALUE, Long.MAX_VALUE, 2), 10, true, 5, 20),
    SMOKE(new Settings(1, 0, 2, 100, 1, 100_000, Long.MAX_VALUE, Long.MAX_VALUE, 1),
          new Settings(1, 0, 2, 100, 1, 100_000, Long.MAX_VALUE, Long.MAX_VALUE, 1), 1, false, 0, 1);

    /**
     * The relative error (99.9 % half-width ÷ score) a cell aims at: above it, a cell is measured again with
     * {@link Jmh#longer()} settings while its profile allows more attempts and they fit its budget.
     */
    public static final double TARGET_ERROR = 0.10;

    public final Settings run;
    public final Settings other;
    public final int referenceRuns;
    public final boolean jfr;
    public final int jfrWarmup;
    public final int jfrSeconds;

    Profile(Settings run, Settings other, int referenceRuns, boolean jfr, int jfrWarmup, int jfrSeconds) {
        this.run = run;
        this.other = other;
        this.referenceRuns = referenceRuns;
        this.jfr = jfr;
        this.jfrWarmup = jfrWarmup;
        this.jfrSeconds = jfrSeconds;
    }

    /** @return the profile named {@code name} (quick, full, smoke) @throws IllegalArgumentException otherwise */
    public static Profile of(String name) {
        for (Profile p : values()) if (p.label().equals(name)) return p;
        throw new IllegalArgumentException("--profile must be quick or full, not '" + name + "'");
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** @return the settings of benchmark {@code b} */
    public Settings of(Bench b) { return b == Bench.RUN ? run : other; }

    /**
     * One benchmark's JMH settings before adapting to a measured operation time.
     * @param forks JMH forks; {@code warmups}, {@code iterations}: warm-up and measurement iterations
     * @param minIterationMs shortest iteration (ms)
     * @param minOpsPerIteration operations an average-time iteration holds at least
     * @param singleShotAboveMs operations longer than this (ms) are measured one per iteration (single shot)
     * @param cellBudgetMs single-shot cells drop warm-up shots (down to one) to stay near this many ms per fork
     * @param maxOpMs operations longer than this (ms) are not run ({@link Jmh#notRun}); Long.MAX_VALUE: no limit
     * @param attempts most JMH invocations of one cell (1: never measured again; see {@link Profile#TARGET_ERROR})
     */
    public record Settings(int forks, int warmups, int iterations, long minIterationMs, int minOpsPerIteration,
                           long singleShotAboveMs, long cellBudgetMs, long maxOpMs, int attempts) {
        /**
         * @param s the settings of one attempt of a cell ({@link Jmh#attempt}, 1-based)
         * @param relativeError that attempt's error ÷ score (NaN: no result or no error)
         * @return the next attempt's settings when {@code relativeError} is above {@link Profile#TARGET_ERROR}, more
         *         attempts are allowed and the longer settings fit {@code cellBudgetMs} (per fork); else null
         */
        public Jmh retry(Jmh s, double relativeError) {
            if (!(relativeError > TARGET_ERROR) || s.attempt() >= attempts || s.notRun() != null) return null;
            Jmh next = s.longer();
            return next.estimateMs() / Math.max(1, next.forks()) <= cellBudgetMs ? next : null;
        }

        /**
         * @param opMs measured milliseconds of one operation, or NaN when unknown (then the minimum length)
         * @return the JMH settings for that operation time
         */
        public Jmh adaptTo(double opMs) {
            if (opMs > maxOpMs) {   // NaN > x is false: an unknown time runs
                return new Jmh(forks, 0, 0, 0, true, opMs, String.format(Locale.ROOT, "not run: one operation takes about %.0f s,"
                        + " over the %d s limit of this profile (--profile full runs it)", opMs / 1000, maxOpMs / 1000));
            }
            if (Double.isFinite(opMs) && opMs > singleShotAboveMs) {
                // 3 more warm-up shots: a measured time may be a cold one (a JIT engine's first runs are its slowest);
                // fewer when the cell would exceed its budget (2 setup runs + warm-ups + iterations shots)
                int warm = warmups + 3;
                long fit = (long) (cellBudgetMs / opMs) - 2 - iterations;
                if (warm > fit) warm = (int) Math.max(1, fit);
                return new Jmh(forks, warm, iterations, 0, true, opMs, null);
            }
            long len = minIterationMs;
            if (Double.isFinite(opMs)) len = Math.max(len, (long) Math.ceil(opMs * minOpsPerIteration / 100.0) * 100);
            return new Jmh(forks, warmups, iterations, len, false, opMs, null);
        }
    }

    /**
     * Settings of one JMH invocation.
     * @param iterationMs length of a warm-up or measurement iteration (ms; 0 in single-shot mode)
     * @param singleShot JMH's SingleShotTime mode: one operation per iteration
     * @param opMs the measured operation time these settings were made for (NaN when unknown)
     * @param notRun null when the cell runs; else why it does not (its table cell shows this reason)
     * @param setupMs the trial setup's measured work per fork beyond the operation itself (ms): the compile, and for
     *        the instantiation benchmark the checked run of the whole program; 0 when unknown
     * @param attempt which attempt at the cell these settings are (1: the first; {@link #longer()} adds one)
     */
    public record Jmh(int forks, int warmups, int iterations, long iterationMs, boolean singleShot, double opMs, String notRun,
                      long setupMs, int attempt) {
        /** Fixed cost per fork: JVM start, decoding and validation (ms). */
        static final long FORK_OVERHEAD_MS = 3000;

        public Jmh(int forks, int warmups, int iterations, long iterationMs, boolean singleShot, double opMs, String notRun) {
            this(forks, warmups, iterations, iterationMs, singleShot, opMs, notRun, 0, 1);
        }

        /** @return the expected wall-clock time of this invocation (ms) */
        public long estimateMs() {
            if (notRun != null) return 0;
            double op = Double.isFinite(opMs) ? opMs : 0;
            double perIteration = singleShot ? op : Math.max(iterationMs, op);
            return forks * (FORK_OVERHEAD_MS + setupMs + 2 * (long) op + (long) ((warmups + iterations) * perIteration));
        }

        /**
         * @return the settings of a cell's next attempt: average time: 2 × warm-ups + 3, 1.5 × iterations, iterations
         *         twice as long; single shot: twice the warm-up shots (at least 3 more), 1.5 × the measured shots
         */
        public Jmh longer() {
            int more = iterations + Math.max(1, iterations / 2);
            if (singleShot) return new Jmh(forks, warmups + Math.max(3, warmups), more, 0, true, opMs, notRun, setupMs, attempt + 1);
            return new Jmh(forks, 2 * warmups + 3, more, iterationMs * 2, false, opMs, notRun, setupMs, attempt + 1);
        }

        /** @return the same settings with {@code f} forks (a shard runs one fork of a cell) */
        public Jmh withForks(int f) { return new Jmh(f, warmups, iterations, iterationMs, singleShot, opMs, notRun, setupMs, attempt); }

        /** @return the same settings with the trial setup's cost {@code ms}, and not run when {@code reason} is non-null */
        public Jmh withSetup(long ms, String reason) {
            return new Jmh(forks, warmups, iterations, iterationMs, singleShot, opMs, reason != null ? reason : notRun, ms, attempt);
        }
    }
}
