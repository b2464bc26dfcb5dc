package org.tailbench.bench.run;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the tailbench repository (the folder holding {@code run-bench.sh} and {@code workloads/}). */
final class Repo {
    private Repo() {}

    /** @return the first ancestor of the running jar (e.g. engines/cli/target/tailbench.jar), else of the working folder, with run-bench.sh; else the working folder */
    static Path find() {
        try {
            Path jar = Path.of(Repo.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path d = jar.getParent(); d != null; d = d.getParent()) if (isRepo(d)) return d;
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working folder
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path d = cwd; d != null; d = d.getParent()) if (isRepo(d)) return d;
        return cwd;
    }

    static boolean isRepo(Path d) {
        return Files.isRegularFile(d.resolve("run-bench.sh")) && Files.isDirectory(d.resolve("workloads"));
    }
}
