package org.tailbench.interp.lower;

import static org.tailbench.wasm.Op.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tailbench.wasm.Op;

/**
 * Superinstructions of the {@code switch} engine (issue 17, "Decide" for the interpreters; engines/interp/README.md
 * "Superinstructions"): sequences of two or three adjacent Wasm instructions that {@link Lowerer} can replace by one
 * fused {@link LOp} when a tuning selects them (engine option {@code switch.superinstructions}). With none selected,
 * lowering is exactly as without this class.
 *
 * <p>{@link #CATALOG} is the input of {@code LOpGenerator}: each entry gets one {@code LOp} named by its {@link Op}
 * names joined with {@code _} ({@code local.get; i32.const; i32.add} → {@code LOCAL_GET_I32_CONST_I32_ADD}), whose
 * operands are the components' immediates in order ({@code local.*}: local index, {@code i32.const}: value, a load or
 * store: its offset, {@code br_if}: the resolved target). A pattern's text is the profile's key for the same sequence
 * ({@code "local.get>i32.const>i32.add"}, as in {@code OpcodeProfile}'s pairs and triples).
 *
 * <p>Every component but the last is straight-line (no branch, no block boundary), so the dynamic count of a pattern in
 * an opcode profile is exactly how often its fused opcode would run, and no branch can land inside a fused sequence
 * (Wasm branches land only at {@code block}, {@code loop}, {@code if}, {@code else} and {@code end}).
 */
public final class Superinstructions {
    private Superinstructions() {}

    /** The fusable sequences, in {@link LOp} order (their opcodes follow {@code BR_IF_I32_GE_U}). */
    public static final List<List<Op>> CATALOG = List.of(
            // pairs
            List.of(LOCAL_GET, LOCAL_GET),
            List.of(LOCAL_GET, I32_CONST),
            List.of(LOCAL_GET, I32_LOAD),
            List.of(LOCAL_GET, I32_LOAD8_U),
            List.of(LOCAL_GET, I32_STORE),
            List.of(LOCAL_GET, BR_IF),
            List.of(LOCAL_GET, LOCAL_SET),
            List.of(LOCAL_SET, LOCAL_GET),
            List.of(LOCAL_TEE, LOCAL_GET),
            List.of(I32_CONST, I32_ADD),
            List.of(I32_CONST, I32_AND),
            List.of(I32_CONST, I32_SHL),
            List.of(I32_CONST, I32_SHR_U),
            List.of(I32_CONST, LOCAL_SET),
            List.of(I32_ADD, LOCAL_SET),
            List.of(I32_LOAD, LOCAL_SET),
            List.of(I32_ADD, LOCAL_TEE),
            List.of(I32_LOAD, LOCAL_TEE),
            List.of(LOCAL_TEE, I32_CONST),
            List.of(I32_CONST, I32_LOAD),
            // triples
            List.of(LOCAL_GET, I32_CONST, I32_ADD),
            List.of(LOCAL_GET, LOCAL_GET, I32_ADD),
            List.of(LOCAL_GET, I32_CONST, I32_AND),
            List.of(LOCAL_GET, I32_CONST, I32_SHL),
            List.of(LOCAL_GET, LOCAL_GET, I32_STORE),
            List.of(LOCAL_GET, I32_LOAD, LOCAL_SET),
            List.of(LOCAL_GET, I32_EQZ, BR_IF),
            List.of(I32_CONST, I32_EQ, BR_IF),
            List.of(I32_CONST, I32_NE, BR_IF),
            List.of(I32_CONST, I32_LT_S, BR_IF),
            List.of(I32_CONST, I32_LT_U, BR_IF),
            List.of(I32_CONST, I32_GT_S, BR_IF),
            List.of(I32_CONST, I32_GT_U, BR_IF));

    /** The option value that selects every catalog entry (for conformance tests). */
    public static final String ALL = "all";

    /** @return the pattern's text, the profile's key: Wasm text names joined by {@code >} */
    public static String text(List<Op> pattern) {
        StringBuilder sb = new StringBuilder();
        for (Op op : pattern) sb.append(sb.isEmpty() ? "" : ">").append(op.text);
        return sb.toString();
    }

    /** @return the name of the pattern's {@link LOp}: the {@link Op} names joined by {@code _} */
    public static String lopName(List<Op> pattern) {
        StringBuilder sb = new StringBuilder();
        for (Op op : pattern) sb.append(sb.isEmpty() ? "" : "_").append(op.name());
        return sb.toString();
    }

