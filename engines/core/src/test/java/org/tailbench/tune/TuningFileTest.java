package org.tailbench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tuning.json's schema (version 1): what is written reads back equal, unknown keys and bad values are refused clearly. */
class TuningFileTest {
    private static final String SHA = "ab".repeat(32);

    @Test
    void writesAndReadsBack(@TempDir Path dir) throws Exception {
        TuningFile t = new TuningFile(TuningFile.FORMAT, 1, "n", List.of(new TuningFile.ModuleEntry("m.wasm", SHA,
                new TuningFile.Aot(16, List.of(new TuningFile.Devirtualize(3, 17, "return_call_indirect", List.of(5, 6),
                        new TuningFile.Evidence(100, List.of(60L, 30L))))))));
        Path f = dir.resolve("tuning.json");
        t.write(f);
        assertThat(TuningFile.read(f)).isEqualTo(t);
        assertThat(Files.readString(f)).contains("\"format\" : \"tailbench-tuning\"").contains("\"targets\" : [ 5, 6 ]");
        assertThat(TuningFile.read(f).entryFor(SHA.toUpperCase())).isEqualTo(t.modules().get(0));
        assertThat(TuningFile.read(f).entryFor("cd".repeat(32))).isNull();
    }

    @Test
    void interpreterDecisionsReadBackAndGiveTheSwitchOption(@TempDir Path dir) throws Exception {
        TuningFile t = new TuningFile(TuningFile.FORMAT, 1, "n", List.of(), new TuningFile.Interp(List.of(
                new TuningFile.Superinstruction("local.get>i32.const>i32.add", new TuningFile.PatternEvidence(500, 0.05)),
                new TuningFile.Superinstruction("local.get>local.get", null))));
        Path f = dir.resolve("tuning.json");
        t.write(f);
        assertThat(TuningFile.read(f)).isEqualTo(t);
        assertThat(TuningFile.read(f).superinstructionsOption()).isEqualTo("local.get>i32.const>i32.add;local.get>local.get");
        assertThat(t.interp().superinstructions()).extracting(TuningFile.Superinstruction::kind).containsExactly("triples", "pairs");
        assertThat(new TuningFile(TuningFile.FORMAT, 1, null, List.of()).superinstructionsOption()).isEmpty();
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[],"
                + "\"interp\":{\"superinstructions\":[{\"pattern\":\"local.get\"}]}}", "t"))
                .hasMessageContaining("$.interp.superinstructions[0].pattern must be two or three instruction names joined by '>', got \"local.get\"");
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[],"
                + "\"interp\":{\"superinstruction\":[]}}", "t"))
                .hasMessageContaining("unknown key \"superinstruction\" at $.interp");
    }

    @Test
    void theNativeSectionReadsBackUnderItsJsonKeyAndIsCheckedAsAotsIs(@TempDir Path dir) throws Exception {
        TuningFile.Devirtualize d = new TuningFile.Devirtualize(3, 17, "call_indirect", List.of(5), null);
        TuningFile t = new TuningFile(TuningFile.FORMAT, 1, "n", List.of(new TuningFile.ModuleEntry("m.wasm", SHA, null,
                new TuningFile.Native(List.of(d)))));
        Path f = dir.resolve("tuning.json");
        t.write(f);
        assertThat(TuningFile.read(f)).isEqualTo(t);
        assertThat(Files.readString(f)).contains("\"native\" : {").doesNotContain("nativ\"").doesNotContain("\"aot\"");
        assertThat(TuningFile.read(f).entryFor(SHA).nativ().devirtualize()).containsExactly(d);
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[{\"sha256\":\"" + SHA
                + "\",\"native\":{\"devirtualize\":[{\"function\":1,\"offset\":2,\"op\":\"call\",\"targets\":[3]}]}}]}", "t"))
                .hasMessageContaining("$.modules[0].native.devirtualize[0].op is \"call\"");
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[{\"sha256\":\"" + SHA
                + "\",\"native\":{\"tailChainLimit\":3}}]}", "t"))
                .hasMessageContaining("unknown key \"tailChainLimit\" at $.modules[0].native");
    }

    @Test
    void theModuleKeyIsTheHexSha256OfItsBytes() {
        // FIPS 180-2 appendix B.1: SHA-256("abc")
        assertThat(TuningFile.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void optionalKeysMayBeLeftOut() {
        TuningFile t = TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[{\"sha256\":\"" + SHA
                + "\",\"aot\":{\"devirtualize\":[{\"function\":1,\"offset\":2,\"op\":\"call_indirect\",\"targets\":[3]}]}}]}", "t");
        assertThat(t.modules().get(0).aot().chainLimit()).isEqualTo(TuningFile.DEFAULT_TAIL_CHAIN_LIMIT);
        assertThat(t.modules().get(0).aot().devirtualize().get(0).evidence()).isNull();
    }

    @Test
    void unknownKeysAreRefusedWithTheirNameAndPlace() {
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[{\"sha256\":\"" + SHA
                + "\",\"aot\":{\"devirtualise\":[]}}]}", "t.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.json: unknown key \"devirtualise\" at $.modules[0].aot")
                .hasMessageContaining("allows: devirtualize, tailChainLimit");
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[],\"extra\":1}", "t.json"))
                .hasMessageContaining("unknown key \"extra\" at $ ");
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"x\",\"version\":1,\"modules\":[]}", "t"))
                .hasMessageContaining("\"format\" is \"x\", expected \"tailbench-tuning\"");
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":2,\"modules\":[]}", "t"))
                .hasMessageContaining("tuning schema version 2, this build reads version 1");
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[{\"sha256\":\"12\"}]}", "t"))
                .hasMessageContaining("$.modules[0].sha256 must be");
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":\"tailbench-tuning\",\"version\":1,\"modules\":[{\"sha256\":\"" + SHA
                + "\",\"aot\":{\"devirtualize\":[{\"function\":1,\"offset\":2,\"op\":\"call\",\"targets\":[3]}]}}]}", "t"))
                .hasMessageContaining("$.modules[0].aot.devirtualize[0].op is \"call\"");
        assertThatThrownBy(() -> TuningFile.parse("{\"format\":", "t")).hasMessageContaining("t: not a valid tuning file");
        assertThatThrownBy(() -> TuningFile.read(Path.of("/nonexistent/t.json"))).hasMessageContaining("no such file");
    }
}
