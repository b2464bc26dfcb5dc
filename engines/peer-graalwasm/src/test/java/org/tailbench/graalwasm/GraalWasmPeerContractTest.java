package org.tailbench.graalwasm;

import java.util.List;
import org.tailbench.peer.contract.PeerContractTest;

/**
 * graalwasm through the shared {@link PeerContractTest} (interpreter-only here: surefire runs without JVMCI).
 * GraalWasm 25.0.2 does not implement the tail-call proposal, so it may reject {@code pyvm_tailcall}
 * ({@link GraalWasmEngineTest#tailCallsAreReportedAsUnsupported} checks the message). Its spec files are
 * ones {@link GraalWasmSpecTest} (exact per-file counts) does not run.
 */
class GraalWasmPeerContractTest extends PeerContractTest {
    @Override protected List<String> engineNames() { return List.of("graalwasm"); }

    @Override protected String libraryVersion() { return "25.0.2"; }

    @Override protected List<String> specFiles() { return List.of("call.json", "memory.json"); }

    @Override protected boolean mayRejectTailCalls() { return true; }
}
