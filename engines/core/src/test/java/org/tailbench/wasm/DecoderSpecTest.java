package org.tailbench.wasm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the decoder over every non-SIMD spec testsuite file: each binary {@code assert_malformed}
 * must throw {@link MalformedModuleException} whose spec message starts with the command's expected
 * text, and every other command's {@code .wasm} (modules, {@code assert_invalid},
 * {@code assert_unlinkable}, {@code assert_uninstantiable}, ...) must decode, since those failures
 * belong to later phases.
 */
class DecoderSpecTest {

    static Stream<String> files() { return SpecSuite.nonSimdFiles(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void decodesLikeTheSpec(String jsonFile) {
        List<String> failures = new ArrayList<>();
        int malformed = 0, decoded = 0;
        for (SpecSuite.Command c : SpecSuite.binaryCommands(jsonFile)) {
            byte[] bytes = c.bytes();
            if (c.type().equals("assert_malformed")) {
                malformed++;
                String got = outcome(bytes);
                if (!got.startsWith(c.text())) failures.add(c + "\n    expected: " + c.text() + "\n    got:      " + got);
            } else {
                decoded++;
                String got = outcome(bytes);
                if (!got.equals("decoded")) failures.add(c + "\n    expected: decoded\n    got:      " + got);
            }
        }
        System.out.printf("%s: %d binary assert_malformed, %d modules to decode, %d failures%n",
                jsonFile, malformed, decoded, failures.size());
        assertThat(failures).as("decoder disagreements with " + jsonFile + ":\n" + String.join("\n", failures)).isEmpty();
    }

    /** @return "decoded", or the spec message of the MalformedModuleException (other exceptions propagate) */
    private static String outcome(byte[] bytes) {
        try {
            Module m = Decoder.decode(bytes);
            assertThat(m.bytes).isSameAs(bytes);
            return "decoded";
        } catch (MalformedModuleException e) {
            return e.specMessage();
        }
    }
}
