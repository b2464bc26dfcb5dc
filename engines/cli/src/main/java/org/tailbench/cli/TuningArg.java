package org.tailbench.cli;

import java.nio.file.Path;

/** The {@code --tuning FILE} argument of {@code run} and {@code compile} (issue 17): option {@code aot.tuning}. */
final class TuningArg {
    private TuningArg() {}

    /**
     * @return {@code file} as the value of option {@code aot.tuning}, after reading it once
     * @throws UserError with the file's own message when it is missing or no valid tuning file
     */
    static String check(Path file) {
        try {
            org.tailbench.aot.tune.TuningFile.read(file);
        } catch (IllegalArgumentException | java.io.UncheckedIOException x) {
            throw new UserError(x.getMessage());
        }
        return file.toString();
    }
}
