package org.tailbench.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Wasi#onClose}: resources of a peer engine's run (e.g. GraalWasm's context) end with the run. */
class WasiOnCloseTest {
    @Test void closeClosesRegisteredResourcesInReverseOrderAndReportsAFailureAfterClosingTheRest() {
        List<String> closed = new ArrayList<>();
        Wasi wasi = Wasi.builder().build();
        wasi.onClose(() -> closed.add("first"));
        wasi.onClose(() -> { closed.add("second"); throw new IllegalStateException("boom"); });
        wasi.onClose(() -> closed.add("third"));
        assertThatThrownBy(wasi::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("boom");
        assertThat(closed).containsExactly("third", "second", "first");
        wasi.close();  // registered resources are closed once
        assertThat(closed).hasSize(3);
    }
}
