package org.tailbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of the machine's CPU time processes <em>outside</em> this run used: the noise a benchmark run cannot
 * see in its own scores. The 1-minute load average cannot tell it: it counts the run's own benchmark JVM and its
 * JIT and GC threads too (a quiet 2-core run shows 1.3–1.9 throughout), and it lags a minute behind (the build
 * that {@code run-bench.sh} does just before the run shows as load at its start).
 *
 * <p>Linux only ({@code proc(5)}): the machine's busy time is {@code /proc/stat}'s first line (user + nice + system
 * + irq + softirq + steal, in clock ticks); this run's is {@code /proc/self/stat}'s utime + stime + cutime +
 * cstime, where cutime/cstime hold every child process this run waited for (JMH forks, the references'
 * shell and what it waited for, the calibration and JFR-pass JVMs). Sampled when no child is alive (before the
 * first and after the last child), the difference is the other processes' time. Elsewhere {@link #now} gives null.
 */
record OtherCpu(long machineBusy, long machineTotal, long own) {

    /** @return the counters now, or null where {@code /proc} cannot be read */
    static OtherCpu now() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0, idle = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {   // user nice system idle iowait irq softirq steal
                long v = Long.parseLong(cpu[i]);
                total += v;
                if (i == 4 || i == 5) idle += v;
            }
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] f = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");   // f[0] = field 3 (state)
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return new OtherCpu(total - idle, total, own);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param later a sample taken after this one, with no child of this run alive at either
     * @return the fraction (0..1) of the machine's CPU time between the two samples that other processes used,
     *         or NaN when unknown
     */
    double otherShare(OtherCpu later) {
        if (later == null) return Double.NaN;
        long total = later.machineTotal - machineTotal;
        if (total <= 0) return Double.NaN;
        long other = (later.machineBusy - machineBusy) - (later.own - own);
        return Math.max(0, Math.min(1, other / (double) total));
    }
}
