package org.tailbench.interp.attr;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tailbench.runtime.FrameAttribution;

/**
 * {@link FrameAttribution} for interpreters whose instructions run in their own nested handler or node
 * classes ({@code threaded}'s {@code Handler}s, {@code tailcall}'s {@code Instr}s, {@code closure}'s
 * {@code Expr}/{@code Stmt} nodes): a frame in a nested class of the engine's package that extends one
 * of the given base classes is attributed to {@link HandlerNames#label} of the class's simple name.
 * Wasm functions are not known from such frames.
 */
public final class HandlerClassAttribution implements FrameAttribution {
    private final String packagePrefix;
    private final String method;
    private final List<Class<?>> bases;
    private final ConcurrentHashMap<String, Optional<String>> labels = new ConcurrentHashMap<>();

    /**
     * @param packagePrefix the engine's package with a trailing dot, e.g. {@code org.tailbench.interp.threaded.}
     * @param method        the sentence for {@link #method()}
     * @param bases         the handler/node base classes
     */
    public HandlerClassAttribution(String packagePrefix, String method, Class<?>... bases) {
        this.packagePrefix = packagePrefix;
        this.method = method;
        this.bases = List.of(bases);
    }

    @Override
    public Attribution attribute(String className, String methodName, int bci, int line) {
        if (className == null || !className.startsWith(packagePrefix)) return Attribution.UNKNOWN;
        return labels.computeIfAbsent(className, this::labelOf).map(l -> new Attribution(l, -1)).orElse(Attribution.UNKNOWN);
    }

    private Optional<String> labelOf(String className) {
        String simple = HandlerNames.nestedSimpleName(className);
        if (simple == null) return Optional.empty();
        try {
            Class<?> k = Class.forName(className, false, bases.getFirst().getClassLoader());
            if (bases.stream().noneMatch(b -> b.isAssignableFrom(k))) return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        return Optional.of(HandlerNames.label(simple));
    }

    @Override public String method() { return method; }
}
