package org.tailbench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tailbench.runtime.EngineOption.Scope;

/**
 * Engine options as data: an immutable set of typed values ({@link EngineOption}) that
 * {@link Engine#compile(org.tailbench.wasm.validate.ValidatedModule, EngineOptions)} takes, parsed once from
 * the command line ({@code --option KEY=VALUE}, {@code --options-file FILE}), a tuning file, or the one
 * system property {@value #PROPERTY} that {@code tailbench bench} passes to its forked JVMs.
 *
 * <p>This class holds THE table of options (below, {@link #ALL}): name, values, default, unit, engines,
 * scope, and the system property that overrides the default. A value is, in order: the one set here
 * explicitly, else the option's system property ({@code -Dtailbench.aot.split=none}: the documented
 * overrides, read in {@link #get} and nowhere else), else the default. With nothing set and no property,
 * every engine behaves as it did before options existed.
 */
public final class EngineOptions {
    private static final String AOT = "aot, aot-naive";

    // ---- the table: every option, its override property and documentation (README "Engine options") ----

    /** Which function-splitting passes aot runs before code generation. */
    public static final EngineOption<String> AOT_SPLIT = EngineOption.choice("aot.split", List.of("none", "hard", "all"), "all",
            AOT, Scope.MODULE, "tailbench.aot.split", "function-splitting passes: none (a method above 64 KB fails to compile),"
                    + " hard (only functions above the JVM method limit), all (also the cheap pass and the frame strategy for C2's HugeMethodLimit)");
    /** Estimated bytecode bytes a function may have before aot's cheap pass splits it. */
    public static final EngineOption<Integer> AOT_CHEAP_BUDGET = EngineOption.integer("aot.cheapBudget", 8000, 1, Integer.MAX_VALUE,
            "estimated bytecode bytes", AOT, Scope.MODULE, "tailbench.aot.cheapBudget",
            "size above which the cheap pass (and the frame strategy) splits a function, and the size it aims each piece at (C2's HugeMethodLimit)");
    /** Estimated bytecode bytes a function may have before aot's hard pass splits it. */
    public static final EngineOption<Integer> AOT_HARD_BUDGET = EngineOption.integer("aot.hardBudget", 48_000, 1, Integer.MAX_VALUE,
            "estimated bytecode bytes", AOT, Scope.MODULE, "tailbench.aot.hardBudget",
            "size above which the hard pass splits a function anywhere (under the JVM's 65535-byte method limit)");
    /** Whether aot's frame strategy runs (with split=all). */
    public static final EngineOption<Boolean> AOT_FRAME = EngineOption.bool("aot.frame", true, AOT, Scope.MODULE, "tailbench.aot.frame",
            "frame strategy: functions still above the cheap budget keep their locals in a shared frame array and are cut to it (false: for measurement)");
    /** The tuning file aot compiles with (issue 17). */
    public static final EngineOption<String> AOT_TUNING = EngineOption.text("aot.tuning", "a tuning.json path (tailbench tune), or every-site", "",
            AOT, Scope.MODULE, "tailbench.aot.tuning",
            "profile-guided decisions to compile with (guarded devirtualization of indirect call sites; README \"Tuning\"); every-site guards every site, for tests");
    /** Whether aot compiles in per-function tail-call counters. */
    public static final EngineOption<Boolean> AOT_PROFILE = EngineOption.bool("aot.profile", false, AOT, Scope.MODULE, "tailbench.aot.profile",
            "compile in per-function tail-call counters (JFR tailbench.TailCalls; also on when a recording enables that event at compile time)");
    /** Whether aot prints its compile log and, at exit, what C2 compiled. */
    public static final EngineOption<Boolean> AOT_LOG = EngineOption.bool("aot.log", false, AOT, Scope.MODULE, "tailbench.aot.log",
            "print one line per function to stderr (size, methods, split or not and why) and, at exit, what C2 compiled");
    /** Whether aot defines its classes as hidden classes. */
    public static final EngineOption<Boolean> AOT_HIDDEN_CLASSES = EngineOption.bool("aot.hiddenClasses", false, AOT, Scope.MODULE,
            "tailbench.aot.hiddenClasses", "define the generated classes as hidden classes (JFR then drops their frames) instead of one class loader per module");
    /** Whether aot defines every generated class up front. */
    public static final EngineOption<Boolean> AOT_EAGER_CLASSES = EngineOption.bool("aot.eagerClasses", false, AOT, Scope.MODULE,
            "tailbench.aot.eagerClasses", "define every generated class when the module is compiled instead of when first needed");
    /** Wasm frames aot allows on an ordinary thread before moving to a large-stack worker. */
    public static final EngineOption<Integer> AOT_INLINE_DEPTH = EngineOption.integer("aot.inlineDepth", 256, 1, Integer.MAX_VALUE,
            "Wasm frames", AOT, Scope.JVM, "tailbench.aot.inlineDepth",
            "active Wasm frames allowed on an ordinary thread before a call continues on a large-stack worker thread");
    /** Stack of aot's large-stack worker threads. */
    public static final EngineOption<Long> AOT_STACK_SIZE = EngineOption.longInt("aot.stackSize", LargeStackPool.DEFAULT_STACK_BYTES, 1,
            "bytes", AOT, Scope.JVM, "tailbench.aot.stackSize", "stack of each large-stack worker thread (only the touched part is committed)");
    /** Instructions the tailcall engine's handlers chain before bouncing to the trampoline. */
    public static final EngineOption<Integer> TAILCALL_BOUNCE = EngineOption.integer("tailcall.bounce", 16, 1, 65536, "instructions",
            "tailcall", Scope.JVM, "tailbench.tailcall.bounce",
            "the most handlers one chain runs before it bounces to the trampoline (also at back-edges and calls)");
    /** Whether the switch engine compiles in its exact opcode-counting mode. */
    public static final EngineOption<Boolean> SWITCH_OPCODE_PROFILE = EngineOption.bool("switch.opcodeProfile", false, "switch",
            Scope.MODULE, "tailbench.opcodeProfile", "compile in the exact opcode and pair counting mode (slow; see tailbench profile --opcode-profile)");
    /** The superinstructions the switch engine fuses (issue 17). */
    public static final EngineOption<String> SWITCH_SUPERINSTRUCTIONS = EngineOption.text("switch.superinstructions",
            "patterns such as local.get>i32.const>i32.add separated by ';', all, or empty for none", "", "switch", Scope.MODULE,
            "tailbench.switch.superinstructions", "fuse these instruction sequences into one opcode each (a tuning's decisions:"
                    + " run --tuning FILE sets it; engines/interp/README.md \"Superinstructions\" lists the patterns)");
    /** A file native writes each compiled module's machine code to. */
    public static final EngineOption<String> NATIVE_DUMP = EngineOption.text("native.dump", "a file path, or empty for none", "",
            "native, native-naive", Scope.MODULE, "tailbench.native.dump",
            "write the module's machine code to this file (for objdump -D -b binary -mi386:x86-64 -M intel)");
    /** Whether native appends its functions to perf's symbol map. */
    public static final EngineOption<Boolean> NATIVE_PERF_MAP = EngineOption.bool("native.perfMap", false, "native, native-naive",
            Scope.MODULE, "tailbench.native.perfmap",
            "append each compiled function to /tmp/perf-PID.map, so that perf report names Wasm functions in native code");
    /** The tuning file native compiles with (issue 17). */
    public static final EngineOption<String> NATIVE_TUNING = EngineOption.text("native.tuning", "a tuning.json path (tailbench tune), or every-site", "",
            "native, native-naive", Scope.MODULE, "tailbench.native.tuning",
            "profile-guided decisions to compile with (guarded devirtualization of indirect call sites, the file's native section;"
                    + " engines/native/README.md \"Tuning\"); every-site guards every site, for tests");
    /** How linear memories are backed. */
    public static final EngineOption<String> MEMORY = EngineOption.choice("memory", List.of("auto", "heap", "mapped"), "auto",
            "every engine of ours", Scope.JVM, "tailbench.memory",
            "linear-memory backing: auto (the rule in README \"Linear memory\"), heap (byte[]) or mapped (off-heap, for measurements)");
    /** Whether the engines' JFR hooks exist at all. */
    public static final EngineOption<Boolean> JFR_HOOKS = EngineOption.bool("jfr.hooks", true, "every engine of ours", Scope.JVM,
            "tailbench.jfr.hooks", "false compiles the JFR call-depth and tail-call hooks away (the JFR-overhead benchmark's baseline)");
    /** The name aot gives the generated classes. */
    public static final EngineOption<String> MODULE_NAME = EngineOption.text("module.name", "a file name, or empty for module-<sha256>.wasm",
            "", AOT, Scope.MODULE, null, "names the generated classes and their SourceFile attribute, shown in JFR (the CLI passes the .wasm file's name)");

