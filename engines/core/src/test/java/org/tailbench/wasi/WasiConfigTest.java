package org.tailbench.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.runtime.HostFunction;

/** What peer engines with their own WASI read from a {@link Wasi}: its configuration, its imports' owner, onClose. */
class WasiConfigTest {
    @Test void configRepeatsWhatTheBuilderWasGiven(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectory(dir.resolve("data"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        InputStream in = InputStream.nullInputStream();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "1");
        env.put("B", "x=y");
        try (Wasi wasi = Wasi.builder().args(List.of("prog", "arg")).env(env).preopen(sub, "/data")
                .stdin(in).stdout(out).stderr(err).randomSeed(5).build()) {
            WasiConfig c = wasi.config();
            assertThat(c.args()).containsExactly("prog", "arg");
            assertThat(c.env()).containsExactly("A=1", "B=x=y");
            assertThat(c.preopens()).containsExactly(Map.entry("/data", sub.toRealPath()));
            assertThat(c.stdin()).isSameAs(in);
            assertThat(c.stdout()).isSameAs(out);
            assertThat(c.stderr()).isSameAs(err);
            assertThat(c.randomSeed()).hasValue(5);
            assertThat(wasi.imports().wasi()).isSameAs(wasi);
            assertThat(wasi.imports().resolve(Wasi.PREVIEW1, "fd_write")).isInstanceOf(HostFunction.class);
            assertThat(wasi.imports().resolve(Wasi.PREVIEW1, "no_such_function")).isNull();
        }
    }

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
