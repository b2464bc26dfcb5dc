package org.tailbench.charts.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable inputs become notes on the page; the page is still written. */
class WorkbenchBadInputTest {
    @Test
    void corruptFilesBecomeNotes(@TempDir Path run) throws IOException {
        Path jfr = run.resolve("jfr/nbody/switch.jfr");
        Files.createDirectories(jfr.getParent());
        Files.write(jfr, new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 1, 0, 0});   // a cut-off recording
        Path op = run.resolve("opcodes/nbody/switch.json");
        Files.createDirectories(op.getParent());
        Files.writeString(op, "[1, 2");
        Files.writeString(run.resolve("jmh.json"), "{not json");

        Workbench.Drawn d = Workbench.draw(run);

        assertThat(d.figures()).isEmpty();
        assertThat(d.notes()).anyMatch(n -> n.contains("switch.jfr") && n.contains("not a readable JFR recording"))
                .anyMatch(n -> n.contains("opcodes/nbody/switch.json"))
                .anyMatch(n -> n.startsWith("JMH results not charted"));
        assertThat(Files.readString(d.index())).contains("Not drawn").contains("not a readable JFR recording");
    }

    @Test
    void missingFolderIsAnError(@TempDir Path tmp) {
        assertThatThrownBy(() -> Workbench.draw(tmp.resolve("nope"))).isInstanceOf(IOException.class).hasMessageContaining("no such run folder");
    }
}
