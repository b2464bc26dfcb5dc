package org.tailbench.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one case's outcomes mean. {@link #finding} (null when none) is the signature of a problem in our
 * engines: a raw JVM exception or a JVM crash (the step starts with {@value Outcomes#CRASH}), or own engines
 * disagreeing (signature: the engines grouped by identical outcomes). {@link #peerDisagreements} names peer
 * engines whose outcome (without the state hash, which peers do not show) differs from the first own engine's;
 * expected in part (engines/PEERS.md), so reported apart. The shrinker keeps a case's signature while it
 * makes the module smaller, so a signature leaves out export names, offsets and values.
 *
 * @param finding signature, or null
 * @param peerDisagreements signatures {@code peer NAME: …}, one per differing peer
 * @param timeout whether any engine timed out (disagreements involving one are re-run with a longer limit)
 */
public record Verdict(String finding, List<String> peerDisagreements, boolean timeout) {

    /** @param steps per engine (same order as {@code engines}) its steps; {@code peer[i]} marks peer engines */
    public static Verdict of(List<String> engines, boolean[] peer, List<List<String>> steps) {
        boolean timeout = steps.stream().flatMap(List::stream).anyMatch(s -> s.endsWith(": timeout"));
        List<String> own = new ArrayList<>();
        List<List<String>> ownSteps = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) {
            if (!peer[i]) { own.add(engines.get(i)); ownSteps.add(steps.get(i)); }
        }
        tolerateNaiveTailCalls(own, ownSteps);
        String finding = crashSignature(own, ownSteps);
        if (finding == null) finding = disagreement(own, ownSteps);
        List<String> peers = new ArrayList<>();
        List<String> reference = ownSteps.isEmpty() ? null : ownSteps.get(0).stream().map(Outcomes::withoutState).toList();
        for (int i = 0; i < engines.size(); i++) {
            if (!peer[i] || reference == null) continue;
            List<String> mine = steps.get(i).stream().map(Outcomes::withoutState).toList();
            if (!mine.equals(reference)) peers.add("peer " + engines.get(i) + ": " + firstDifference(reference, mine));
        }
        return new Verdict(finding, peers, timeout);
    }

    /**
     * Engines that compile {@code return_call*} as call + return by design (the {@code aot-naive} baseline):
     * their stack grows with tail calls, so where our other engines loop in constant stack (a timeout) or
     * return, they trap "call stack exhausted". Such a step, after the same steps as the other engines, is
     * not a disagreement. Derived from {@link org.tailbench.runtime.Engine#constantStackTailCalls()}.
     */
    public static java.util.Set<String> noTailCallEngines() { return NoTailCalls.NAMES; }

    private static final class NoTailCalls {
        static final java.util.Set<String> NAMES = org.tailbench.runtime.Engines.all().stream()
                .filter(e -> !e.constantStackTailCalls()).map(org.tailbench.runtime.Engine::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static void tolerateNaiveTailCalls(List<String> engines, List<List<String>> steps) {
        List<String> ref = null;
        for (int i = 0; i < engines.size() && ref == null; i++) if (!noTailCallEngines().contains(engines.get(i))) ref = steps.get(i);
        if (ref == null) return;
        for (int i = 0; i < engines.size(); i++) {
            if (!noTailCallEngines().contains(engines.get(i))) continue;
            List<String> mine = steps.get(i);
            int k = 0;
            while (k < mine.size() && k < ref.size() && mine.get(k).equals(ref.get(k))) k++;
            if (k >= mine.size() || k >= ref.size()) continue;
            String m = withoutState(mine.get(k)), r = withoutState(ref.get(k));
            boolean exhausted = m.endsWith(": trap call stack exhausted") && m.startsWith(r.replaceAll(": .*", ": "));
            if (!exhausted) continue;
            // after the trap the state is the engine's own (how deep it got): compare the rest without it
            boolean restAgrees = ref.size() == k + 1 && r.endsWith(": timeout");
            if (!restAgrees && mine.size() == ref.size()) {
                restAgrees = true;
                for (int j = k + 1; j < mine.size(); j++) restAgrees &= withoutState(mine.get(j)).equals(withoutState(ref.get(j)));
            }
            if (restAgrees) steps.set(i, ref);
        }
    }

    private static String crashSignature(List<String> engines, List<List<String>> steps) {
        TreeSet<String> who = new TreeSet<>();
        String what = null;
        for (int i = 0; i < engines.size(); i++) {
            for (String s : steps.get(i)) {
                if (!s.startsWith(Outcomes.CRASH)) continue;
                who.add(engines.get(i));
                if (what == null) what = crashKind(s);
            }
        }
        return what == null ? null : "crash " + String.join(",", who) + ": " + what;
    }

    /** {@code crash: PHASE: CLASS: message at Frame.method} → {@code PHASEKIND CLASS at Frame.method} */
    static String crashKind(String step) {
        String s = step.substring(Outcomes.CRASH.length());
        if (s.startsWith("worker JVM")) return "worker JVM " + (s.contains("stopped answering") ? "hang" : "died");
        if (s.startsWith("malformed without") || s.startsWith("invalid without")) return s.substring(0, s.indexOf(':'));
        String phase = s.substring(0, Math.max(0, s.indexOf(':')));
        String phaseKind = phase.startsWith("invoke") ? "invoke" : phase;
        String rest = s.substring(phase.length() + Math.min(2, s.length() - phase.length()));
        String cls = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
        int at = s.lastIndexOf(" at ");
        return phaseKind + " " + cls + (at >= 0 ? s.substring(at) : "");
    }

    private static String disagreement(List<String> engines, List<List<String>> steps) {
        Map<List<String>, TreeSet<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < engines.size(); i++) groups.computeIfAbsent(steps.get(i), k -> new TreeSet<>()).add(engines.get(i));
        if (groups.size() <= 1) return null;
        TreeSet<String> parts = new TreeSet<>();
        List<String> ref = steps.get(0);
        for (Map.Entry<List<String>, TreeSet<String>> g : groups.entrySet()) {
            String kind = g.getKey() == ref ? "" : " (" + category(firstDifferentStep(ref, g.getKey())) + ")";
            parts.add("{" + String.join(",", g.getValue()) + "}" + kind);
        }
        return "disagreement " + String.join(" vs ", parts);
    }

    private static String firstDifferentStep(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(none)";
            String y = i < b.size() ? b.get(i) : "(none)";
            if (!x.equals(y)) return withoutState(x).equals(withoutState(y)) ? "state" : y;
        }
        return "(none)";
    }

    private static String withoutState(String s) { return Outcomes.withoutState(s); }

    /** The coarse kind of a step: state / timeout / trap / results / link error / malformed / invalid / … */
    static String category(String step) {
        if (step.equals("state")) return "state differs";
        if (step.endsWith(": timeout")) return "timeout";
        if (step.startsWith(Outcomes.CRASH)) return "crash " + crashKind(step);
        String s = withoutState(step);
        if (s.startsWith("malformed")) return "malformed";
        if (s.startsWith("invalid")) return "invalid";
        if (s.startsWith("link error")) return "link error";
        if (s.startsWith("instantiated")) return "instantiated";
        if (s.startsWith("instantiate: trap ")) return "instantiate trap " + s.substring(18).replaceAll(" \\(.*", "");
        if (s.contains(": trap ")) return "trap " + s.substring(s.indexOf(": trap ") + 7).replaceAll(" \\(.*", "");
        if (s.startsWith("invoke")) return "results";
        return s.equals("(none)") ? "fewer steps" : "other";
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(none)";
            String y = i < b.size() ? b.get(i) : "(none)";
            if (!x.equals(y)) return category(y) + " where ours has " + category(x);
        }
        return "same";
    }
}
