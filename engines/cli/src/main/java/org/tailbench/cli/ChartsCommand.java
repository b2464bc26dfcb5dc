package org.tailbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tailbench.charts.workbench.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tailbench charts RUN_DIR}: (re)draws the charts of a run folder ({@code results/<run>/} of
 * run-bench.sh, or a profile folder) into {@code RUN_DIR/charts/} (a {@code tailbench tune} output's gains chart into
 * its own folder, {@code gains.png}) and writes {@code RUN_DIR/index.html} ({@link Workbench#draw}); its line names
 * the files it wrote ({@link Workbench.Drawn#summary}). Exit 0 when the page was written, 1 when the folder cannot be read or written.
 */
@Command(name = "charts", mixinStandardHelpOptions = true,
        description = {"Draws the charts of a run folder (JMH results, JFR recordings, opcode profiles) into RUN_DIR/charts/"
                + " (PNG + SVG; a tailbench tune output's gains chart into its own folder as gains.png) and writes RUN_DIR/index.html, one self-contained page to publish."})
final class ChartsCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run folder, e.g. results/latest")
    Path runDir;

    ChartsCommand(Io io) { this.io = io; }

    @Override public Integer call() {
        try {
            Workbench.Drawn d = Workbench.draw(runDir);
            io.out().println(d.summary());   // names where the charts went: charts/, or a tune folder's gains.png
            for (String n : d.notes()) io.out().println("note: " + n);
            return 0;
        } catch (IOException | RuntimeException e) {
            io.err().println("error: " + e.getMessage());
            return 1;
        }
    }
}
