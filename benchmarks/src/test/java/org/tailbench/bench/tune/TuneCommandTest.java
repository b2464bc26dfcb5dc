package org.tailbench.bench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.tune.TuningFile;
import org.tailbench.charts.workbench.TuneResult;
import picocli.CommandLine;

/**
 * {@code tailbench tune}: bad usage, and one tiny real run (pyvm_tailcall at size smoke, 1 fork × 1 + 2 iterations of
 * 100 ms: its numbers mean nothing; it checks the steps and files). Another JMH run on the machine makes it wait for
 * /tmp/jmh.lock.
 */
class TuneCommandTest {
    record Result(int code, String out, String err) {}

    static Result tune(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new CommandLine(new TuneCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The top-level command, as engines/cli's Main has it: {@code tune} is a subcommand. */
    @CommandLine.Command(name = "tailbench")
    static final class Root {}

    /** Runs {@code tailbench tune ARGS} through a top-level command line, as {@code ./tailbench} does. */
    static Result tailbench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        CommandLine root = new CommandLine(new Root());
        org.tailbench.bench.run.BenchCommands.register(root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = root.execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badUsageIsRefused(@TempDir Path dir) {
        Result r = tune("--engine", "threaded", "--workloads", "nbody", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("tune supports aot, aot-naive, native, native-naive and switch").contains("threaded has no decision rule");
        r = tune("--workloads", "nosuch", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown workload \"nosuch\"");
        r = tune("--workloads", "nbody", "--holdout", "nbody", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("both trained on and held out");
        r = tune("--workloads", "nbody", "--min-share", "0", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("minShare");
        r = tune("--engine", "switch", "--workloads", "nbody", "--min-pattern-share", "2", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("superinstruction rule");
        r = tune("--workloads", "nbody", "--measured-in", dir.resolve("nope").toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--measured-in").contains("no such folder");
    }

    @Test
    void aTinySwitchRunDecidesSuperinstructionsForEveryModule(@TempDir Path dir) throws Exception {
        Result r = tune("--engine", "switch", "--workloads", "pyvm_switch", "--holdout", "nbody", "--size", "smoke", "--profile-size", "smoke",
                "--max-superinstructions", "4", "--forks", "1", "--warmups", "1", "--iterations", "2", "--iteration-ms", "100",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TuningFile candidate = TuningFile.read(dir.resolve("candidate.json"));
        assertThat(candidate.modules()).isEmpty();   // superinstructions are not per module
        assertThat(candidate.interp().superinstructions()).hasSizeBetween(1, 4)
                .allMatch(x -> x.evidence().count() > 0 && x.evidence().share() >= 0.005);
        TuningFile.read(dir.resolve("tuning.json"));
        String report = Files.readString(dir.resolve("report.md"));
        assertThat(report).contains("## Rule (engines/interp/README.md").contains("| superinstruction | kind |")
                .contains("| untuned |").contains("| all |").contains("nbody (held out)").contains("Goal");
        assertThat(r.out()).contains("superinstruction ").contains("measuring untuned").contains("measuring all");
        TuneResult result = TuneResult.read(dir.resolve("report.json"));
        assertThat(result.variants()).extracting(TuneResult.Variant::name).startsWith("untuned").endsWith("all");
        assertThat(result.variant("all").decisions()).isEqualTo(candidate.interp().superinstructions().size());
        assertThat(dir.resolve("gains.png")).isRegularFile();
        assertThat(dir.resolve("index.html")).content().contains("Tuning: switch").contains("Effect per decision kind")
                .doesNotContain(dir.toAbsolutePath().toString());

        // --measured-in: the same report from the JMH files alone (read from JSON, not from JMH's in-memory results)
        Path again = dir.resolve("again");
        Result m = tailbench("tune", "--engine", "switch", "--workloads", "pyvm_switch", "--holdout", "nbody", "--size", "smoke", "--profile-size", "smoke",
                "--max-superinstructions", "4", "--forks", "1", "--warmups", "1", "--iterations", "2", "--iteration-ms", "100",
                "--measured-in", dir.toString(), "--out", again.toString());
        assertThat(m.code()).as(m.err()).isZero();
        assertThat(m.out()).contains("reading untuned from").doesNotContain("measuring");
        TuneResult read = TuneResult.read(again.resolve("report.json"));
        for (TuneResult.Variant v : result.variants()) {   // JMH's JSON rounds each iteration to 6 decimals
            v.scores().forEach((w, sc) -> {
                TuneResult.Score again2 = read.variant(v.name()).scores().get(w);
                if (sc.ok()) assertThat(again2.ms()).as(v.name() + " " + w).isCloseTo(sc.ms(), withinPercentage(1e-3));
                else assertThat(again2.ok()).isFalse();
            });
            if (v.verdict() != null) assertThat(read.variant(v.name()).verdict().keep()).as(v.name()).isEqualTo(v.verdict().keep());
        }
        assertThat(read.kept()).isEqualTo(result.kept());
        assertThat(result.command()).isEqualTo("tailbench tune --engine switch --workloads pyvm_switch --holdout nbody --size smoke"
                + " --profile-size smoke --max-superinstructions 4 --forks 1 --warmups 1 --iterations 2 --iteration-ms 100 --out " + dir);
        assertThat(read.command()).startsWith("tailbench tune --engine switch --workloads pyvm_switch --holdout nbody")
                .contains(" --measured-in " + dir + " --out " + again);
        assertThat(read.measurement()).isEqualTo(result.measurement());   // the settings come from the JMH files
        assertThat(again.resolve("jmh-untuned.log")).isRegularFile();
        Result other = tune("--engine", "switch", "--workloads", "pyvm_switch", "--size", "smoke", "--max-superinstructions", "2",
                "--measured-in", dir.toString(), "--out", dir.resolve("other").toString());
        assertThat(other.code()).isEqualTo(1);
        assertThat(other.err()).contains("--measured-in: the decisions differ from");
    }

    @Test
    void theNativeFamilyWritesAotsDecisionsToTheNativeSectionAndForksGetItsProperty(@TempDir Path dir) throws Exception {
        assertThat(Family.of("native")).isEqualTo("native");
        assertThat(Family.of("native-naive")).isEqualTo("native");
        TrainingProfile p = TrainingProfile.run(org.tailbench.workloads.WorkloadCatalog.load().get("pyvm_tailcall"),
                org.tailbench.workloads.Workload.SMOKE, new org.tailbench.tune.Devirtualization.Rule(1, 0.01, 4, 10_000));
        assertThat(p.decisions()).isNotEmpty();
        Family.Aot aot = new Family.Aot(List.of(p), org.tailbench.tune.Devirtualization.Rule.DEFAULT);
        Family.Native nat = new Family.Native(List.of(p), org.tailbench.tune.Devirtualization.Rule.DEFAULT);
        assertThat(nat.kinds()).isEqualTo(aot.kinds());
        assertThat(nat.size()).isEqualTo(aot.size()).isEqualTo(p.decisions().size());
        assertThat(nat.rule()).isEqualTo(aot.rule());
        Path file = dir.resolve("native.json");
        nat.file(nat.kinds(), "test").write(file);
        TuningFile read = TuningFile.read(file);
        assertThat(read.modules()).singleElement().satisfies(e -> {
            assertThat(e.aot()).isNull();
            assertThat(e.nativ().devirtualize()).isEqualTo(p.decisions());
            assertThat(e.sha256()).isEqualTo(TuningFile.sha256(p.module().module().bytes));
        });
        assertThat(aot.file(aot.kinds(), "test").modules().get(0).aot().devirtualize()).isEqualTo(p.decisions());
        assertThat(nat.file(java.util.Set.of("call_indirect"), "test").modules()).allSatisfy(e ->
                assertThat(e.nativ().devirtualize()).allMatch(d -> d.op().equals("call_indirect")));
        assertThat(nat.jvmArgs(file)).containsExactly("-Dtailbench.native.tuning=" + file.toAbsolutePath());
        assertThat(Files.readString(file)).contains("\"native\" : {").doesNotContain("\"nativ\"");
    }

    @Test
    void aTinyRealRunWritesProfilesDecisionsMeasurementsAndTheReport(@TempDir Path dir) throws Exception {
        Result r = tune("--engine", "aot", "--workloads", "pyvm_tailcall", "--size", "smoke", "--profile-size", "smoke",
                "--forks", "1", "--warmups", "1", "--iterations", "2", "--iteration-ms", "100", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("profiles/pyvm_tailcall.json")).content().contains("\"indirect\":[{\"offset\"");
        TuningFile candidate = TuningFile.read(dir.resolve("candidate.json"));
        assertThat(candidate.modules()).hasSize(1);
        assertThat(candidate.modules().get(0).aot().devirtualize()).isNotEmpty()
                .allMatch(d -> d.op().equals("return_call_indirect") || d.op().equals("call_indirect"));
        TuningFile.read(dir.resolve("tuning.json"));   // valid, whatever was kept
        String report = Files.readString(dir.resolve("report.md"));
        assertThat(report).contains("## Rule").contains("## Profile evidence").contains("| untuned |").contains("| all |")
                .contains("## Effect per decision kind").contains("Goal");
        assertThat(r.out()).contains("profiling pyvm_tailcall").contains("measuring untuned").contains("measuring all");
        assertThat(TuneResult.read(dir.resolve("report.json")).evidence()).extracting(TuneResult.Evidence::heading).containsExactly("pyvm_tailcall");
        assertThat(dir.resolve("index.html")).content().contains("Tuning: aot").contains("Profile evidence");
    }

    /** Rounds alternate the variants' order (A-B-B-A), so that over two rounds each variant has the same mean position in time. */
    @Test
    void evenRoundsRunTheVariantsInReverse() {
        java.util.List<String> v = java.util.List.of("untuned", "only-pairs", "only-triples", "all");
        assertThat(TuneCommand.roundOrder(v, 1)).containsExactly("untuned", "only-pairs", "only-triples", "all");
        assertThat(TuneCommand.roundOrder(v, 2)).containsExactly("all", "only-triples", "only-pairs", "untuned");
        assertThat(TuneCommand.roundOrder(v, 3)).containsExactly("untuned", "only-pairs", "only-triples", "all");
        // mean position (0-based) over rounds 1 and 2 is the same for every variant: (i + (n - 1 - i)) / 2
        for (String x : v) {
            double mean = (TuneCommand.roundOrder(v, 1).indexOf(x) + TuneCommand.roundOrder(v, 2).indexOf(x)) / 2.0;
            assertThat(mean).isEqualTo(1.5);
        }
    }
}
