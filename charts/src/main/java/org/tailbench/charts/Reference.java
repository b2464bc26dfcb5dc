package org.tailbench.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One reference cell of {@code workloads/reference.sh}'s TSV: a workload timed outside JMH as whole
 * processes (native {@code gcc}/{@code clang} builds, node's WASI) or in one node process, over a few runs.
 * The statistics are robust ones, for few runs: median, min–max and the median absolute deviation.
 *
 * @param workload  row name
 * @param size      catalog size (a label for a user's module)
 * @param name      the reference, e.g. {@code native-gcc}, {@code node}, {@code node-inproc}
 * @param status    {@link Status}
 * @param runsMs    wall-clock milliseconds of each timed run (empty unless {@code OK}), each finite and {@code >= 0}
 * @param sha256    the checked stdout sha256 (may be empty)
 * @param detail    the tool, flags and timer; or why the cell is n/a or failed
 */
public record Reference(String workload, String size, String name, Status status, List<Double> runsMs,
                        String sha256, String detail) {

    /** A cell's outcome. */
    public enum Status {
        /** timed; the output matched before timing */
        OK("ok"),
        /** the reference cannot exist here (compiler or node missing, no source, cannot be built) */
        NOT_AVAILABLE("n/a"),
        /** wrong output or a failing run: not timed */
        FAILED("failed");

        final String label;

        Status(String label) { this.label = label; }

        static Status of(String label) {
            for (Status s : values()) if (s.label.equals(label)) return s;
            throw new IllegalArgumentException("status must be ok, n/a or failed, not \"" + label + "\"");
        }
    }

    /** Suffix of the references measured inside one process (no process start), e.g. {@code node-inproc}. */
    public static final String IN_PROCESS_SUFFIX = "-inproc";

    /** The reference every JMH engine is divided by. */
    public static final String NATIVE_GCC = "native-gcc";

    /** The reference a workload gcc cannot build is divided by instead (clang-19 -O2). */
    public static final String NATIVE_CLANG = "native-clang";

    /** The header line of the TSV, tab-separated. */
    public static final String TSV_HEADER = "workload\tsize\treference\tstatus\truns_ms\tsha256\tdetail";

    public Reference {
        runsMs = List.copyOf(runsMs);
        for (double v : runsMs) {
            if (!Double.isFinite(v) || v < 0) throw new IllegalArgumentException(workload + " " + name + ": bad run time " + v);
        }
        if (status == Status.OK && runsMs.isEmpty()) throw new IllegalArgumentException(workload + " " + name + ": ok without runs");
    }

    /** @return whether it was measured inside one process (its name ends with {@value #IN_PROCESS_SUFFIX}) */
    public boolean inProcess() { return name.endsWith(IN_PROCESS_SUFFIX); }

    /** @return the median run time, ms (mean of the middle two for an even count); NaN without runs */
    public double median() { return median(runsMs); }

    /**
     * The half-width of the 99.9% confidence interval of the mean run time (Student's t × sample standard deviation
     * / √n), as JMH computes its {@code scoreError}; NaN for fewer than 2 runs.
     */
    public double error() {
        int n = runsMs.size();
        if (n < 2) return Double.NaN;
        double mean = runsMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double ss = 0;
        for (double v : runsMs) ss += (v - mean) * (v - mean);
        return t999(n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }

    /** Student's t quantile 0.9995 (two-sided 99.9%) for {@code df} degrees of freedom, from the standard table (df > 30: 30's, slightly wide). */
    static double t999(int df) {
        double[] t = {636.619, 31.599, 12.924, 8.610, 6.869, 5.959, 5.408, 5.041, 4.781, 4.587, 4.437, 4.318, 4.221, 4.140,
                4.073, 4.015, 3.965, 3.922, 3.883, 3.850, 3.819, 3.792, 3.768, 3.745, 3.725, 3.707, 3.690, 3.674, 3.659, 3.646};
        return t[Math.min(df, t.length) - 1];
    }

    /** @return whether the cell is noisy by the JMH tables' rule: error above 5% of the median ({@code †}) */
    public boolean noisy() {
        double e = error();
        return !Double.isNaN(e) && e > MarkdownReport.NOISY * median();
    }

    /** @return the fastest run, ms; NaN without runs */
    public double min() { return runsMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN); }

    /** @return the slowest run, ms; NaN without runs */
    public double max() { return runsMs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN); }

    /** @return the median absolute deviation from the median, ms (unscaled); NaN without runs */
    public double mad() {
        double m = median();
        return median(runsMs.stream().map(v -> Math.abs(v - m)).toList());
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * Reads reference.sh's TSV ({@link #TSV_HEADER}, then one line per cell).
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and line when the header or a line is malformed
     */
    public static List<Reference> readTsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.getFirst().equals(TSV_HEADER)) {
            throw new IllegalArgumentException(file + ": not a reference.sh TSV (the first line must be the header \""
                    + TSV_HEADER.replace('\t', ' ') + "\")");
        }
        List<Reference> refs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            try {
                if (f.length != 7) throw new IllegalArgumentException("has " + f.length + " tab-separated fields, not 7");
                List<Double> runs = f[4].isBlank() ? List.of()
                        : Arrays.stream(f[4].strip().split("\\s+")).map(Double::parseDouble).toList();
                refs.add(new Reference(f[0], f[1], f[2], Status.of(f[3]), runs, f[5], f[6]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return refs;
    }

    /** @return {@code median (min–max)} with 3 significant digits of the median, e.g. {@code 14.7 (13.7–44.1)} */
    public String format() {
        int d = Math.max(Estimate.decimalsForSignificant(median(), 3), 0);
        return Estimate.fixed(median(), d) + " (" + Estimate.fixed(min(), d) + "–" + Estimate.fixed(max(), d) + ")";
    }

    /** @return {@code value} with 3 significant digits, for ratios (e.g. {@code 0.512}, {@code 12.3}) */
    static String ratio(double value) {
        return String.format(Locale.ROOT, "%." + Estimate.decimalsForSignificant(value, 3) + "f", value);
    }
}
