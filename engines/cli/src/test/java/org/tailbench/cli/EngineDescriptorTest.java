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
        for (Engine e : Engines.all()) {
            if (!e.name().startsWith("native")) {
                assertThat(e.unavailableReason()).as(e.name()).isEmpty();
                continue;
            }
            // native needs Linux x86-64 with certain CPU features (engines/native/README.md); either way the two agree
            if (e.unavailableReason().isPresent()) {
                assertThat(e.unavailableReason().get()).isNotBlank();
                assertThat(e.description()).as(e.name()).endsWith(" [unavailable: " + e.unavailableReason().get() + "]");
            } else {
                assertThat(e.description()).as(e.name()).doesNotContain("[unavailable:");
            }
        }
    }
}
