package org.tailbench.spectest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pinned suites that live in {@code shared/} beside the repository, and how to find one: the folder its
 * system property names, else {@code shared/NAME} in or beside the first ancestor of the working directory
 * that has one. A folder counts only when it has the suite's marker folder ({@code json/}, {@code tests/}),
 * so a half-made copy is not taken. {@link Testsuite} and {@link WasiTestsuite} are the callers' names for
 * {@link #SPEC} and {@link #WASI}.
 */
public enum SharedSuite {
    /** The WebAssembly spec testsuite as {@code wast2json} output (the folder with {@code json/} and {@code wast/}). */
    SPEC("tailbench.testsuite", "wasm-testsuite", "json",
            "the spec testsuite is missing: expected ../shared/wasm-testsuite beside the "
            + "repository (or -Dtailbench.testsuite=DIR). To make it: clone github.com/WebAssembly/testsuite at the commit "
            + "named in shared/wasm-testsuite/README.md (3a04b2cf93bd8fce277458d419eea8d9c326345c) and run "
            + "`wast2json --enable-all FILE.wast -o json/NAME.json` (wabt 1.0.32) for each .wast file"),
    /** The WASI preview 1 testsuite (github.com/WebAssembly/wasi-testsuite; the folder with {@code tests/}). */
    WASI("tailbench.wasitestsuite", "wasi-testsuite", "tests",
            "the WASI testsuite is missing: expected ../shared/wasi-testsuite beside the "
            + "repository (or -Dtailbench.wasitestsuite=DIR). To make it: take the prebuilt wasm32-wasip1 tests "
            + "(tests/{assemblyscript,c,rust}/testsuite/wasm32-wasip1) of github.com/WebAssembly/wasi-testsuite, branch "
            + "prod/testsuite-base, commit 9f80ca35444cfd9e63100725615140a346652e6c (see shared/wasi-testsuite/README.md)");

    /** The system property that names the folder (the parent pom sets it for surefire). */
    public final String property;
    /** The folder's name in {@code shared/}, e.g. {@code wasm-testsuite}. */
    public final String folder;
    /** The subfolder the suite must have, e.g. {@code json}. */
    public final String marker;
    /** What to tell a user when the folder is missing. */
    public final String howToGet;

    SharedSuite(String property, String folder, String marker, String howToGet) {
        this.property = property;
        this.folder = folder;
        this.marker = marker;
        this.howToGet = howToGet;
    }

    /**
     * @return the suite's folder, absolute and normalized: the {@link #property} when it names a folder with the
     *         {@link #marker} subfolder (relative: to the working directory), else {@code shared/}{@link #folder} in
     *         or beside the first ancestor of the working directory that has one; empty when none is found
     */
    public Optional<Path> locate() {
        String prop = System.getProperty(property);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve(marker))) return Optional.of(p);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path cand : new Path[] {p.resolve("shared").resolve(folder), p.resolveSibling("shared").resolve(folder)}) {
                if (Files.isDirectory(cand.resolve(marker))) return Optional.of(cand.normalize());
            }
        }
        return Optional.empty();
    }
}
