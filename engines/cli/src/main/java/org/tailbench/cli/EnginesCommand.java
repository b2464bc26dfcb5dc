package org.tailbench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;
import picocli.CommandLine.Command;

/** {@code tailbench engines}: one line per engine on the class path, name then description. */
@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "Lists the execution engines: name and a one-line description.")
final class EnginesCommand implements Callable<Integer> {
    private final Io io;

    EnginesCommand(Io io) { this.io = io; }

    @Override public Integer call() {
        List<Engine> all = Engines.all();
        if (all.isEmpty()) {
            io.err().println("error: no engines on the class path (META-INF/services/org.tailbench.runtime.Engine)");
            return 1;
        }
        int w = all.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Engine e : all) io.out().println(String.format("%-" + w + "s  %s", e.name(), e.description()));
        return 0;
    }
}
