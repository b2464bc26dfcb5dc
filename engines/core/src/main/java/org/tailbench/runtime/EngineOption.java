package org.tailbench.runtime;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One typed engine option: its name ({@code aot.split}), the values it takes, its default, unit, the engines
 * that read it, when it is read ({@link Scope}) and the system property that overrides its default. Every
 * option is declared once, in {@link EngineOptions}' table.
 *
 * @param <T> the value type: {@link Boolean}, {@link Integer}, {@link Long} or {@link String}
 */
public final class EngineOption<T> {
    /** When an option is read. */
    public enum Scope {
        /** when a module is compiled: each {@link Engine#compile(org.tailbench.wasm.validate.ValidatedModule, EngineOptions)} may differ */
        MODULE,
        /**
         * once per JVM, when the engine's classes first need it (a constant the JIT folds, or a thread pool):
         * from {@link EngineOptions#process()}, so it must be set before the first engine runs (the CLI does)
         */
        JVM
    }

    private final String name;
    private final String values;
    private final T defaultValue;
    private final String unit;
    private final String engines;
    private final Scope scope;
    private final String property;
    private final String doc;
    private final Function<String, T> parser;

    private EngineOption(String name, String values, T defaultValue, String unit, String engines, Scope scope,
                         String property, String doc, Function<String, T> parser) {
        this.name = name;
        this.values = values;
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.engines = engines;
        this.scope = scope;
        this.property = property;
        this.doc = doc;
        this.parser = parser;
    }

    /** @return the name used on the command line and in option files, e.g. {@code aot.split} */
    public String name() { return name; }

    /** @return what values it takes, e.g. {@code none|hard|all} or {@code integer 1..65536} */
    public String values() { return values; }

    /** @return the value when neither an explicit option nor the system property sets it */
    public T defaultValue() { return defaultValue; }

    /** @return the unit of the value (e.g. {@code bytes}), or "" when it has none */
    public String unit() { return unit; }

    /** @return the engines that read it, e.g. {@code aot, aot-naive} */
    public String engines() { return engines; }

    /** @return when it is read */
    public Scope scope() { return scope; }

    /** @return the system property that overrides the default (e.g. {@code tailbench.aot.split}), or null when none does */
    public String property() { return property; }

    /** @return one sentence saying what it does */
    public String doc() { return doc; }

    /**
     * @param text the value as typed (surrounding blanks are ignored)
     * @return the value
     * @throws IllegalArgumentException naming the option, the text and the values it takes
     */
    public T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + name + "=" + text + ": expected " + values, e);
        }
    }

    /** @return the default as it is typed ({@link #parse} gives it back) */
    public String defaultText() { return String.valueOf(defaultValue); }

    @Override public String toString() { return name; }

    // ---- factories used by the table in EngineOptions ----

    static EngineOption<Boolean> bool(String name, boolean dflt, String engines, Scope scope, String property, String doc) {
        return new EngineOption<>(name, "true|false", dflt, "", engines, scope, property, doc, s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(s);
        });
    }

    static EngineOption<Integer> integer(String name, int dflt, int min, int max, String unit, String engines, Scope scope,
                                         String property, String doc) {
        String values = max == Integer.MAX_VALUE ? "integer >= " + min : "integer " + min + ".." + max;
        return new EngineOption<>(name, values, dflt, unit, engines, scope, property, doc, s -> {
            int v = Integer.parseInt(s);
            if (v < min || v > max) throw new IllegalArgumentException(s);
            return v;
        });
    }

    static EngineOption<Long> longInt(String name, long dflt, long min, String unit, String engines, Scope scope, String property, String doc) {
        return new EngineOption<>(name, "integer >= " + min, dflt, unit, engines, scope, property, doc, s -> {
            long v = Long.parseLong(s);
            if (v < min) throw new IllegalArgumentException(s);
            return v;
        });
    }

    static EngineOption<String> choice(String name, List<String> choices, String dflt, String engines, Scope scope, String property, String doc) {
        return new EngineOption<>(name, String.join("|", choices), dflt, "", engines, scope, property, doc, s -> {
            String v = s.toLowerCase(Locale.ROOT);
            if (!choices.contains(v)) throw new IllegalArgumentException(s);
            return v;
        });
    }

    static EngineOption<String> text(String name, String values, String dflt, String engines, Scope scope, String property, String doc) {
        return new EngineOption<>(name, values, dflt, "", engines, scope, property, doc, s -> s);
    }
}
