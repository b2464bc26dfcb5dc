package org.tailbench.wasm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tailbench.wasm.validate.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Seeded mutation fuzzing of the decoder over the spec testsuite's non-SIMD {@code .wasm} files that
 * decode (8 x 1500 cases):
 * truncations, bit flips, byte overwrites, insertions and deletions. The decoder must either
 * succeed or throw {@link MalformedModuleException}; any other throwable (index out of bounds,
 * negative array size, stack overflow, out of memory, ...) is a bug. Each failure names the seed,
 * case, file and mutation so it can be replayed.
 */
class DecoderFuzzTest {
    private static final int CASES_PER_SEED = 1500;

    private static List<Path> corpus;

    private static synchronized List<Path> corpus() {
        if (corpus == null) {
            Path dir = SpecSuite.jsonDir();
            try (Stream<Path> s = Files.list(dir)) {
                // Mutate modules that decode, so that mutations reach every section and instruction
                // (the testsuite's malformed ones are checked one by one by DecoderSpecTest).
                corpus = s.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".wasm") && !n.startsWith("simd_") && decodes(p);
                }).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assumeTrue(!corpus.isEmpty(), "no .wasm files in " + SpecSuite.jsonDir());
        return corpus;
    }

    private static boolean decodes(Path p) {
        try {
            Decoder.decode(Files.readAllBytes(p));
            return true;
        } catch (MalformedModuleException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutated module and how it was made. */
    record Case(String description, byte[] bytes) {}

    static Case mutate(Random rnd, Path file) {
        byte[] orig;
        try { orig = Files.readAllBytes(file); } catch (IOException e) { throw new UncheckedIOException(e); }
        String name = file.getFileName().toString();
        if (orig.length == 0) return new Case(name + " (empty)", orig);
        int at = rnd.nextInt(orig.length);
        return switch (rnd.nextInt(6)) {
            case 0 -> new Case(name + " truncated to " + at, Arrays.copyOf(orig, at));
            case 1, 2 -> {
                byte[] b = orig.clone();
                int flips = 1 + rnd.nextInt(3);
                StringBuilder d = new StringBuilder(name + " bit flips");
                for (int i = 0; i < flips; i++) {
                    int p = 8 + rnd.nextInt(Math.max(1, b.length - 8)) ;
                    if (p >= b.length) p = rnd.nextInt(b.length);
                    int bit = rnd.nextInt(8);
                    b[p] ^= (byte) (1 << bit);
                    d.append(" @").append(p).append('.').append(bit);
                }
                yield new Case(d.toString(), b);
            }
            case 3 -> {
                byte[] b = orig.clone();
                int v = rnd.nextBoolean() ? 0xFF : rnd.nextInt(256);
                b[at] = (byte) v;
                yield new Case(name + " byte " + at + " := 0x" + Integer.toHexString(v), b);
            }
            case 4 -> {
                byte[] b = new byte[orig.length + 1];
                System.arraycopy(orig, 0, b, 0, at);
                int v = rnd.nextInt(256);
                b[at] = (byte) v;
                System.arraycopy(orig, at, b, at + 1, orig.length - at);
                yield new Case(name + " insert 0x" + Integer.toHexString(v) + " at " + at, b);
            }
            default -> {
                byte[] b = new byte[orig.length - 1];
                System.arraycopy(orig, 0, b, 0, at);
                System.arraycopy(orig, at + 1, b, at, orig.length - at - 1);
                yield new Case(name + " delete byte " + at, b);
            }
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void decoderThrowsOnlyMalformedModuleException(long seed) {
        List<Path> files = corpus();
        Random rnd = new Random(seed);
        List<String> failures = new ArrayList<>();
        int decoded = 0, malformed = 0;
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Case c = mutate(rnd, files.get(rnd.nextInt(files.size())));
            try {
                Decoder.decode(c.bytes());
                decoded++;
            } catch (MalformedModuleException e) {
                malformed++;
                assertThat(e.specMessage()).isNotBlank();
                assertThat(e.offset()).isBetween(0L, (long) c.bytes().length);
            } catch (Throwable t) {
                failures.add("seed " + seed + " case " + i + " " + c.description() + ": " + t);
            }
        }
        System.out.printf("seed %d: %d decoded, %d malformed, %d failures%n", seed, decoded, malformed, failures.size());
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        assertThat(malformed).as("mutations should often break the module").isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void validatorThrowsOnlyInvalidModuleException(long seed) {
        assumeTrue(validatorImplemented(), "Validator.validate is not implemented yet");
        List<Path> files = corpus();
        Random rnd = new Random(seed);
        List<String> failures = new ArrayList<>();
        int valid = 0, invalid = 0;
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Case c = mutate(rnd, files.get(rnd.nextInt(files.size())));
            Module m;
            try {
                m = Decoder.decode(c.bytes());
            } catch (MalformedModuleException e) {
                continue;
            }
            try {
                Validator.validate(m);
                valid++;
            } catch (InvalidModuleException e) {
                invalid++;
            } catch (Throwable t) {
                failures.add("seed " + seed + " case " + i + " " + c.description() + ": " + t);
            }
        }
        System.out.printf("validator seed %d: %d valid, %d invalid, %d failures%n", seed, valid, invalid, failures.size());
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    private static boolean validatorImplemented() {
        Module empty = Decoder.decode(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        try {
            Validator.validate(empty);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
