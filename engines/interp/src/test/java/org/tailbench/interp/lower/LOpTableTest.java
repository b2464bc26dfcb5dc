package org.tailbench.interp.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@link LOp} is derived from {@link org.tailbench.wasm.Op}: the committed file is exactly {@link LOpGenerator}'s output, and the
 * compiled class agrees with it. With {@code -Dtailbench.regenerate=true} the test rewrites the file instead of
 * failing (then rebuild).
 */
class LOpTableTest {
    @Test
    void committedFileIsTheGeneratorsOutput() throws IOException {
        String generated = LOpGenerator.generate();
        if (Boolean.getBoolean("tailbench.regenerate")) {
            Files.writeString(LOpGenerator.FILE, generated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.readString(LOpGenerator.FILE, StandardCharsets.UTF_8))
                .as("%s differs from LOpGenerator's output: regenerate it (-Dtailbench.regenerate=true, see LOpGenerator)",
                        LOpGenerator.FILE)
                .isEqualTo(generated);
    }

    @Test
    void compiledConstantsAreTheirIndexInNames() throws ReflectiveOperationException {
        assertThat(LOp.NAMES).hasSize(LOp.COUNT).doesNotHaveDuplicates();
        for (int op = 0; op < LOp.COUNT; op++) assertThat(LOp.class.getField(LOp.NAMES[op]).getInt(null)).isEqualTo(op);
    }
}
