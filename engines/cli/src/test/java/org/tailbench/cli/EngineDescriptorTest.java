package org.tailbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;

/**
 * The engine lists the suite derives from the Engine API ({@link Engine#peer()}, {@link Engine#order()},
 * {@link Engine#constantStackTailCalls()}, {@link Engine#unavailableReason()}), checked against the README's
 * engine table (expected values typed from it, not read from the code) on the full class path of the CLI.
 */
class EngineDescriptorTest {
    @Test
    void ownEnginesInTheReadmesOrderAndPeersApart() {
        assertThat(Engines.ownNames()).containsExactly("switch", "threaded", "tailcall", "closure", "aot", "aot-naive",
                "native", "native-naive");
        assertThat(Engines.all().stream().filter(Engine::peer).map(Engine::name).toList())
                .containsExactlyInAnyOrder("chicory-interp", "chicory-aot", "graalwasm", "wasmtime");
    }

    @Test
    void onlyTheNaiveBaselinesGrowTheStackOnTailCalls() {
        List<String> naive = Engines.own().stream().filter(e -> !e.constantStackTailCalls()).map(Engine::name).toList();
        assertThat(naive).containsExactlyInAnyOrder("aot-naive", "native-naive");
        assertThat(org.tailbench.fuzz.Verdict.noTailCallEngines()).containsExactlyInAnyOrder("aot-naive", "native-naive");
    }

    @Test
    void unavailabilityIsAnApiAnswerAndStillShownInTheDescription() {
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        for (Engine e : Engines.all()) {
            if (!e.name().startsWith("native")) {
                assertThat(e.unavailableReason()).as(e.name()).isEmpty();
                continue;
            }
            if (linuxX64) assertThat(e.unavailableReason()).as(e.name()).isEmpty();
            else assertThat(e.unavailableReason()).as(e.name()).isPresent();
            e.unavailableReason().ifPresent(r -> assertThat(e.description()).contains("[unavailable: " + r + "]"));
        }
    }
}
