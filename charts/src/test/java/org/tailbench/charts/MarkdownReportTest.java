package org.tailbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MarkdownReport#shownJvmArgs}: results.md shows the forks' flags without local folders. */
class MarkdownReportTest {
    @Test
    void graalWasmsModulePathsAreShownFromTheRepositoryAndTheRunFolderFlagsAreLeftOut() {
        String shown = MarkdownReport.shownJvmArgs(List.of("-Xss16m", "--module-path", "/work/ci7/engines/peer-graalwasm/target/graal/modules",
                "--upgrade-module-path", "/home/me/tb/engines/peer-graalwasm/target/graal/upgrade/compiler-25.0.2.jar",
                "-Dtailbench.failures.dir=/tmp/run/failures", "-Dtailbench.firstrun.dir=/tmp/run/firstrun/aot",
                "-Dx=/srv/a:/srv/b/workloads/wasm", "--add-modules", "org.graalvm.polyglot"));
        assertThat(shown).isEqualTo("-Xss16m --module-path REPO/engines/peer-graalwasm/target/graal/modules --upgrade-module-path"
                + " REPO/engines/peer-graalwasm/target/graal/upgrade/compiler-25.0.2.jar -Dx=/srv/a:REPO/workloads/wasm"
                + " --add-modules org.graalvm.polyglot");
        assertThat(shown).doesNotContain("/work/").doesNotContain("/home/").doesNotContain("/tmp/");
    }
}
