package org.tailbench.bench.tune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tailbench.tune.Devirtualization;
import org.tailbench.tune.TuningFile;
import org.tailbench.interp.lower.Superinstructions;

/**
 * The decisions of one engine family made from the training profiles ({@code tailbench tune}, step 2 "Decide"), grouped
 * in kinds that are measured on their own and together, and how a forked JMH JVM gets a tuning file's decisions.
 */
sealed interface Family permits Family.Guards, Family.Interp {
    /** @return the decision kinds the decisions have, in the order first found */
    Set<String> kinds();

    /** @return the tuning file holding the decisions of {@code kinds} */
    TuningFile file(Set<String> kinds, String note);

    /** @return the JVM flags that make a forked JVM's engine use the decisions of {@code file} */
    List<String> jvmArgs(Path file);

    /** @return the rule, one line (for notes and the report) */
    String rule();

    /** @return how many decisions there are of all kinds */
    int size();

    /** @return how many decisions there are of {@code kinds} */
    int size(Set<String> kinds);

    /** @return the family of {@code engine}: aot for aot / aot-naive, native for native / native-naive, the interpreters' for switch; null for others */
    static String of(String engine) {
        return switch (engine) {
            case "aot", "aot-naive" -> "aot";
            case "native", "native-naive" -> "native";
            case "switch" -> "interp";
            default -> null;
        };
    }

    /**
     * Guarded devirtualization ({@link Devirtualization}), one rule for the engines that apply it: per training module,
     * the decisions {@link TrainingProfile#decisions()} made; kinds are the sites' opcodes ({@code call_indirect},
     * {@code return_call_indirect}). The engines differ only in the section of the file they read and the property a
     * fork gets it by.
     */
    sealed interface Guards extends Family permits Aot, Native {
        List<TrainingProfile> profiles();

        Devirtualization.Rule devirtualization();

        /** @return the tuning file entry of {@code p}'s module holding {@code ds} in this engine's section */
        TuningFile.ModuleEntry entry(TrainingProfile p, List<TuningFile.Devirtualize> ds);

        @Override default Set<String> kinds() {
            Set<String> k = new LinkedHashSet<>();
            for (TrainingProfile p : profiles()) for (TuningFile.Devirtualize d : p.decisions()) k.add(d.kind());
            return k;
        }

        @Override default TuningFile file(Set<String> kinds, String note) {
            List<TuningFile.ModuleEntry> entries = new ArrayList<>();
            for (TrainingProfile p : profiles()) {
                List<TuningFile.Devirtualize> ds = p.decisions().stream().filter(d -> kinds.contains(d.kind())).toList();
                if (!ds.isEmpty()) entries.add(entry(p, ds));
            }
            return new TuningFile(TuningFile.FORMAT, TuningFile.VERSION, note, entries);
        }

        @Override default String rule() { return devirtualization().describe(); }

        @Override default int size() { return profiles().stream().mapToInt(p -> p.decisions().size()).sum(); }

        @Override default int size(Set<String> kinds) {
            return (int) profiles().stream().flatMap(p -> p.decisions().stream()).filter(d -> kinds.contains(d.kind())).count();
        }
    }

    /** aot's guarded devirtualization: the file's {@code aot} sections; a fork gets it as {@code -Dtailbench.aot.tuning=FILE}. */
    record Aot(List<TrainingProfile> profiles, Devirtualization.Rule devirtualization) implements Guards {
        @Override public TuningFile.ModuleEntry entry(TrainingProfile p, List<TuningFile.Devirtualize> ds) { return p.entry(ds); }

        @Override public List<String> jvmArgs(Path file) { return List.of("-Dtailbench.aot.tuning=" + file.toAbsolutePath()); }
    }

    /**
     * native's guarded devirtualization (engines/native/README.md "Tuning"; aot's rule): the file's {@code native} sections;
     * a fork gets it as {@code -Dtailbench.native.tuning=FILE}.
     */
    record Native(List<TrainingProfile> profiles, Devirtualization.Rule devirtualization) implements Guards {
        @Override public TuningFile.ModuleEntry entry(TrainingProfile p, List<TuningFile.Devirtualize> ds) { return p.nativeEntry(ds); }

        @Override public List<String> jvmArgs(Path file) { return List.of("-Dtailbench.native.tuning=" + file.toAbsolutePath()); }
    }

    /**
     * The interpreters' superinstructions ({@link Superinstructions}, rule in engines/interp/README.md): one decision list for
     * every module, from the pair and triple counts of all training profiles summed; kinds are {@code pairs} and
     * {@code triples}; a fork gets them as {@code -Dtailbench.switch.superinstructions=...} (what {@code run --tuning} sets).
     * @param decisions the rule's choice, most executed first
     * @param total     Wasm instructions executed in the training profiles
     * @param counts    executions of every pair and triple there (catalog or not), for the report
     */
    record Interp(List<Superinstructions.Decision> decisions, long total, Map<String, Long> counts, Superinstructions.Rule superinstructions)
            implements Family {
        /** Decides from {@code profiles} under {@code rule}. */
        static Interp of(List<TrainingProfile> profiles, Superinstructions.Rule rule) {
            Map<String, Long> counts = new HashMap<>();
            long total = 0;
            for (TrainingProfile p : profiles) {
                p.sequenceCounts().forEach((k, n) -> counts.merge(k, n, Long::sum));
                total += p.profile().totalInstructions();
            }
            return new Interp(Superinstructions.decide(counts, total, rule), total, counts, rule);
        }

        @Override public Set<String> kinds() {
            Set<String> k = new LinkedHashSet<>();
            for (Superinstructions.Decision d : decisions) k.add(d.kind());
            return k;
        }

        @Override public TuningFile file(Set<String> kinds, String note) {
            List<TuningFile.Superinstruction> xs = decisions.stream().filter(d -> kinds.contains(d.kind()))
                    .map(d -> new TuningFile.Superinstruction(d.pattern(), new TuningFile.PatternEvidence(d.count(), d.share()))).toList();
            return new TuningFile(TuningFile.FORMAT, TuningFile.VERSION, note, List.of(), xs.isEmpty() ? null : new TuningFile.Interp(xs));
        }

        @Override public List<String> jvmArgs(Path file) {
            return List.of("-Dtailbench.switch.superinstructions=" + TuningFile.read(file).superinstructionsOption());
        }

        @Override public String rule() { return superinstructions.describe(); }

        @Override public int size() { return decisions.size(); }

        @Override public int size(Set<String> kinds) { return (int) decisions.stream().filter(d -> kinds.contains(d.kind())).count(); }
    }
}
