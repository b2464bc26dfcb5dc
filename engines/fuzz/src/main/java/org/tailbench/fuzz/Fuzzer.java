package org.tailbench.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fuzz loop: {@link FuzzOptions#workers} parent threads, each with its own {@link WorkerClient}, take
 * case numbers from one counter, generate the case ({@link FuzzCase}), run it on every engine in the worker,
 * and judge it ({@link Verdict}). A verdict involving a timeout is re-run with five times the limit before it
 * counts. The first case of each finding signature is minimized ({@link Shrinker}) and written by
 * {@link FindingWriter}; later ones are only counted. Prints a progress line every
 * {@link FuzzOptions#progressSeconds}, and returns (and writes) the {@link Summary}.
 */
public final class Fuzzer {
    private final FuzzOptions o;
    private final PrintStream log;
    private final boolean[] peer;
    private final FindingWriter writer;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> findings = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> peerDisagreements = new ConcurrentHashMap<>();
    private final Map<String, String> findingIds = new ConcurrentHashMap<>();
    private final LongAdder workerStarts = new LongAdder();
    private final LongAdder wabtChecked = new LongAdder();
    private final Wabt wabt;
    private volatile boolean stop;

    public Fuzzer(FuzzOptions o, PrintStream log) {
        this.o = o;
        this.log = log;
        this.peer = FuzzOptions.peers(o.engines());
        this.writer = new FindingWriter(o);
        this.wabt = o.wabtEvery() > 0 ? Wabt.find() : null;
        if (o.wabtEvery() > 0 && wabt == null) log.println("wasm-validate (wabt) not found on PATH: no validator comparison");
    }

    /** The run's totals, as printed and written to {@code summary.json}. */
    public record Summary(long seed, long cases, double seconds, double casesPerMinute, List<String> engines,
                          Map<String, Long> outcomes, Map<String, Object> findings, Map<String, Object> peerDisagreements,
                          long wabtChecked, long workerStarts, String out) {}

    /** Runs the fuzz loop to its budget and returns the summary (also written atomically as out/summary.json). */
    public Summary run() {
        long t0 = System.nanoTime();
        long end = o.cases() >= 0 ? Long.MAX_VALUE : t0 + (long) (o.minutes() * 60e9);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < o.workers(); w++) {
            int id = w;
            Thread t = new Thread(() -> loop(id, end), "fuzz-parent-" + w);
            threads.add(t);
            t.start();
        }
        long lastPrint = System.nanoTime();
        try {
            for (Thread t : threads) {
                while (t.isAlive()) {
                    t.join(500);
                    if (System.nanoTime() - lastPrint > o.progressSeconds() * 1e9) {
                        log.println(progressLine(t0));
                        lastPrint = System.nanoTime();
                    }
                }
            }
        } catch (InterruptedException e) {
            stop = true;
            Thread.currentThread().interrupt();
        }
        Summary s = summary(t0);
        log.println(progressLine(t0));
        writer.writeSummary(s);
        return s;
    }

    /** Asks the loop to finish the cases in flight and stop (e.g. from a shutdown hook). */
    public void requestStop() { stop = true; }

    private void loop(int id, long end) {
        try (WorkerClient w = new WorkerClient(o.out().resolve("workers").resolve("worker-" + id + ".log"), o.workerJvmArgs())) {
            while (!stop && System.nanoTime() < end) {
                long i = next.getAndIncrement();
                if (o.cases() >= 0 && i >= o.cases()) break;
                FuzzCase c = FuzzCase.generate(o.seed(), i, o.seeds());
                long t = System.nanoTime();
                Evaluation ev = evaluate(w, c.bytes());
                long ms = (System.nanoTime() - t) / 1_000_000;
                if (ms > 10_000) log.println("slow case " + i + ": " + ms + " ms (" + c.seedName() + " " + c.mutations() + ")");
                count(ev.steps());
                if (wabt != null && i % o.wabtEvery() == 0) checkWabt(c, ev);
                if (ev.verdict().finding() != null) onFinding(w, c, ev);
                for (String p : ev.verdict().peerDisagreements()) onPeerDisagreement(c, ev, p);
                done.incrementAndGet();
            }
            workerStarts.add(w.starts());
        }
    }

    /** A case's steps per engine and what they mean. */
    record Evaluation(List<List<String>> steps, Verdict verdict, long invokeLimitMillis) {}

    /** Runs {@code bytes} on every engine; a verdict with a timeout is re-run with 5× the limit. */
    Evaluation evaluate(WorkerClient w, byte[] bytes) {
        List<List<String>> steps = w.run(bytes, o.engines(), o.invokeLimitMillis(), o.compileLimitMillis());
        Verdict v = Verdict.of(o.engines(), peer, steps);
        if (v.timeout() && (v.finding() != null || !v.peerDisagreements().isEmpty())) {
            long longer = o.invokeLimitMillis() * 5;
            steps = w.run(bytes, o.engines(), longer, o.compileLimitMillis() * 2);
            return new Evaluation(steps, Verdict.of(o.engines(), peer, steps), longer);
        }
        return new Evaluation(steps, v, o.invokeLimitMillis());
    }

    private void onFinding(WorkerClient w, FuzzCase c, Evaluation ev) {
        String sig = ev.verdict().finding();
        LongAdder n = findings.computeIfAbsent(sig, k -> new LongAdder());
        n.increment();
        if (findingIds.putIfAbsent(sig, "pending") != null) return;
        byte[] small = c.bytes();
        int tests = 0;
        if (o.shrink()) {
            Shrinker sh = new Shrinker(b -> sig.equals(evaluate(w, b).verdict().finding()), 2000, 120_000);
            small = sh.shrink(c.bytes());
            tests = sh.tests();
        }
        Evaluation smallEv = evaluate(w, small);
        String id = writer.writeFinding("findings", sig, c, ev, small, smallEv, tests);
        findingIds.put(sig, id);
        log.println("FINDING " + id + ": " + sig);
        log.println("  replay: " + writer.replayCommand(writer.dir("findings", id).resolve("reproducer.wasm")));
    }

    private void onPeerDisagreement(FuzzCase c, Evaluation ev, String sig) {
        LongAdder n = peerDisagreements.computeIfAbsent(sig, k -> new LongAdder());
        n.increment();
        if (n.sum() == 1) writer.writeFinding("peer-disagreements", sig, c, ev, c.bytes(), ev, 0);
    }

    private void checkWabt(FuzzCase c, Evaluation ev) {
        wabtChecked.increment();
        String ours = ev.steps().get(0).get(0);
        boolean weAccept = !(ours.startsWith("malformed") || ours.startsWith("invalid") || ours.startsWith(Outcomes.CRASH + "decode"));
        Boolean theyAccept = wabt.accepts(c.bytes());
        if (theyAccept != null && theyAccept != weAccept) {
            onPeerDisagreement(c, ev, "peer wabt-validate: " + (theyAccept ? "accepts" : "rejects") + " where ours has " + Verdict.category(ours));
        }
    }

    private void count(List<List<String>> steps) {
        List<String> first = steps.get(0);
        String head = first.get(0);
        String kind = head.startsWith(Outcomes.CRASH) ? "crash" : Verdict.category(head);
        outcomes.computeIfAbsent(kind, k -> new LongAdder()).increment();
        for (String s : first) {
            if (s.startsWith("invoke")) outcomes.computeIfAbsent("invoke " + Verdict.category(s), k -> new LongAdder()).increment();
        }
    }

    private String progressLine(long t0) {
        double sec = (System.nanoTime() - t0) / 1e9;
        long n = done.get();
        StringBuilder sb = new StringBuilder(String.format("[%6.0fs] %d cases (%.0f/min), findings %d (%d kinds), peer disagreements %d |",
                sec, n, n / sec * 60, sum(findings), findings.size(), sum(peerDisagreements)));
        new TreeMap<>(outcomes).forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.sum()));
        return sb.toString();
    }

    private static long sum(Map<String, LongAdder> m) { return m.values().stream().mapToLong(LongAdder::sum).sum(); }

    private Summary summary(long t0) {
        double sec = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> oc = new TreeMap<>();
        outcomes.forEach((k, v) -> oc.put(k, v.sum()));
        Map<String, Object> fs = new LinkedHashMap<>();
        new TreeMap<>(findings).forEach((k, v) -> fs.put(k, Map.of("count", v.sum(), "id", findingIds.getOrDefault(k, ""))));
        Map<String, Object> ps = new LinkedHashMap<>();
        new TreeMap<>(peerDisagreements).forEach((k, v) -> ps.put(k, v.sum()));
        return new Summary(o.seed(), done.get(), sec, done.get() / sec * 60, o.engines(), oc, fs, ps, wabtChecked.sum(),
                workerStarts.sum(), o.out().toString());
    }

    private static boolean validWithCode(byte[] b) {
        try {
            return !org.tailbench.wasm.validate.ValidatedModule.of(b).module().functions.isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Loads the {@code .wasm} files directly in {@code dirs} (missing folders are skipped), sorted by name. */
    public static List<FuzzCase.Seed> loadSeeds(List<Path> dirs) {
        List<FuzzCase.Seed> seeds = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (var s = Files.list(d)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList()) {
                    byte[] b = Files.readAllBytes(p);
                    seeds.add(new FuzzCase.Seed(d.getFileName() + "/" + p.getFileName(), b, validWithCode(b)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }
}
