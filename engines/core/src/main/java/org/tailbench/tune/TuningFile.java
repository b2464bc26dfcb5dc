package org.tailbench.tune;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@code tuning.json} (issue 17): profile-guided decisions an engine applies when given the file
 * ({@code ./tailbench run --tuning FILE}, {@code tailbench compile --tuning FILE}, {@code -Dtailbench.aot.tuning=FILE},
 * {@code -Dtailbench.native.tuning=FILE}). Written by {@code ./tailbench tune}; the rules that make the decisions are in
 * engines/aot/README.md ("Tuning"; the native engine applies the same rule, engines/native/README.md "Tuning") and, for
 * the interpreters, engines/interp/README.md ("Superinstructions"). Engine-neutral (engines/core): each engine reads its
 * own section and nothing else.
 *
 * <p>Schema, version {@value #VERSION} (every key below is known; any other key is rejected with its name and
 * path; {@code note}, {@code evidence}, {@code tailChainLimit}, {@code aot}, {@code native} and {@code interp} may be left out):
 * <pre>{@code
 * {"format": "tailbench-tuning", "version": 1, "note": "free text",
 *  "modules": [{"name": "pyvm_tailcall.wasm", "sha256": "<hex SHA-256 of the module bytes>",
 *               "aot": {"tailChainLimit": 32,
 *                       "devirtualize": [{"function": 12, "offset": 345, "op": "return_call_indirect",
 *                                         "targets": [40, 41],
 *                                         "evidence": {"calls": 1000, "targetCalls": [600, 300]}}]},
 *               "native": {"devirtualize": [ ... the same shape as aot's ... ]}}],
 *  "interp": {"superinstructions": [{"pattern": "local.get>i32.const>i32.add",
 *                                    "evidence": {"count": 123456, "share": 0.042}}]}}
 * }</pre>
 * Decisions name Wasm functions by index and instructions by byte offset in the function body, so they apply to the
 * module with that SHA-256 only: an engine compiling another module finds no entry and behaves exactly as without
 * a tuning file. The {@code aot} section is read by aot and aot-naive, {@code native} by native and native-naive (the
 * same decisions under the same rule, but kept or dropped by {@code tune} from measurements of that engine, so one engine
 * never applies decisions verified on another). The interpreters' decisions ({@code interp}) are not per module: a superinstruction is a property of
 * the instruction set, chosen from all training profiles together, and applies to every module the {@code switch}
 * engine compiles (so held-out workloads run with it too). Its {@code pattern}s are checked against the engine's
 * catalog when the engine reads them (option {@code switch.superinstructions}).
 *
 * @param format  always {@value #FORMAT}
 * @param version schema version, {@value #VERSION}
 * @param note    free text (what made the file), may be null
 * @param modules one entry per module
 * @param interp  the interpreters' decisions (every module), may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TuningFile(String format, int version, String note, List<ModuleEntry> modules, Interp interp) {
    /** A file with no interpreter decisions. */
    public TuningFile(String format, int version, String note, List<ModuleEntry> modules) { this(format, version, note, modules, null); }

    public static final String FORMAT = "tailbench-tuning";
    public static final int VERSION = 1;

    /**
     * A testing mode, not a file ({@code -Dtailbench.aot.tuning=every-site}, {@code -Dtailbench.native.tuning=every-site}): every {@code call_indirect} /
     * {@code return_call_indirect} site of any module gets a guard against (up to) the first two functions of its type
     * that the module's element segments place in a table, so conformance and fuzz runs go through both the hit and
     * the miss path of the guard.
     */
    public static final TuningFile EVERY_SITE = new TuningFile(FORMAT, VERSION, "every-site (testing mode)", List.of());
    /** The property value selecting {@link #EVERY_SITE}. */
    public static final String EVERY_SITE_NAME = "every-site";

    /**
     * The decisions for one module.
     * @param name   the module's file name (for people; matching is by {@code sha256})
     * @param sha256 hex SHA-256 of the module bytes ({@link #sha256(byte[])})
     * @param aot    aot's decisions, may be null
     * @param nativ  the native engine's decisions (JSON key {@code native}), may be null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModuleEntry(String name, String sha256, Aot aot, @JsonProperty("native") Native nativ) {
        /** An entry with aot's decisions only. */
        public ModuleEntry(String name, String sha256, Aot aot) { this(name, sha256, aot, null); }
    }

    /**
     * aot's decisions for one module.
     * @param tailChainLimit most direct tail calls on a guarded {@code return_call_indirect} hit in a row before one goes
     *                       through the trampoline again (bounds the JVM stack; null: {@value #DEFAULT_TAIL_CHAIN_LIMIT})
     * @param devirtualize   guarded devirtualization of indirect call sites
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Aot(Integer tailChainLimit, List<Devirtualize> devirtualize) {
        /** @return {@link #tailChainLimit}, or the default when absent */
        public int chainLimit() { return tailChainLimit == null ? DEFAULT_TAIL_CHAIN_LIMIT : tailChainLimit; }
    }

    /**
     * The native engine's decisions for one module (engines/native/README.md "Tuning"): the same guarded devirtualization
     * as aot's; a {@code return_call_indirect} hit is a direct tail jump, so there is no chain limit.
     * @param devirtualize guarded devirtualization of indirect call sites
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Native(List<Devirtualize> devirtualize) {}

    /**
     * The interpreters' decisions.
     * @param superinstructions the {@code switch} engine's superinstructions, in the order they were chosen
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Interp(List<Superinstruction> superinstructions) {
        /** @return the patterns, as option {@code switch.superinstructions} takes them ({@code ;}-separated) */
        public String option() {
            return superinstructions == null ? "" : String.join(";", superinstructions.stream().map(Superinstruction::pattern).toList());
        }
    }

    /**
     * One superinstruction.
     * @param pattern  its instructions' text names joined by {@code >} (the opcode profile's pair / triple key)
     * @param evidence the profile counts the decision came from, may be null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Superinstruction(String pattern, PatternEvidence evidence) {
        /** @return the decision kind: {@code pairs} or {@code triples}, by the pattern's length */
        public String kind() { return pattern.split(">").length == 2 ? "pairs" : "triples"; }
    }

    /** @param count executions of the sequence in the training profiles; @param share count ÷ all instructions executed there */
    public record PatternEvidence(long count, double share) {}

    /** @return option {@code switch.superinstructions}'s value for this file (empty when it has no interpreter decisions) */
    public String superinstructionsOption() { return interp == null ? "" : interp.option(); }

    /** Default of {@link Aot#tailChainLimit}. */
    public static final int DEFAULT_TAIL_CHAIN_LIMIT = 32;

    /**
     * One guarded devirtualization: at the site, compare the table element with each target in turn; call (or, for
     * {@code return_call_indirect}, tail-call) the first that matches directly; the generic path otherwise.
     * @param function function index (imports first) holding the site
     * @param offset   byte offset of the instruction in the function body ({@code Code.pos - bodyOffset})
     * @param op       {@code call_indirect} or {@code return_call_indirect} (checked against the module)
     * @param targets  function indices, tested in this order
     * @param evidence the profile counts the decision came from, may be null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Devirtualize(int function, int offset, String op, List<Integer> targets, Evidence evidence) {
        /** @return the decision kind: its {@code op} */
        public String kind() { return op; }
    }

    /** @param calls executions of the site in the profile; @param targetCalls calls of each target, in {@code targets} order */
    public record Evidence(long calls, List<Long> targetCalls) {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Reads and checks a tuning file.
     * @throws IllegalArgumentException naming the file and, for an unknown key, the key, where it is and the keys
     *                                  allowed there; for a wrong format or version, what was expected
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static TuningFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("tuning file " + file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tuning file " + file, e);
        }
        return parse(text, file.toString());
    }

    /** As {@link #read}, from text; {@code source} names it in messages. */
    public static TuningFile parse(String text, String source) {
        TuningFile t;
        try {
            t = MAPPER.readValue(text, TuningFile.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException(source + ": unknown key \"" + e.getPropertyName() + "\" at " + path(e)
                    + " (tuning schema version " + VERSION + " allows: " + known + ")", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(source + ": not a valid tuning file: " + e.getOriginalMessage() + where, e);
        }
        if (t == null) throw new IllegalArgumentException(source + ": empty tuning file");
        t.check(source);
        return t;
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m)) return "$";
        StringBuilder sb = new StringBuilder("$");
        List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs = m.getPath();
        for (int k = 0; k < refs.size() - 1; k++) {   // the last reference is the unknown key itself
            var r = refs.get(k);
            if (r.getFieldName() != null) sb.append('.').append(r.getFieldName()); else sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    /** @throws IllegalArgumentException when a required key is missing or a value is out of range */
    private void check(String source) {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(source + ": \"format\" is " + (format == null ? "missing" : "\"" + format + "\"")
                    + ", expected \"" + FORMAT + "\"");
        }
        if (version != VERSION) {
            throw new IllegalArgumentException(source + ": tuning schema version " + version + ", this build reads version " + VERSION);
        }
        if (modules == null) throw new IllegalArgumentException(source + ": \"modules\" is missing");
        if (interp != null && interp.superinstructions() != null) {
            for (int k = 0; k < interp.superinstructions().size(); k++) {
                Superinstruction x = interp.superinstructions().get(k);
                if (x == null || x.pattern() == null || !x.pattern().matches("[a-z0-9_.]+(>[a-z0-9_.]+){1,2}")) {
                    throw new IllegalArgumentException(source + ": $.interp.superinstructions[" + k + "].pattern must be two or three"
                            + " instruction names joined by '>', got " + (x == null || x.pattern() == null ? "nothing" : "\"" + x.pattern() + "\""));
                }
            }
        }
        for (int m = 0; m < modules.size(); m++) {
            ModuleEntry e = modules.get(m);
            String at = source + ": $.modules[" + m + "]";
            if (e == null || e.sha256() == null || !e.sha256().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException(at + ".sha256 must be the module's hex SHA-256 (64 hex digits)");
            }
            if (e.nativ() != null) checkDevirtualize(e.nativ().devirtualize(), at + ".native");
            if (e.aot() == null) continue;
            if (e.aot().tailChainLimit() != null && e.aot().tailChainLimit() < 0) {
                throw new IllegalArgumentException(at + ".aot.tailChainLimit must be ≥ 0, got " + e.aot().tailChainLimit());
            }
            checkDevirtualize(e.aot().devirtualize(), at + ".aot");
        }
    }

    /** @throws IllegalArgumentException when a decision of {@code ds} (may be null) lacks a key or has one out of range */
    private static void checkDevirtualize(List<Devirtualize> ds, String at) {
        if (ds == null) return;
        for (int k = 0; k < ds.size(); k++) {
            Devirtualize d = ds.get(k);
            String dat = at + ".devirtualize[" + k + "]";
            if (d == null || d.op() == null) throw new IllegalArgumentException(dat + ".op is missing");
            if (!d.op().equals("call_indirect") && !d.op().equals("return_call_indirect")) {
                throw new IllegalArgumentException(dat + ".op is \"" + d.op() + "\", expected call_indirect or return_call_indirect");
            }
            if (d.targets() == null || d.targets().isEmpty()) throw new IllegalArgumentException(dat + ".targets is missing or empty");
            for (Integer t : d.targets()) if (t == null) throw new IllegalArgumentException(dat + ".targets holds null");
            if (d.function() < 0 || d.offset() < 0) throw new IllegalArgumentException(dat + ": function and offset must be ≥ 0");
        }
    }

    /** @return the hex SHA-256 (lower case, 64 digits) of {@code moduleBytes}, what {@link ModuleEntry#sha256} is matched against */
    public static String sha256(byte[] moduleBytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(moduleBytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** @return the entry for the module whose bytes hash to {@code sha256} (hex), or null */
    public ModuleEntry entryFor(String sha256) {
        for (ModuleEntry e : modules) if (e.sha256().toLowerCase(Locale.ROOT).equals(sha256.toLowerCase(Locale.ROOT))) return e;
        return null;
    }

    /** @return this file as indented JSON */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes this file to {@code file} (parent folders created). */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, toJson());
    }


    /**
     * @param v option {@code aot.tuning} or {@code native.tuning}: a tuning file's path, {@value #EVERY_SITE_NAME}, or empty
     * @return the tuning it names, or null for empty
     * @throws IllegalArgumentException when the file is missing or invalid
     */
    public static TuningFile of(String v) {
        v = v.strip();
        if (v.isEmpty()) return null;
        if (v.equals(EVERY_SITE_NAME)) return EVERY_SITE;
        return read(Path.of(v));
    }
}
