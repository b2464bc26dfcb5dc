package org.tailbench.charts.workbench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tailbench.charts.AtomicFiles;

/**
 * What {@code tailbench tune} measured and decided, as data: its {@code report.json} (issue 17, "Verify"), from which
 * {@code report.md} ({@link TuneMarkdown#report}), the gains chart ({@link TuneChart}) and the page's "Tuning" section
 * ({@link TunePages}) are all made. Times in ms/op (JMH {@code WorkloadBenchmark.run}, avgt); errors are 99.9 %
 * confidence half-widths; gains are {@code untuned ÷ tuned − 1} as fractions (0.15 = 15 % faster); an unknown number
 * (a failed measurement, no error estimate) is null.
 *
 * @param format      {@value #FORMAT}
 * @param version     schema version, {@value #VERSION}
 * @param engine      the tuned engine (aot, aot-naive, switch)
 * @param date        ISO-8601 UTC time the report was written
 * @param command     the command line as typed ({@code tailbench tune ...})
 * @param cores       available processors of the machine
 * @param training    training workloads (profiled and measured)
 * @param holdout     held-out workloads (measured only)
 * @param size        catalog size measured
 * @param profileSize catalog size of the profiling runs
 * @param measurement the JMH settings, one sentence
 * @param loadBefore  1, 5, 15 minute load averages before profiling
 * @param loadAfter   the same after the last measurement
 * @param rule        the rule with its parameters, one line
 * @param ruleSource  where the rule is written down, e.g. {@code engines/aot/README.md, "Tuning"}
 * @param ruleText    what the rule does to the code (markdown paragraph)
 * @param evidence    the profile evidence (markdown blocks, one per training profile or one for all)
 * @param kinds       every decision kind the rule produced, in order
 * @param kept        the kinds kept in {@code tuning.json}
 * @param finalVariant the variant whose kinds are exactly the kept ones (the one the goal is checked on), or null
 * @param variants    every measured variant, {@code untuned} first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TuneResult(String format, int version, String engine, String date, String command, int cores,
                         List<String> training, List<String> holdout, String size, String profileSize, String measurement,
                         String loadBefore, String loadAfter, String rule, String ruleSource, String ruleText, List<Evidence> evidence,
                         List<String> kinds, List<String> kept, String finalVariant, List<Variant> variants) {
    public static final String FORMAT = "tailbench-tune-report";
    public static final int VERSION = 1;
    /** File name in the tune output folder. */
    public static final String FILE = "report.json";
    /** File name (without extension) of the gains chart in the tune output folder. */
    public static final String CHART = "gains";

    public TuneResult {
        holdout = holdout == null ? List.of() : holdout;
        evidence = evidence == null ? List.of() : evidence;
        kinds = kinds == null ? List.of() : kinds;
        kept = kept == null ? List.of() : kept;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A block of profile evidence. @param heading its sub-heading (e.g. the workload), or null; @param markdown its text and tables */
    public record Evidence(String heading, String markdown) {}

    /**
     * One measured configuration.
     * @param name      {@code untuned}, {@code only-<kind>} or {@code all}
     * @param kinds     the decision kinds it applies
     * @param decisions how many decisions it applies
     * @param scores    workload → time
     * @param verdict   its effect against untuned (null for untuned)
     */
    public record Variant(String name, List<String> kinds, int decisions, Map<String, Score> scores, Verdict verdict) {}

    /** One workload's time: @param ms score in ms/op; @param error its 99.9 % half-width; @param failure why there is none, or null */
    public record Score(Double ms, Double error, String failure) {
        public static Score of(double ms, double error, String failure) {
            return new Score(Double.isNaN(ms) ? null : ms, Double.isNaN(error) ? null : error, failure);
        }

        public boolean ok() { return failure == null && ms != null; }

        /** @return error ÷ score, or NaN when unknown */
        public double relError() { return ok() && error != null && ms != 0 ? error / ms : Double.NaN; }

        public String text() {
            if (!ok()) return "failed: " + failure;
            return error == null ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.2f ± %.2f", ms, error);
        }
    }

    /** A gain and its error (fractions; null when unknown). */
    public record Gain(Double gain, Double error) {
        public static Gain of(double gain, double error) { return new Gain(Double.isNaN(gain) ? null : gain, Double.isNaN(error) ? null : error); }

        /** @return e.g. {@code +12.3 % ± 4.5 %}, or {@code n/a} */
        public String text() {
            if (gain == null) return "n/a";
            return error == null ? String.format(Locale.ROOT, "%+.1f %%", 100 * gain)
                    : String.format(Locale.ROOT, "%+.1f %% ± %.1f %%", 100 * gain, 100 * error);
        }
    }

    /**
     * @param train   the mean gain over the training workloads and its error
     * @param gains   workload → gain (training and held out)
     * @param keep    whether the variant's kinds are kept
     * @param reason  why (e.g. "no measurable gain (the gain is inside the error)")
     */
    public record Verdict(Gain train, Map<String, Gain> gains, boolean keep, String reason) {}

    /** @return the variant named {@code name}, or null */
    public Variant variant(String name) {
        for (Variant v : variants) if (v.name().equals(name)) return v;
        return null;
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Path file) throws IOException { AtomicFiles.write(file, toJson()); }

    /** @return whether {@code file} exists and says it is a tune report (its {@code format}) */
    static boolean isTuneReport(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try {
            return FORMAT.equals(MAPPER.readTree(file.toFile()).path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads a {@code report.json}.
     * @throws IOException naming the file when it cannot be read, is not a tune report of a known version, or lacks
     *                     the engine, the workloads or the variants
     */
    public static TuneResult read(Path file) throws IOException {
        TuneResult r;
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            if (n == null || !FORMAT.equals(n.path("format").asText())) throw new IOException(file + ": not a tune report (format is not \"" + FORMAT + "\")");
            if (n.path("version").asInt(-1) < 1 || n.path("version").asInt() > VERSION) {
                throw new IOException(file + ": tune report version " + n.path("version") + ", this build reads version " + VERSION);
            }
            r = MAPPER.treeToValue(n, TuneResult.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid tune report: " + e.getOriginalMessage(), e);
        }
        if (r.engine() == null || r.training() == null || r.training().isEmpty() || r.variants() == null || r.variant("untuned") == null) {
            throw new IOException(file + ": a tune report needs \"engine\", \"training\" and the \"untuned\" variant");
        }
        return r;
    }
}
