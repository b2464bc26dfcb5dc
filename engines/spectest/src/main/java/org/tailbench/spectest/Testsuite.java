package org.tailbench.spectest;

import java.nio.file.Path;
import java.util.Optional;

/** Finds the pinned spec testsuite folder (the one with {@code json/} and {@code wast/}). */
public final class Testsuite {
    /** The system property that names the folder (the parent pom sets it for surefire). */
    public static final String PROPERTY = "tailbench.testsuite";

    /** What to tell a user when the folder is missing. */
    public static final String HOW_TO_GET = "the spec testsuite is missing: expected ../shared/wasm-testsuite beside the "
            + "repository (or -D" + PROPERTY + "=DIR). To make it: clone github.com/WebAssembly/testsuite at the commit "
            + "named in shared/wasm-testsuite/README.md (3a04b2cf93bd8fce277458d419eea8d9c326345c) and run "
            + "`wast2json --enable-all FILE.wast -o json/NAME.json` (wabt 1.0.32) for each .wast file";

    private Testsuite() {}

    /**
     * @return the testsuite folder: the {@value #PROPERTY} property when it names a folder with
     *         {@code json/}, else {@code shared/wasm-testsuite} beside the first ancestor of the
     *         working directory that has one; empty when none is found
     */
    public static Optional<Path> locate() { return SharedSuite.locate(PROPERTY, "wasm-testsuite", "json"); }

    /** @return the {@code json/} folder of {@link #locate()} */
    public static Optional<Path> jsonDir() { return locate().map(p -> p.resolve("json")); }
}