    /** @return how many operand slots follow a fused opcode of {@code pattern}: one per component with an immediate */
    public static int operandCount(List<Op> pattern) {
        int n = 0;
        for (Op op : pattern) if (hasOperand(op)) n++;
        return n;
    }

    /** @return whether component {@code op} contributes an operand slot (locals, constants, memargs, br_if's target) */
    static boolean hasOperand(Op op) {
        return switch (op.imm) {
            case LOCAL, I32, MEMARG, LABEL -> true;
            default -> false;
        };
    }

    /** @return the catalog index of the pattern with text {@code text}, or -1 */
    public static int indexOf(String text) {
        for (int k = 0; k < CATALOG.size(); k++) if (text(CATALOG.get(k)).equals(text)) return k;
        return -1;
    }

    /**
     * Parses option {@code switch.superinstructions}: pattern texts separated by {@code ;} or white space, or
     * {@value #ALL}; empty selects none.
     * @return selected flags by catalog index, or null when none is selected
     * @throws IllegalArgumentException naming an unknown pattern and the catalog
     */
    public static boolean[] parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) return null;
        boolean[] on = new boolean[CATALOG.size()];
        if (v.equals(ALL)) {
            Arrays.fill(on, true);
            return on;
        }
        for (String p : v.split("[;\\s]+")) {
            if (p.isEmpty()) continue;
            int k = indexOf(p);
            if (k < 0) {
                throw new IllegalArgumentException("unknown superinstruction \"" + p + "\"; the switch engine fuses "
                        + CATALOG.stream().map(Superinstructions::text).toList() + " (or " + ALL + ")");
            }
            on[k] = true;
        }
        return on;
    }

    /** @return the selected catalog indices, longest pattern first, then in catalog order (the order lowering tries them) */
    static int[] order(boolean[] selected) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 0; k < selected.length; k++) if (selected[k]) ks.add(k);
        ks.sort(Comparator.comparingInt((Integer k) -> -CATALOG.get(k).size()).thenComparingInt(k -> k));
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the option value selecting {@code patterns} (texts), in the given order */
    public static String format(List<String> patterns) { return String.join(";", patterns); }

    /**
     * The rule's parameters (README "Superinstructions").
     * @param maxCount most superinstructions selected
     * @param minShare least share (0..1] of all executed Wasm instructions a pattern's executions must have
     */
    public record Rule(int maxCount, double minShare) {
        /** The defaults: 16 superinstructions, each covering at least 0.5 % of the executed instructions. */
        public static final Rule DEFAULT = new Rule(16, 0.005);

        public Rule {
            if (maxCount < 0 || !(minShare > 0 && minShare <= 1)) {
                throw new IllegalArgumentException("superinstruction rule: need maxCount ≥ 0 and 0 < minShare ≤ 1; got " + maxCount + ", " + minShare);
            }
        }

        /** @return the rule as one line for reports */
        public String describe() {
            return String.format(Locale.ROOT, "the catalog's pairs and triples by dynamic count summed over the training profiles, those"
                    + " executed at least %.1f %% of all Wasm instructions, at most %d", minShare * 100, maxCount);
        }
    }

    /**
     * A selected superinstruction and its profile evidence.
     * @param pattern its text ({@link #text})
     * @param count   executions of the sequence in the training profiles
     * @param share   {@code count} ÷ all Wasm instructions executed in them
     */
    public record Decision(String pattern, long count, double share) {
        /** @return the decision kind: {@code pairs} or {@code triples}, by the pattern's length */
        public String kind() { return pattern.split(">").length == 2 ? "pairs" : "triples"; }
    }

    /**
     * The rule: every catalog pattern with its dynamic count from {@code counts}, those with
     * {@code count ≥ minShare × total}, by descending count (ties: catalog order), the first {@code maxCount}.
     * @param counts executions per pattern text (the profiles' pair and triple counts; other keys are ignored)
     * @param total  Wasm instructions executed in the same profiles
     */
    public static List<Decision> decide(Map<String, Long> counts, long total, Rule rule) {
        List<Decision> out = new ArrayList<>();
        if (total <= 0) return out;
        for (List<Op> p : CATALOG) {
            String t = text(p);
            long n = counts.getOrDefault(t, 0L);
            if (n > 0 && n >= rule.minShare() * total) out.add(new Decision(t, n, (double) n / total));
        }
        out.sort(Comparator.comparingLong(Decision::count).reversed());   // stable: ties keep catalog order
        return out.size() > rule.maxCount() ? List.copyOf(out.subList(0, rule.maxCount())) : out;
    }
}
