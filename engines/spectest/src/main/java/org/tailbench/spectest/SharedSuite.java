package org.tailbench.spectest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a pinned suite folder that lives in {@code shared/} beside the repository ({@link Testsuite},
 * {@link WasiTestsuite}): the folder a system property names, else {@code shared/NAME} in or beside the first
 * ancestor of the working directory that has one. A folder counts only when it has the suite's marker folder
 * ({@code json/}, {@code tests/}), so a half-made copy is not taken.
 */
final class SharedSuite {
    private SharedSuite() {}

    /**
     * @param property the system property that may name the folder (relative: to the working directory)
     * @param name     the folder's name in {@code shared/}, e.g. {@code wasm-testsuite}
     * @param marker   the subfolder the suite must have, e.g. {@code json}
     * @return the folder, absolute and normalized; empty when none is found
     */
    static Optional<Path> locate(String property, String name, String marker) {
        String prop = System.getProperty(property);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve(marker))) return Optional.of(p);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path cand : new Path[] {p.resolve("shared").resolve(name), p.resolveSibling("shared").resolve(name)}) {
                if (Files.isDirectory(cand.resolve(marker))) return Optional.of(cand.normalize());
            }
        }
        return Optional.empty();
    }
}
