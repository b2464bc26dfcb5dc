package org.tailbench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", TSE 2002)
 * over the module's structure: removes custom and other sections, export entries and other vector entries,
 * replaces function bodies by {@code unreachable}, removes functions, removes chunks of instructions in each body
 * (a removed run becomes one {@code unreachable}), and finally
 * chunks of raw bytes; every candidate is re-encoded with fixed-up sizes ({@link WasmBinary}) and kept when
 * {@code stillFails} holds (the same finding signature). Stops at a fixpoint or when the budget of tests runs out.
 */
public final class Shrinker {
    private final Predicate<byte[]> stillFails;
    private final int maxTests;
    private final long deadlineNanos;
    private int tests;

    /**
     * @param stillFails whether a candidate still shows the finding
     * @param maxTests at most this many calls of {@code stillFails}
     * @param maxMillis and at most this much wall-clock time
     */
    public Shrinker(Predicate<byte[]> stillFails, int maxTests, long maxMillis) {
        this.stillFails = stillFails;
        this.maxTests = maxTests;
        this.deadlineNanos = System.nanoTime() + maxMillis * 1_000_000L;
    }

    /** @return how many candidates were tested */
    public int tests() { return tests; }

    /** @return the smallest module found that still fails ({@code bytes} itself when nothing smaller does) */
    public byte[] shrink(byte[] bytes) {
        byte[] best = bytes;
        while (true) {
            int before = best.length;
            best = sections(best);
            best = entries(best);
            best = bodies(best);
            best = functions(best);
            best = instructions(best);
            if (best.length < 4096) best = rawBytes(best);
            if (best.length >= before || exhausted()) return best;
        }
    }

    private boolean exhausted() { return tests >= maxTests || System.nanoTime() > deadlineNanos; }

    private boolean test(byte[] candidate) {
        if (exhausted()) return false;
        tests++;
        return stillFails.test(candidate);
    }

    private byte[] sections(byte[] best) {
        WasmBinary m = WasmBinary.parse(best);
        if (m == null) return best;
        for (int i = m.sections.size() - 1; i >= 0 && !exhausted(); i--) {
            WasmBinary c = new WasmBinary(m.preamble, new ArrayList<>(m.sections));
            c.sections.remove(i);
            byte[] cb = c.encode();
            if (test(cb)) { m = c; best = cb; }
        }
        return best;
    }

    /** ddmin over the entries of each vector section the structure parser can delimit. */
    private byte[] entries(byte[] best) {
        WasmBinary m = WasmBinary.parse(best);
        if (m == null) return best;
        for (int si = 0; si < m.sections.size() && !exhausted(); si++) {
            WasmBinary.Section s = m.sections.get(si);
            if (s.id() == WasmBinary.CODE) continue; // bodies: handled with the function section's entries by validity
            List<int[]> es = WasmBinary.entries(s.id(), s.payload());
            if (es == null || es.isEmpty()) continue;
            final WasmBinary mm = m;
            final int idx = si;
            List<int[]> kept = ddmin(es, keep -> {
                WasmBinary c = new WasmBinary(mm.preamble, new ArrayList<>(mm.sections));
                c.sections.set(idx, new WasmBinary.Section(s.id(), WasmBinary.vectorOf(s.payload(), keep)));
                return test(c.encode());
            });
            if (kept.size() < es.size()) {
                m.sections.set(si, new WasmBinary.Section(s.id(), WasmBinary.vectorOf(s.payload(), kept)));
                best = m.encode();
            }
        }
        return best;
    }

    /** Replaces each function body by {@code unreachable} (valid for every function type). */
    private byte[] bodies(byte[] best) {
        WasmBinary m = WasmBinary.parse(best);
        if (m == null) return best;
        int ci = m.indexOf(WasmBinary.CODE);
        if (ci < 0) return best;
        List<byte[]> bodies = WasmBinary.codeBodies(m.sections.get(ci).payload());
        if (bodies == null) return best;
        byte[] trivial = {0x00, 0x00, 0x0B};
        for (int i = 0; i < bodies.size() && !exhausted(); i++) {
            if (bodies.get(i).length <= trivial.length) continue;
            List<byte[]> c = new ArrayList<>(bodies);
            c.set(i, trivial);
            byte[] cb = withCode(m, ci, c);
            if (test(cb)) { bodies = c; best = cb; }
        }
        return best;
    }

