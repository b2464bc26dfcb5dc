package org.tailbench.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tailbench.runtime.Engine;
import org.tailbench.runtime.Engines;

/** Option parsing of {@link MicroReport} (running JMH itself is left to micro.sh). */
class MicroReportTest {
    @Test
    void defaultsAreEveryEngineAndKernel() {
        MicroReport.Settings s = MicroReport.parse(new String[] {"--out", "/tmp/x"});
        assertThat(s.engines()).containsExactlyInAnyOrderElementsOf(Engines.all().stream().map(Engine::name).toList());
        assertThat(s.engines().getFirst()).isEqualTo("switch");
        assertThat(s.kernels()).isEqualTo(Kernels.NAMES);
        assertThat(s).extracting(MicroReport.Settings::n, MicroReport.Settings::forks, MicroReport.Settings::warmup,
                MicroReport.Settings::iterations, MicroReport.Settings::seconds).containsExactly(10_000, 1, 3, 5, 1);
        assertThat(s.out()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void optionsAreParsedAndChecked() {
        MicroReport.Settings s = MicroReport.parse(new String[] {"--out", "o", "--engines", "switch", "--kernels",
                "call,returnCall", "--n", "500", "--warmup", "0", "--iterations", "2", "--time", "3"});
        assertThat(s.engines()).containsExactly("switch");
        assertThat(s.kernels()).containsExactly("call", "returnCall");
        assertThat(s.n()).isEqualTo(500);
        assertThat(s.warmup()).isZero();
        assertThatThrownBy(() -> MicroReport.parse(new String[] {"--engines", "switch"})).hasMessageContaining("--out is required");
        assertThatThrownBy(() -> MicroReport.parse(new String[] {"--out", "o", "--n", "0"})).hasMessageContaining("--n needs an integer ≥ 1");
        assertThatThrownBy(() -> MicroReport.parse(new String[] {"--out", "o", "--n", "x"})).hasMessageContaining("got \"x\"");
        assertThatThrownBy(() -> MicroReport.parse(new String[] {"--out", "o", "--engines", "nope"})).hasMessageContaining("unknown engine");
        assertThatThrownBy(() -> MicroReport.parse(new String[] {"--out", "o", "--kernels", "nope"})).hasMessageContaining("kernels are");
        assertThatThrownBy(() -> MicroReport.parse(new String[] {"--out"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> MicroReport.parse(new String[] {"--frobnicate", "1"})).hasMessageContaining("unknown option");
    }
}
