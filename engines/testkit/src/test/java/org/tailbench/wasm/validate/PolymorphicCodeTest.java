package org.tailbench.wasm.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tailbench.wasm.Code;
import org.tailbench.wasm.Decoder;
import org.tailbench.wasm.FuncType;
import org.tailbench.wasm.InvalidModuleException;
import org.tailbench.wasm.Module;
import org.tailbench.wasm.Op;
import org.tailbench.testkit.gen.PolymorphicFunctions;

/**
 * The validator on stack-polymorphic code across {@code if}/{@code else}/{@code br}/{@code br_if}/
 * {@code br_table}/{@code return}/{@code unreachable} combinations ({@link PolymorphicFunctions}, seeded).
 * Two independent oracles:
 * <ul>
 *   <li>accept or reject: wabt's {@code wasm-validate}, an implementation of the spec's validation algorithm
 *       (appendix "Validation Algorithm") that shares nothing with ours;</li>
 *   <li>the {@link FunctionInfo} heights of accepted code: {@link #referenceHeights}, a search over the
 *       control-flow graph (every branch condition unknown) written here from the spec's execution rules
 *       (§4.4.8) — a different algorithm from the validator's single structured pass.</li>
 * </ul>
 * Regression: a then-branch that falls through into {@code else} makes the {@code end} live (code after
 * {@code if … else br … end} was taken for unreachable, and the closure engine returned a wrong value).
 */
class PolymorphicCodeTest {
    private static final int CASES = 600;

    @Test
    void codeAfterIfElseWhoseElseBranchesIsLive() {
        // (block (i32.const 1) (if (then) (else (br 1))) (return (i32.const 42))) (i32.const 7)
        byte[] wasm = HexFormat.of().parseHex(
                "0061736d010000000105016000017f03020100070501016600000a14011200024041010440050c010b412a0f0b41070b");
        Module m = Decoder.decode(wasm);
        FunctionInfo info = Validator.validate(m).functions()[0];
        assertThat(info.stackHeight()).containsExactly(referenceHeights(m, 0));
        // block, i32.const, if, else, br, end, i32.const 42, return, end, i32.const 7, end
        assertThat(info.stackHeight()).containsExactly(0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1);
    }

    static LongStream seeds() { return LongStream.range(0, CASES); }

    /** Valid-by-intent functions: our heights equal the reference's, instruction by instruction. */
    @ParameterizedTest
    @MethodSource("seeds")
    void heightsMatchTheReferenceOnValidCode(long seed) {
        byte[] wasm = PolymorphicFunctions.module(seed, 40 + (int) (seed % 60), 0);
        Module m = Decoder.decode(wasm);
        FunctionInfo info = Validator.validate(m).functions()[0];
        assertThat(info.stackHeight()).as("seed %d: %s", seed, HexFormat.of().formatHex(wasm))
                .containsExactly(referenceHeights(m, 0));
    }

    /** With faults injected: our verdict equals wasm-validate's; accepted code also gets the reference heights. */
    @Test
    void verdictMatchesWasmValidate(@TempDir Path dir) throws Exception {
        assumeThat(wasmValidateAvailable()).as("wabt's wasm-validate (apt-get install wabt; .ci/run installs it)").isTrue();
        int valid = 0, invalid = 0;
        for (long seed = 0; seed < CASES; seed++) {
            byte[] wasm = PolymorphicFunctions.module(1000 + seed, 30 + (int) (seed % 40), 0.04);
            Path file = dir.resolve("m" + seed + ".wasm");
            Files.write(file, wasm);
            boolean reference = wasmValidate(file);
            String hex = HexFormat.of().formatHex(wasm);
            Module m = Decoder.decode(wasm);
            if (reference) {
                FunctionInfo info = Validator.validate(m).functions()[0];
                assertThat(info.stackHeight()).as("seed %d: %s", seed, hex).containsExactly(referenceHeights(m, 0));
                valid++;
            } else {
                assertThatThrownBy(() -> Validator.validate(m)).as("seed %d: %s", seed, hex)
                        .isInstanceOf(InvalidModuleException.class);
                invalid++;
            }
        }
        // the generator must exercise both sides, or the comparison says little
        assertThat(valid).isGreaterThan(CASES / 5);
        assertThat(invalid).isGreaterThan(CASES / 5);
    }

