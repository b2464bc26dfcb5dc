package org.tailbench.cli;

import java.nio.file.Path;

/**
 * The {@code --tuning FILE} argument of {@code run} and {@code compile} (issue 17): option {@code aot.tuning} or
 * {@code native.tuning}, or for the switch engine option {@code switch.superinstructions}.
 */
final class TuningArg {
    private TuningArg() {}

    /**
     * @return {@code file} as the value of option {@code aot.tuning} or {@code native.tuning}, after reading it once
     * @throws UserError with the file's own message when it is missing or no valid tuning file
     */
    static String check(Path file) {
        try {
            org.tailbench.tune.TuningFile.read(file);
        } catch (IllegalArgumentException | java.io.UncheckedIOException x) {
            throw new UserError(x.getMessage());
        }
        return file.toString();
    }

    /**
     * @return the file's superinstructions as the value of option {@code switch.superinstructions} (empty when it has none)
     * @throws UserError with the file's own message when it is missing or no valid tuning file, or names a pattern the
     *                   switch engine does not fuse
     */
    static String superinstructions(Path file) {
        try {
            String v = org.tailbench.tune.TuningFile.read(file).superinstructionsOption();
            org.tailbench.interp.lower.Superinstructions.parse(v);   // every pattern is one the engine fuses
            return v;
        } catch (IllegalArgumentException | java.io.UncheckedIOException x) {
            throw new UserError(file + ": " + x.getMessage());
        }
    }
}