    /** Every option, in the order the help lists them. */
    public static final List<EngineOption<?>> ALL = List.of(AOT_SPLIT, AOT_CHEAP_BUDGET, AOT_HARD_BUDGET, AOT_FRAME, AOT_PROFILE, AOT_LOG,
            AOT_TUNING, AOT_HIDDEN_CLASSES, AOT_EAGER_CLASSES, AOT_INLINE_DEPTH, AOT_STACK_SIZE, TAILCALL_BOUNCE, SWITCH_OPCODE_PROFILE,
            SWITCH_SUPERINSTRUCTIONS, NATIVE_DUMP, NATIVE_PERF_MAP, NATIVE_TUNING,
            MEMORY, JFR_HOOKS, MODULE_NAME);

    /**
     * The system property that carries a whole option list, {@code KEY=VALUE,KEY=VALUE} (what {@code tailbench bench}
     * passes to its forked JVMs); {@link #process()} reads it once.
     */
    public static final String PROPERTY = "tailbench.options";

    /** No option set explicitly: system properties and defaults. */
    public static final EngineOptions NONE = new EngineOptions(Map.of());

    private static volatile EngineOptions process;

    /** explicitly set values, in the order they were set */
    private final Map<EngineOption<?>, Object> values;

    private EngineOptions(Map<EngineOption<?>, Object> values) { this.values = values; }

