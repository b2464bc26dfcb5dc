package org.tailbench.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.EngineOption;
import org.tailbench.runtime.EngineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The command-line options several commands share, as picocli mixins. */
final class EngineArgs {
    private EngineArgs() {}

    /** {@code --engine NAME} (default switch): run, spectest, wasitest, profile. */
    static final class Choice {
        @Option(names = "--engine", defaultValue = "switch", paramLabel = "NAME",
                description = "Engine to run on (default: ${DEFAULT-VALUE}); see `tailbench engines`.")
        String name;

        /** @return the engine called {@link #name} @throws UserError naming the engines there are */
        Engine engine() { return ModuleInput.engine(name); }
    }

    /**
     * {@code --option KEY=VALUE} (repeatable) and {@code --options-file FILE}: engine options ({@link EngineOptions})
     * for run, compile, spectest, wasitest, profile and fuzz. The table of options is the commands' help footer.
     */
    static final class Tuning {
        @Option(names = "--option", paramLabel = "KEY=VALUE",
                description = "Engine option (repeatable; later ones win); the options are listed below. Default: none.")
        List<String> items = new ArrayList<>();

        @Option(names = "--options-file", paramLabel = "FILE",
                description = "Engine options from a tuning file: one KEY=VALUE per line, # comments; --option items win.")
        Path file;

        /** @return what was given on the command line, nothing installed */
        EngineOptions given() {
            try {
                EngineOptions o = file == null ? EngineOptions.NONE : EngineOptions.load(file);
                return o.withAll(EngineOptions.parse(items));
            } catch (NoSuchFileException x) {
                throw new UserError(file + ": no such file (--options-file)");
            } catch (IOException x) {
                throw new UserError(file + ": " + x.getMessage());
            } catch (IllegalArgumentException x) {
                throw new UserError(x.getMessage());
            }
        }

        /**
         * Parses the options once and, when any were given, makes them this JVM's ({@link EngineOptions#install}), so
         * that per-JVM options take effect before the first engine runs.
         * @return the options to compile with: this JVM's ({@link EngineOptions#process()}, which is exactly what
         *         engines used before options existed when none is given)
         * @throws UserError for an unknown key, a bad value (also in a {@code -Dtailbench...} property or
         *         {@code -Dtailbench.options}) or an unreadable file
         */
        EngineOptions install() {
            EngineOptions o = given();
            try {
                if (!o.isEmpty()) EngineOptions.install(o);
                EngineOptions p = EngineOptions.process();
                for (EngineOption<?> k : EngineOptions.ALL) p.get(k);   // a bad property: named now, not as an internal error later
                return p;
            } catch (IllegalArgumentException x) {
                throw new UserError(x.getMessage());
            }
        }
    }

    /** @return {@code p} @throws UserError "P: no such file or folder" when it does not exist */
    static Path existing(Path p) {
        if (!java.nio.file.Files.exists(p)) throw new UserError(p + ": no such file or folder");
        return p;
    }

    /** Adds the table of engine options to the help of {@code cl} (a command that mixes in {@link Tuning}). */
    static CommandLine withOptionsHelp(CommandLine cl) {
        List<String> footer = new ArrayList<>(List.of(cl.getCommandSpec().usageMessage().footer()));
        footer.add("");
        footer.add("Engine options (--option KEY=VALUE; a -Dtailbench... system property overrides the default, an option"
                + " overrides both; \"per JVM\": read once, before the first engine runs):");
        footer.addAll(EngineOptions.helpLines());
        cl.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        return cl;
    }
}
