package org.tailbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link Jmh#settings}: the trial setup's measured cost (compile; for instantiation also the checked program run) is
 * part of a cell's estimate, and an instantiation cell whose program run is over the quick limit is not run.
 */
class JmhSettingsTest {
    @TempDir Path root;

    private Jmh jmh() {
        BenchCommand cmd = new BenchCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        new CommandLine(cmd).parseArgs("--root", root.toString(), "--profile", "quick");
        return new Jmh(cmd.config(), null, List.of());
    }

    private static OpTimes times(double runMs, double compileMs, double instantiateMs) {
        return new OpTimes(Map.of(OpTimes.key(Bench.RUN, "w", "e"), runMs, OpTimes.key(Bench.COMPILE, "w", "e"), compileMs,
                OpTimes.key(Bench.INSTANTIATE, "w", "e"), instantiateMs), "test");
    }

    @Test
    void instantiationOfAProgramWhoseRunIsOverTheLimitIsNotRun() {
        // a 60 s run: over the quick profile's 45 s limit, which the run cell itself reports too
        Profile.Jmh s = jmh().settings(new Plan.Unit(Bench.INSTANTIATE, "w", "e", 0), times(60_000, 2_000, 5));
        assertThat(s.notRun()).contains("trial setup checks the program's output with one run, about 60 s, over the 45 s limit");
        assertThat(s.estimateMs()).isZero();
        assertThat(jmh().settings(new Plan.Unit(Bench.RUN, "w", "e", 0), times(60_000, 2_000, 5)).notRun()).contains("not run");
        // compiling does not run the program: its cell still runs
        assertThat(jmh().settings(new Plan.Unit(Bench.COMPILE, "w", "e", 0), times(60_000, 2_000, 5)).notRun()).isNull();
    }

    @Test
    void theSetupsCompileAndCheckedRunAreInTheEstimate() {
        // instantiate, 5 ms per op: quick "other" settings give 7 + 8 iterations of 500 ms; setup = 2 s compile + 10 s run
        Profile.Jmh s = jmh().settings(new Plan.Unit(Bench.INSTANTIATE, "w", "e", 0), times(10_000, 2_000, 5));
        assertThat(s.notRun()).isNull();
        assertThat(s.setupMs()).isEqualTo(12_000);
        assertThat(s.estimateMs()).isEqualTo(Profile.QUICK.other.adaptTo(5).estimateMs() + 12_000);
        // the run benchmark's setup compiles (its checked run is already counted as a setup run of one op)
        assertThat(jmh().settings(new Plan.Unit(Bench.RUN, "w", "e", 0), times(10_000, 2_000, 5)).setupMs()).isEqualTo(2_000);
        // unknown times cost nothing extra
        assertThat(jmh().settings(new Plan.Unit(Bench.INSTANTIATE, "w", "e", 0), OpTimes.none()).setupMs()).isZero();
    }

    @Test
    void aCellWhoseLastRunHadAWideErrorStartsAtItsSecondAttempt() {
        Map<String, Double> ms = Map.of(OpTimes.key(Bench.RUN, "w", "e"), 60.0, OpTimes.key(Bench.RUN, "w2", "e"), 60.0);
        OpTimes t = new OpTimes(ms, Map.of(OpTimes.key(Bench.RUN, "w", "e"), 0.35, OpTimes.key(Bench.RUN, "w2", "e"), 0.04), "test");
        Profile.Jmh wide = jmh().settings(new Plan.Unit(Bench.RUN, "w", "e", 0), t);
        assertThat(wide.attempt()).isEqualTo(2);
        assertThat(wide.warmups()).isEqualTo(9);
        assertThat(wide.iterationMs()).isEqualTo(1500);
        Profile.Jmh narrow = jmh().settings(new Plan.Unit(Bench.RUN, "w2", "e", 0), t);
        assertThat(narrow.attempt()).isEqualTo(1);
        assertThat(narrow.warmups()).isEqualTo(3);
    }
}
