package org.tailbench.charts;

import java.util.Locale;

/**
 * A measured value with its error: {@code score ± error}, in one unit. For JMH results the error is JMH's
 * {@code scoreError}, the half-width of the 99.9% confidence interval (Student's t over all measurement
 * iterations of all forks); {@code NaN} when JMH could not compute one (fewer than two iterations).
 *
 * @param score the value (finite)
 * @param error the half-width, {@code >= 0}, or {@code NaN} when unknown
 */
public record Estimate(double score, double error) {
    public Estimate {
        if (!Double.isFinite(score)) throw new IllegalArgumentException("score must be finite: " + score);
        if (error < 0 || Double.isInfinite(error)) throw new IllegalArgumentException("error must be >= 0 or NaN: " + error);
    }

    /** @return whether an error estimate is present */
    public boolean hasError() { return !Double.isNaN(error); }

    /** @return error / |score|, or NaN when unknown or score is 0 */
    public double relativeError() { return score == 0 ? Double.NaN : error / Math.abs(score); }

    /**
     * {@code this / baseline} with first-order propagation of relative errors assumed independent:
     * {@code r = a/b}, {@code δr = |r|·sqrt((δa/a)² + (δb/b)²)}. The error is NaN when either error is unknown.
     * @throws IllegalArgumentException when the baseline score is 0
     */
    public Estimate ratioTo(Estimate baseline) {
        if (baseline.score == 0) throw new IllegalArgumentException("cannot divide by a baseline score of 0");
        double r = score / baseline.score;
        double ra = error / score;
        double rb = baseline.error / baseline.score;
        double err = Math.abs(r) * Math.sqrt(ra * ra + rb * rb);
        return new Estimate(r, err);
    }

    /**
     * Geometric mean of positive ratios with the error {@code G·sqrt(Σ(δr/r)²)/n} (first order, the ratios
     * assumed independent); NaN error when any ratio lacks one.
     * @return the mean, or null when {@code ratios} is empty
     */
    public static Estimate geometricMean(java.util.List<Estimate> ratios) {
        if (ratios.isEmpty()) return null;
        double sumLog = 0, sumRel2 = 0;
        for (Estimate r : ratios) {
            sumLog += Math.log(r.score());
            double rel = r.relativeError();
            sumRel2 += rel * rel;  // NaN (no error estimate) propagates to the mean's error
        }
        int n = ratios.size();
        double gm = Math.exp(sumLog / n);
        return new Estimate(gm, gm * Math.sqrt(sumRel2) / n);
    }

    /**
     * Formats as {@code "score ± error"} rounded to the error's second significant digit (e.g.
     * {@code 12.346 ± 0.012}, {@code 123 ± 45}); without an error, as the score with four significant
     * digits and {@code "± n/a"}.
     */
    public String format() {
        if (!hasError()) return fixed(score, decimalsForSignificant(score, 4)) + " ± n/a";
        if (error == 0) return fixed(score, decimalsForSignificant(score, 4)) + " ± 0";
        int decimals = decimalsForSignificant(error, 2);
        return fixed(score, decimals) + " ± " + fixed(error, decimals);
    }

    /** @return the number of decimals that show {@code digits} significant digits of {@code v} (0..9) */
    static int decimalsForSignificant(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) return 0;
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        return Math.max(0, Math.min(9, digits - 1 - exponent));
    }

    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
