package org.tailbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.cli.MainTest.Result;

/** {@code tailbench profile} writes the run folder: a JFR recording, the opcode profile and the metadata. */
class ProfileCommandTest {
    @Test
    void writesRecordingOpcodeProfileAndMetadata(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Result r = MainTest.run("profile", "--seconds", "0.3", "--warmup", "0.1", "--opcode-profile", "--out", out.toString(),
                MainTest.resource("hello.wasm"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hello\n");   // the first run only
        // charts drawn into the folder from its own copy of the module (their messages on stderr)
        assertThat(r.err()).contains("wrote " + out.resolve("index.html")).doesNotContain("module not found");
        assertThat(out.resolve("module/hello.wasm")).hasSameBinaryContentAs(Path.of(MainTest.resource("hello.wasm")));
        assertThat(out.resolve("index.html")).isNotEmptyFile();
        MainTest.assertNoJavaTrace(r);

        List<RecordedEvent> events = RecordingFile.readAllEvents(out.resolve("jfr/hello/switch.jfr"));
        // compiled again inside the recording: one tailbench.Compile for the one defined function (_start, index 2)
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("tailbench.Compile"))
                .extracting(e -> e.getInt("functionIndex")).containsExactly(2);

        // _start executes 9 i32.const, 2 i32.store, call fd_write, drop, call proc_exit (which never returns)
        String json = Files.readString(out.resolve("opcodes/hello/switch.json"));
        assertThat(json).contains("\"engine\":\"switch\",\"workload\":\"hello\",\"args\":[],\"totalInstructions\":14,")
                .contains("\"ops\":{\"i32.const\":9,\"call\":2,\"i32.store\":2,\"drop\":1}");
        assertThat(Files.readString(out.resolve("command.txt"))).contains("tailbench profile --engine switch");
        assertThat(Files.readString(out.resolve("environment.json"))).contains("\"java.version\":");
    }

    @Test
    void aTrappingProgramIsReportedAndNotRecorded(@TempDir Path dir) {
        Result r = MainTest.run("profile", "--seconds", "0.2", "--out", dir.resolve("run").toString(), MainTest.resource("trap.wasm"));
        assertThat(r.code()).isEqualTo(134);
        assertThat(r.err()).startsWith("trap: unreachable");
        assertThat(dir.resolve("run")).doesNotExist();
    }
}
