package org.tailbench.bench.run;

import java.util.function.Function;

/**
 * The expected time of one cell with its probable re-runs: a cell whose error is above {@link Profile#TARGET_ERROR}
 * is measured again with longer settings ({@link Profile.Settings#retry}), so an estimate of first attempts only falls
 * short (aot, switch × nbody on 2026-12-08: 1m16s estimated, 2m39s taken, 5 of 6 cells measured twice).
 *
 * <p>Attempt k+1 runs only when attempt k was wide, so the expected time is Σ_k P(attempts 1..k−1 all wide) ×
 * {@link Profile.Jmh#estimateMs()} of attempt k, over the attempts the profile allows within the cell's budget. The
 * chance that one attempt is wide:
 * <ol>
 *   <li><b>history</b>: this machine's last run of the same cell with the same settings (mode, warm-up and measurement
 *       iterations), from {@code results/latest}: its result in {@code jmh.json} and the wide attempts kept in
 *       {@code jmh-attempts/} ({@link OpTimes#wasWide}): 1 when it was wide, 0 when it was not (a cell's wide errors
 *       come mostly from its JIT settling late, which repeats run after run);</li>
 *   <li>else <b>assumed</b> from measured runs, each share by the rule of succession ((wide + 1) ÷ (cells + 2)):
 *       a first attempt of the full-run benchmark {@value #RUN_FIRST} (35 of 63 run cells wide in the published
 *       quick run, 2026-12-07), of instantiation or compile {@value #OTHER_FIRST} (0 of 4 wide at 7 warm-ups of
 *       0.5 s, 2026-12-08; the quick profile's first attempt since), any later attempt {@value #LATER} (0 of 5 second
 *       attempts wide, 2026-12-08).</li>
 * </ol>
 * An expected value: a small run whose one long cell is measured again, or not, lands far from it either way.
 */
final class Retries {
    private Retries() {}

    /** Assumed chance that a first attempt of the full-run benchmark is wide (see the class comment). */
    static final double RUN_FIRST = 0.55;
    /** Assumed chance that a first attempt of instantiation or compile is wide. */
    static final double OTHER_FIRST = 0.17;
    /** Assumed chance that a second or later attempt is wide. */
    static final double LATER = 0.14;

    /**
     * One cell's estimate.
     * @param ms expected milliseconds, re-runs included; {@code firstMs}: of its first attempt alone
     * @param fromHistory whether some attempt's chance came from this machine's last run (else all were assumed)
     */
    record Expected(long ms, long firstMs, boolean fromHistory) {
        /** @return the expected milliseconds of re-runs */
        long reRunsMs() { return ms - firstMs; }
    }

    /**
     * @param b the cell's benchmark; {@code ps} its profile's settings; {@code first} the settings it starts with
     * @param wide per attempt's settings: whether this machine's last run of the cell with those settings was wide
     *        (null: no such run)
     * @return the cell's expected time (0 when it is not run)
     */
    static Expected of(Bench b, Profile.Settings ps, Profile.Jmh first, Function<Profile.Jmh, Boolean> wide) {
        double reach = 1, ms = 0;
        boolean known = false;
        for (Profile.Jmh s = first; s != null && reach > 0; s = ps.retry(s, Double.POSITIVE_INFINITY)) {
            ms += reach * s.estimateMs();
            Boolean w = wide.apply(s);
            known |= w != null;
            reach *= w != null ? (w ? 1 : 0) : s.attempt() > 1 ? LATER : b == Bench.RUN ? RUN_FIRST : OTHER_FIRST;
        }
        return new Expected(Math.round(ms), first.estimateMs(), known);
    }
}
