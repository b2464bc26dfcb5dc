package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentInfoTest {
    @Test
    void recordsThisJvmAndMachine(@TempDir Path dir) throws Exception {
        JsonNode env = EnvironmentInfo.collect("-Xss16m -Xmx2g", dir);
        assertThat(env.path("java").path("version").asText()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(env.path("java").path("benchmarkJvmArgs").asText()).isEqualTo("-Xss16m -Xmx2g");
        assertThat(env.path("cpu").path("availableProcessors").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(env.path("os").path("kernel").asText()).isEqualTo(System.getProperty("os.version"));
        if (Files.exists(Path.of("/proc/cpuinfo"))) {
            assertThat(env.path("cpu").path("logicalCpus").asInt()).isPositive();
        }
        assertThat(env.path("git").has("commit")).isFalse();  // the temp dir is not a git work tree
        String md = EnvironmentInfo.markdown(env);
        assertThat(md).startsWith("## Environment\n").contains("- JVM: ").contains("`-Xss16m -Xmx2g`");
    }
}
