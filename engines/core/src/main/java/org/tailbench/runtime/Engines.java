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