    /**
     * @return the option called {@code name}
     * @throws IllegalArgumentException naming the options there are, when none is called {@code name}
     */
    public static EngineOption<?> option(String name) {
        for (EngineOption<?> o : ALL) if (o.name().equals(name)) return o;
        throw new IllegalArgumentException("unknown engine option \"" + name + "\"; options are "
                + ALL.stream().map(EngineOption::name).toList() + " (see tailbench run --help)");
    }

    /**
     * @param keyValues {@code KEY=VALUE} items, later ones winning
     * @throws IllegalArgumentException for an item without {@code =}, an unknown key or a bad value
     */
    public static EngineOptions parse(List<String> keyValues) {
        EngineOptions o = NONE;
        for (String kv : keyValues) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("engine option \"" + kv + "\": expected KEY=VALUE");
            o = o.withText(option(kv.substring(0, eq).trim()), kv.substring(eq + 1));
        }
        return o;
    }

    /**
     * @param list {@code KEY=VALUE,KEY=VALUE} as {@link #encode()} writes it, or null / blank for none
     * @throws IllegalArgumentException as {@link #parse(List)}
     */
    public static EngineOptions decode(String list) {
        if (list == null || list.isBlank()) return NONE;
        return parse(List.of(list.split(",")));
    }

    /**
     * Reads a tuning file: one {@code KEY=VALUE} per line; blank lines and lines starting with {@code #} are skipped.
     * @throws IllegalArgumentException naming the file and line of a bad item
     */
    public static EngineOptions load(Path file) throws IOException {
        EngineOptions o = NONE;
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                o = o.withAll(parse(List.of(line)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return o;
    }

    private <T> EngineOptions withText(EngineOption<T> o, String text) { return with(o, o.parse(text)); }

    /** @return these options with {@code option} set to {@code value} */
    public <T> EngineOptions with(EngineOption<T> option, T value) {
        if (value == null) throw new IllegalArgumentException("option " + option.name() + ": null value");
        Map<EngineOption<?>, Object> m = new LinkedHashMap<>(values);
        m.remove(option);
        m.put(option, value);
        return new EngineOptions(Collections.unmodifiableMap(m));
    }

    /** @return these options with every value {@code other} sets (other's win) */
    public EngineOptions withAll(EngineOptions other) {
        if (other.values.isEmpty()) return this;
        Map<EngineOption<?>, Object> m = new LinkedHashMap<>(values);
        other.values.forEach((k, v) -> {
            m.remove(k);
            m.put(k, v);
        });
        return new EngineOptions(Collections.unmodifiableMap(m));
    }

    /**
     * The one place where system properties map to options.
     * @return the value set here, else the option's system property's, else its default
     * @throws IllegalArgumentException when the system property holds a value the option does not take
     */
    public <T> T get(EngineOption<T> option) {
        Object v = values.get(option);
        if (v != null) {
            @SuppressWarnings("unchecked") T t = (T) v;
            return t;
        }
        String prop = option.property() == null ? null : System.getProperty(option.property());
        if (prop == null) return option.defaultValue();
        try {
            return option.parse(prop);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + option.property() + "=" + prop + ": expected " + option.values()
                    + " (engine option " + option.name() + ")", e);
        }
    }

    /** @return whether {@code option} is set here explicitly (not by its property or default) */
    public boolean isSet(EngineOption<?> option) { return values.containsKey(option); }

    /** @return whether nothing is set explicitly */
    public boolean isEmpty() { return values.isEmpty(); }

    /**
     * @return the explicit values as {@code KEY=VALUE,KEY=VALUE} ({@link #decode} reads it back)
     * @throws IllegalArgumentException when a value contains a comma
     */
    public String encode() {
        List<String> items = new ArrayList<>();
        values.forEach((k, v) -> {
            String s = String.valueOf(v);
            if (s.contains(",")) throw new IllegalArgumentException("option " + k.name() + "=" + s + ": a value passed on cannot contain ','");
            items.add(k.name() + "=" + s);
        });
        return String.join(",", items);
    }

    @Override public String toString() { return encode(); }

    @Override public boolean equals(Object o) { return o instanceof EngineOptions e && e.values.equals(values); }

    @Override public int hashCode() { return values.hashCode(); }

    /**
     * The options of this JVM: what {@link #install} set, else the {@value #PROPERTY} property's list (read
     * once). {@link Engine#compile(org.tailbench.wasm.validate.ValidatedModule)} compiles with them, and
     * {@link Scope#JVM} options are read from them.
     */
    public static EngineOptions process() {
        EngineOptions p = process;
        if (p == null) {
            synchronized (EngineOptions.class) {
                if (process == null) process = decode(System.getProperty(PROPERTY));
                p = process;
            }
        }
        return p;
    }

    /**
     * Makes {@code options} (plus the {@value #PROPERTY} property's list, which they override) this JVM's
     * options: call it once, before the first engine runs, so that {@link Scope#JVM} options take effect.
     */
    public static synchronized void install(EngineOptions options) {
        process = decode(System.getProperty(PROPERTY)).withAll(options);
    }

    /** @return the options table as text lines for {@code --help}: name, values, default and unit, engines, scope, property, doc */
    public static List<String> helpLines() {
        List<String> out = new ArrayList<>();
        for (EngineOption<?> o : ALL) {
            String dflt = o.defaultText().isEmpty() ? "none" : o.defaultText() + (o.unit().isEmpty() ? "" : " " + o.unit());
            out.add("  " + o.name() + "=" + o.values() + "  (default " + dflt + "; " + o.engines()
                    + (o.scope() == Scope.JVM ? "; per JVM" : "") + (o.property() != null ? "; -D" + o.property() : "") + ")");
            out.add("      " + o.doc());
        }
        return out;
    }
}
