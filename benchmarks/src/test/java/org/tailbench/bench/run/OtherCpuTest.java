package org.tailbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The busy-machine warning of results.md, decided by other processes' CPU share rather than the load average. */
class OtherCpuTest {

    @Test
    void otherShareIsTheMachinesBusyTimeMinusOursOverItsTotal() {
        OtherCpu a = new OtherCpu(1_000, 10_000, 400);
        // 2,000 ticks of wall over 2 CPUs = total +4,000; machine busy +2,500, of which ours +2,000: others 500 / 4,000
        OtherCpu b = new OtherCpu(3_500, 14_000, 2_400);
        assertThat(a.otherShare(b)).isEqualTo(0.125);
        assertThat(a.otherShare(null)).isNaN();
        assertThat(a.otherShare(a)).isNaN();   // no time passed
        // our children's ticks may land just after the machine's sample: never below 0
        assertThat(a.otherShare(new OtherCpu(1_100, 11_000, 600))).isZero();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void ourOwnCpuTimeIsNotCountedAsOthers() {
        OtherCpu before = OtherCpu.now();
        assertThat(before).isNotNull();
        long end = System.nanoTime() + 300_000_000L, x = 1;
        while (System.nanoTime() < end) x = x * 6364136223846793005L + 1;   // ~0.3 s of our own CPU
        OtherCpu after = OtherCpu.now();
        assertThat(x).isNotZero();
        assertThat(after.own() - before.own()).as("our own ticks grew (USER_HZ: >= 10 in 0.3 s)").isGreaterThanOrEqualTo(10);
        assertThat(after.machineBusy() - before.machineBusy()).isGreaterThanOrEqualTo(after.own() - before.own() - 2);
    }

    private static ObjectNode env(double start, double end, double max, Double other) {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        env.putObject("cpu").put("availableProcessors", 2);
        env.put("loadAverage1mAtStart", start).put("loadAverage1mAtEnd", end).put("loadAverage1mMax", max);
        if (other != null) env.put("otherProcessesCpuShare", other);
        return env;
    }

    @Test
    void aQuietRunWhoseOwnJvmsRaiseTheLoadAverageGetsNoWarning() {
        assertThat(Execution.loadWarning(env(1.51, 1.62, 1.93, 0.011))).isNull();
    }

    @Test
    void otherProcessesAboveAQuarterOfTheMachineGetAWarning() {
        assertThat(Execution.loadWarning(env(0.2, 0.3, 0.9, 0.40))).startsWith("Warning: the machine was busy")
                .contains("other processes used 40% of its CPU time");
    }

    @Test
    void withoutTheShareTheLoadAverageDecides() {
        assertThat(Execution.loadWarning(env(1.51, 1.62, 1.93, null))).contains("load average reached 1.93 on 2 CPUs");
        assertThat(Execution.loadWarning(env(0.2, 0.3, 0.9, null))).isNull();
    }
}
