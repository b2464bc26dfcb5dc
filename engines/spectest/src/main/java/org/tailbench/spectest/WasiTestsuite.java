package org.tailbench.spectest;

import java.nio.file.Path;
import java.util.Optional;

/** Finds the pinned WASI preview 1 testsuite folder: {@link SharedSuite#WASI} under the name its callers use. */
public final class WasiTestsuite {
    private WasiTestsuite() {}

    /** {@link SharedSuite#howToGet} of {@link SharedSuite#WASI}. */
    public static final String HOW_TO_GET = SharedSuite.WASI.howToGet;

    /** @return {@link SharedSuite#locate} of {@link SharedSuite#WASI} (property {@code tailbench.wasitestsuite}; its {@code tests/} folder inside) */
    public static Optional<Path> locate() { return SharedSuite.WASI.locate(); }
}
