package org.tailbench.spectest;

import java.nio.file.Path;
import java.util.Optional;

/** Finds the pinned WASI preview 1 testsuite folder (github.com/WebAssembly/wasi-testsuite; the one with {@code tests/}). */
public final class WasiTestsuite {
    /** The system property that names the folder (the parent pom sets it for surefire). */
    public static final String PROPERTY = "tailbench.wasitestsuite";

    /** What to tell a user when the folder is missing. */
    public static final String HOW_TO_GET = "the WASI testsuite is missing: expected ../shared/wasi-testsuite beside the "
            + "repository (or -D" + PROPERTY + "=DIR). To make it: take the prebuilt wasm32-wasip1 tests "
            + "(tests/{assemblyscript,c,rust}/testsuite/wasm32-wasip1) of github.com/WebAssembly/wasi-testsuite, branch "
            + "prod/testsuite-base, commit 9f80ca35444cfd9e63100725615140a346652e6c (see shared/wasi-testsuite/README.md)";

    private WasiTestsuite() {}

    /**
     * @return the testsuite folder: the {@value #PROPERTY} property when it names a folder with
     *         {@code tests/}, else {@code shared/wasi-testsuite} beside the first ancestor of the
     *         working directory that has one; empty when none is found
     */
    public static Optional<Path> locate() { return SharedSuite.locate(PROPERTY, "wasi-testsuite", "tests"); }
}