    /** ddmin over the defined functions: a function section entry and its code body go together. */
    private byte[] functions(byte[] best) {
        WasmBinary m = WasmBinary.parse(best);
        if (m == null) return best;
        int fi = m.indexOf(WasmBinary.FUNCTION), ci = m.indexOf(WasmBinary.CODE);
        if (fi < 0 || ci < 0) return best;
        byte[] fp = m.sections.get(fi).payload(), cp = m.sections.get(ci).payload();
        List<int[]> fes = WasmBinary.entries(WasmBinary.FUNCTION, fp), ces = WasmBinary.entries(WasmBinary.CODE, cp);
        if (fes == null || ces == null || fes.size() != ces.size() || fes.size() < 2) return best;
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < fes.size(); i++) idx.add(i);
        List<Integer> kept = ddmin(idx, keep -> test(withFunctions(m, fi, ci, fp, cp, fes, ces, keep)));
        return kept.size() < idx.size() ? withFunctions(m, fi, ci, fp, cp, fes, ces, kept) : best;
    }

    private static byte[] withFunctions(WasmBinary m, int fi, int ci, byte[] fp, byte[] cp, List<int[]> fes, List<int[]> ces, List<Integer> keep) {
        WasmBinary c = new WasmBinary(m.preamble, new ArrayList<>(m.sections));
        c.sections.set(fi, new WasmBinary.Section(WasmBinary.FUNCTION, WasmBinary.vectorOf(fp, keep.stream().map(fes::get).toList())));
        c.sections.set(ci, new WasmBinary.Section(WasmBinary.CODE, WasmBinary.vectorOf(cp, keep.stream().map(ces::get).toList())));
        return c.encode();
    }

    /** ddmin over each body's instructions (keeping its locals). */
    private byte[] instructions(byte[] best) {
        WasmBinary m = WasmBinary.parse(best);
        if (m == null) return best;
        int ci = m.indexOf(WasmBinary.CODE);
        if (ci < 0) return best;
        List<byte[]> bodies = WasmBinary.codeBodies(m.sections.get(ci).payload());
        if (bodies == null) return best;
        for (int bi = 0; bi < bodies.size() && !exhausted(); bi++) {
            byte[] body = bodies.get(bi);
            int codeStart = Instructions.codeStart(body);
            List<Instructions.Instr> is = Instructions.scan(body);
            if (codeStart < 0 || is.size() < 2) continue;
            final List<byte[]> cur = bodies;
            final int b = bi;
            List<Instructions.Instr> kept = ddmin(is, keep -> test(withCode(m, ci, replaced(cur, b, rebuild(body, codeStart, keep, is)))));
            if (kept.size() < is.size()) {
                bodies = replaced(bodies, bi, rebuild(body, codeStart, kept, is));
                best = withCode(m, ci, bodies);
            }
        }
        return best;
    }

    private byte[] rawBytes(byte[] best) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 8; i < best.length; i++) idx.add(i);
        final byte[] b = best;
        List<Integer> kept = ddmin(idx, keep -> test(bytesOf(b, keep)));
        return kept.size() < idx.size() ? bytesOf(best, kept) : best;
    }

    private static byte[] bytesOf(byte[] b, List<Integer> keep) {
        byte[] out = new byte[8 + keep.size()];
        System.arraycopy(b, 0, out, 0, 8);
        for (int i = 0; i < keep.size(); i++) out[8 + i] = b[keep.get(i)];
        return out;
    }

    /**
     * The body with its locals and the kept instructions, each run of removed ones replaced by one
     * {@code unreachable} (stack-polymorphic, spec §3.3.8.2: what follows still type-checks whatever the run
     * left on the stack), plus whatever followed the last scanned instruction.
     */
    private static byte[] rebuild(byte[] body, int codeStart, List<Instructions.Instr> keep, List<Instructions.Instr> all) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(body, 0, codeStart);
        java.util.Set<Instructions.Instr> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(keep);
        boolean inRun = false;
        for (Instructions.Instr x : all) {
            if (kept.contains(x)) {
                out.write(body, x.start(), x.end() - x.start());
                inRun = false;
            } else if (!inRun && x.op() != org.tailbench.wasm.Op.UNREACHABLE) {
                out.write(0x00);
                inRun = true;
            }
        }
        int tail = all.get(all.size() - 1).end();
        out.write(body, tail, body.length - tail);
        return out.toByteArray();
    }

    private static List<byte[]> replaced(List<byte[]> list, int i, byte[] v) {
        List<byte[]> c = new ArrayList<>(list);
        c.set(i, v);
        return c;
    }

    private static byte[] withCode(WasmBinary m, int ci, List<byte[]> bodies) {
        WasmBinary c = new WasmBinary(m.preamble, new ArrayList<>(m.sections));
        c.sections.set(ci, new WasmBinary.Section(WasmBinary.CODE, WasmBinary.codePayload(bodies)));
        return c.encode();
    }

    /**
     * ddmin: the smallest sublist (by removing complements of chunks, halving the chunk size) for which
     * {@code fails} holds; {@code items} itself is assumed to fail.
     */
    <T> List<T> ddmin(List<T> items, Predicate<List<T>> fails) {
        List<T> cur = items;
        int n = 2;
        while (cur.size() >= 1 && !exhausted()) {
            int chunk = Math.max(1, (cur.size() + n - 1) / n);
            boolean reduced = false;
            for (int start = 0; start < cur.size() && !exhausted(); start += chunk) {
                List<T> complement = new ArrayList<>(cur.subList(0, start));
                complement.addAll(cur.subList(Math.min(cur.size(), start + chunk), cur.size()));
                if (complement.size() < cur.size() && fails.test(complement)) {
                    cur = complement;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (chunk == 1) break;
                n = Math.min(cur.size(), n * 2);
            }
        }
        return cur;
    }
}
