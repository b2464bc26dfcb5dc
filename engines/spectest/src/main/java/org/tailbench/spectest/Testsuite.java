package org.tailbench.spectest;

import java.nio.file.Path;
import java.util.Optional;

/** Finds the pinned spec testsuite folder: {@link SharedSuite#SPEC} under the name its callers use. */
public final class Testsuite {
    /** {@link SharedSuite#howToGet} of {@link SharedSuite#SPEC}. */
    public static final String HOW_TO_GET = SharedSuite.SPEC.howToGet;

    private Testsuite() {}

    /** @return {@link SharedSuite#locate} of {@link SharedSuite#SPEC} (property {@code tailbench.testsuite}) */
    public static Optional<Path> locate() { return SharedSuite.SPEC.locate(); }

    /** @return the {@code json/} folder of {@link #locate()} */
    public static Optional<Path> jsonDir() { return locate().map(p -> p.resolve("json")); }
}
