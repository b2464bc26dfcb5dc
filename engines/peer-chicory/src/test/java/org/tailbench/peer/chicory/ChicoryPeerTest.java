package org.tailbench.peer.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tailbench.peer.contract.PeerContractTest;
import org.tailbench.runtime.Engines;
import org.tailbench.runtime.PeerEngine;

/**
 * chicory-interp and chicory-aot behind our interfaces: the shared {@link PeerContractTest} (workloads at
 * smoke size against the native builds' expected output, trap kinds, exit codes, a few spec files). On the
 * musttail guest interpreter, Chicory 1.7.5's interpreter fails in {@code StackFrame.reset} and its compiler
 * does not keep tail calls off the JVM stack: the outcome must be the right output or one of our traps.
 */
class ChicoryPeerTest extends PeerContractTest {
    @Override protected List<String> engineNames() { return List.of("chicory-interp", "chicory-aot"); }

    @Override protected String libraryVersion() { return "1.7.5"; }

    @Override protected List<String> specFiles() {
        return List.of("i32.json", "call.json", "memory.json", "linking.json", "call_indirect.json", "tailcall_return_call.json");
    }

    @Test
    void chicoryAotNamesItsAsmVersion() {
        assertThat(((PeerEngine) Engines.byName("chicory-aot")).about().get("library")).contains("ASM 9.10.1");
    }
}