    private static boolean wasmValidateAvailable() {
        try {
            return new ProcessBuilder("wasm-validate", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static boolean wasmValidate(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wasm-validate", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("wasm-validate finished").isTrue();
        return p.exitValue() == 0;
    }

    /**
     * Operand-stack height before each instruction of defined function {@code f}, or -1 where no execution
     * reaches it: a worklist search over the control-flow graph, taking both ways at every {@code if} and
     * {@code br_if} and every target of {@code br_table} (spec §4.4.8 execution rules). Heights count values
     * above the function's empty stack. Covers the instructions {@link PolymorphicFunctions} emits.
     */
    static int[] referenceHeights(Module m, int f) {
        Module.Function fn = m.functions.get(f);
        Code c = fn.body();
        int n = c.length;
        int[] parent = new int[n], end = new int[n], elseAt = new int[n];
        Arrays.fill(end, -1);
        Arrays.fill(elseAt, -1);
        ArrayDeque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            parent[i] = open.isEmpty() ? -1 : open.peek();
            Op op = c.opAt(i);
            if (op == Op.BLOCK || op == Op.LOOP || op == Op.IF) open.push(i);
            else if (op == Op.ELSE) elseAt[open.peek()] = i;
            else if (op == Op.END && !open.isEmpty()) end[open.pop()] = i;
        }
        int results = m.types.get(fn.typeIndex()).results().length;
        int[] height = new int[n];
        Arrays.fill(height, -1);
        ArrayDeque<int[]> work = new ArrayDeque<>();
        work.add(new int[] {0, 0});
        while (!work.isEmpty()) {
            int[] w = work.poll();
            int i = w[0], h = w[1];
            if (height[i] >= 0) {
                assertThat(h).as("two paths reach instruction %d with different heights", i).isEqualTo(height[i]);
                continue;
            }
            height[i] = h;
            Op op = c.opAt(i);
            switch (op) {
                case END -> { if (i < n - 1) work.add(new int[] {i + 1, h}); }
                case ELSE -> work.add(new int[] {end[parent[i]], h});
                case BLOCK, LOOP -> work.add(new int[] {i + 1, h});
                case IF -> {
                    work.add(new int[] {i + 1, h - 1});
                    work.add(new int[] {elseAt[i] >= 0 ? elseAt[i] + 1 : end[i], h - 1});
                }
                case BR -> work.add(target(m, c, parent, end, height, results, i, (int) c.a[i]));
                case BR_IF -> {
                    work.add(new int[] {i + 1, h - 1});
                    work.add(target(m, c, parent, end, height, results, i, (int) c.a[i]));
                }
                case BR_TABLE -> {
                    for (int l : c.brTables[(int) c.a[i]]) work.add(target(m, c, parent, end, height, results, i, l));
                }
                case RETURN, UNREACHABLE -> { }
                default -> work.add(new int[] {i + 1, h + effect(op)});
            }
        }
        return height;
    }

    /** Where a branch from instruction {@code i} to label {@code depth} lands, and with what height. */
    private static int[] target(Module m, Code c, int[] parent, int[] end, int[] height, int results, int i, int depth) {
        int o = parent[i];
        for (int k = 0; k < depth; k++) o = parent[o];
        if (o < 0) return new int[] {c.length - 1, results};
        FuncType bt = Code.blockType(m, c.a[o]);
        int entry = height[o] - bt.params().length - (c.opAt(o) == Op.IF ? 1 : 0);
        return c.opAt(o) == Op.LOOP
                ? new int[] {o + 1, entry + bt.params().length}
                : new int[] {end[o], entry + bt.results().length};
    }

    private static int effect(Op op) {
        return switch (op) {
            case I32_CONST, LOCAL_GET -> 1;
            case I32_ADD, I32_SUB, DROP, LOCAL_SET -> -1;
            case SELECT -> -2;
            case I32_EQZ, NOP -> 0;
            default -> throw new IllegalArgumentException("reference model lacks " + op);
        };
    }
}
