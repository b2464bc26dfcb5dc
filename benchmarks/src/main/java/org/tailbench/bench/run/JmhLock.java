package org.tailbench.bench.run;

import java.util.Collection;
import java.util.function.Consumer;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * JMH's machine-wide lock ({@code $TMPDIR/jmh.lock}, taken by every JMH {@link Runner}): two benchmarks at once
 * would spoil each other's numbers, so instead of failing when another JMH run holds it, tailbench waits.
 * Used by {@code tailbench bench} and the micro-benchmarks' {@code MicroReport}.
 */
public final class JmhLock {
    private JmhLock() {}

    /** Default wait: 30 minutes, or {@code TAILBENCH_JMH_LOCK_WAIT} seconds. */
    public static long defaultWaitSeconds() {
        String s = System.getenv("TAILBENCH_JMH_LOCK_WAIT");
        try {
            return s == null || s.isBlank() ? 1800 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 1800;
        }
    }

    /** @return whether {@code e} is JMH refusing to start because another JMH run holds its lock */
    public static boolean isLockBusy(Throwable e) {
        return e instanceof RunnerException && String.valueOf(e.getMessage()).contains("JMH lock");
    }

    /**
     * Runs {@code options}, waiting (polling every 10 s, at most {@code waitSeconds} in all) while another JMH
     * run holds the lock; {@code say} hears once that it waits.
     * @throws RunnerException when JMH fails otherwise, or the wait ran out
     */
    public static Collection<RunResult> run(Options options, long waitSeconds, Consumer<String> say) throws RunnerException {
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        boolean told = false;
        while (true) {
            try {
                return new Runner(options).run();
            } catch (RunnerException e) {
                if (!isLockBusy(e) || System.nanoTime() > deadline) throw e;
                if (!told) say.accept("another JMH run holds " + System.getProperty("java.io.tmpdir") + "/jmh.lock; waiting for it (up to "
                        + waitSeconds + " s)");
                told = true;
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
