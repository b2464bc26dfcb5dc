package org.tailbench.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds engines on the class path ({@code META-INF/services/org.tailbench.runtime.Engine}). */
public final class Engines {
    private Engines() {}

    /** @return every engine, sorted by name */
    public static List<Engine> all() {
        List<Engine> list = new ArrayList<>();
        ServiceLoader.load(Engine.class).forEach(list::add);
        list.sort(Comparator.comparing(Engine::name));
        return list;
    }

    /**
     * @return the suite's own engines (not {@link Engine#peer() peers}) in {@link Engine#order()}, then by
     *         name: switch, threaded, tailcall, closure, aot, aot-naive, native, native-naive when all are on
     *         the class path
     */
    public static List<Engine> own() {
        List<Engine> list = new ArrayList<>(all().stream().filter(e -> !e.peer()).toList());
        list.sort(Comparator.comparingInt(Engine::order).thenComparing(Engine::name));
        return list;
    }

    /** @return the names of {@link #own()} */
    public static List<String> ownNames() { return own().stream().map(Engine::name).toList(); }

    /** @throws IllegalArgumentException naming the engines there are, when none is called {@code name} */
    public static Engine byName(String name) {
        List<Engine> all = all();
        for (Engine e : all) {
            if (e.name().equals(name)) return e;
        }
        throw new IllegalArgumentException("unknown engine \"" + name + "\"; engines are "
                + all.stream().map(Engine::name).toList());
    }
}
