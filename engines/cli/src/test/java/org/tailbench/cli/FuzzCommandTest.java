package org.tailbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tailbench fuzz}: a replay and a short seeded run, in worker JVMs with the test class path. */
class FuzzCommandTest {
    /** (module (func (export "f") (result i32) i32.const 7 i32.const 5 i32.add)), assembled by hand (spec §5.5). */
    private static final byte[] ADD = {
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
        0x0A, 0x09, 0x01, 0x07, 0x00, 0x41, 0x07, 0x41, 0x05, 0x6A, 0x0B
    };

    @Test
    void replayPrintsEachEnginesOutcome(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("add.wasm");
        Files.write(f, ADD);
        MainTest.Result r = MainTest.run("fuzz", "--replay", f.toString(), "--engines", "switch,aot", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("switch:\n  instantiated\n  invoke f: [i32:12]").contains("aot:\n  instantiated\n  invoke f: [i32:12]")
                .contains("no finding");
    }

    @Test
    void shortRunWritesItsSummary(@TempDir Path tmp) throws Exception {
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.write(seeds.resolve("add.wasm"), ADD);
        Path out = tmp.resolve("out");
        MainTest.Result r = MainTest.run("fuzz", "--cases", "40", "--seed", "3", "--workloads", seeds.toString(),
                "--testsuite", Files.createDirectories(tmp.resolve("empty")).toString(), "--engines", "switch,closure", "--out", out.toString(), "--wabt-every", "0");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("fuzz: 40 cases in");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"cases\" : 40");
    }
}
