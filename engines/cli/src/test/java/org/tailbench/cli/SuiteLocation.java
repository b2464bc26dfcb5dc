package org.tailbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the spec testsuite is: system property {@code tailbench.testsuite}, else ../shared/wasm-testsuite from the repo root. */
final class SuiteLocation {
    private SuiteLocation() {}

    /** @return the testsuite root (with a json/ folder), or null when it is not there */
    static Path find() {
        String prop = System.getProperty("tailbench.testsuite");
        if (prop != null && Files.isDirectory(Path.of(prop, "json"))) return Path.of(prop);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("../shared/wasm-testsuite").normalize();
            if (Files.isDirectory(c.resolve("json"))) return c;
        }
        return null;
    }
}
