package org.tailbench.spectest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tailbench.spectest.WasmBytes.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tailbench.spectest.SpecRunner.FileResult;

/**
 * The runner's command handling on small hand-made testsuite files, with {@link StubEngine}.
 * Expected outcomes are what the testsuite's commands mean (spec interpreter semantics), e.g. a
 * module starting with bytes other than {@code \0asm} is malformed "magic header not detected".
 */
class SpecRunnerTest {
    @TempDir Path dir;

    private static final byte[] T_I32 = funcType(new int[0], I32);
    private static final byte[] T_VOID = funcType(new int[0]);

    /** answer() = 42, trap() traps, overflow() makes the stub throw StackOverflowError, global g = 7. */
    private static byte[] mainModule() {
        return module(
                section(TYPE, T_I32, T_VOID),
                section(FUNCTION, u32(0), u32(1), u32(0)),
                section(GLOBAL, bytes(I32, 0x00, 0x41, 0x07, 0x0B)),
                section(EXPORT, export("answer", 0, 0), export("trap", 0, 1), export("overflow", 0, 2), export("g", 3, 0)),
                section(CODE, body(0x41, 0x2A, 0x0B), body(0x00, 0x0B), body(0x03, 0x40, 0x0B, 0x41, 0x00, 0x0B)));
    }

    /** Imports M.answer and re-exports a function calling it as "via". */
    private static byte[] linkingModule() {
        return module(
                section(TYPE, T_I32),
                section(IMPORT, importFunc("M", "answer", 0)),
                section(FUNCTION, u32(0)),
                section(EXPORT, export("via", 0, 1)),
                section(CODE, body(0x10, 0x00, 0x0B)));
    }

    private void write(String file, byte[] bytes) throws IOException { Files.write(dir.resolve(file), bytes); }

    private Path json(String name, String commands) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"source_filename\": \"" + name + "\", \"commands\": [\n" + commands + "\n]}");
        return p;
    }

    @Test
    void malformedBinariesPassAndTextModulesAreSkipped() throws IOException {
        write("m.0.wasm", bytes(0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00));
        write("m.1.wasm", bytes(0x00, 0x61, 0x73, 0x6D, 0x01));
        Path p = json("m.json", """
                {"type": "assert_malformed", "line": 1, "filename": "m.0.wasm", "text": "magic header not detected", "module_type": "binary"},
                {"type": "assert_malformed", "line": 2, "filename": "m.1.wasm", "text": "unexpected end", "module_type": "binary"},
                {"type": "assert_malformed", "line": 3, "filename": "m.2.wat", "text": "unknown operator", "module_type": "text"}""");
        FileResult r = SpecRunner.runFile(p, new StubEngine());
        assertThat(r.failures()).isEmpty();
        assertThat(r.passed()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.messageMismatches()).isEmpty();
    }

    @Test
    void rejectionWithAnotherMessagePassesLenientlyAndFailsStrictly() throws IOException {
        write("m.0.wasm", bytes(0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00));
        Path p = json("m.json", """
                {"type": "assert_malformed", "line": 5, "filename": "m.0.wasm", "text": "unknown binary version", "module_type": "binary"}""");
        FileResult lenient = SpecRunner.runFile(p, new StubEngine(), false);
        assertThat(lenient.passed()).isEqualTo(1);
        assertThat(lenient.messageMismatches()).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("unknown binary version").contains("magic header not detected"));
        FileResult strict = SpecRunner.runFile(p, new StubEngine(), true);
        assertThat(strict.failed()).isEqualTo(1);
        assertThat(strict.failures().get(0).line()).isEqualTo(5);
    }

    @Test
    void acceptedModuleFailsAssertInvalidAndInvalidModulePasses() throws IOException {
        write("v.0.wasm", mainModule());
        // (func (result i32) (i64.const 0)): "type mismatch" (spec 2.0 §3.3)
        write("v.1.wasm", module(section(TYPE, T_I32), section(FUNCTION, u32(0)), section(CODE, body(0x42, 0x00, 0x0B))));
        Path p = json("v.json", """
                {"type": "assert_invalid", "line": 7, "filename": "v.0.wasm", "text": "type mismatch", "module_type": "binary"},
                {"type": "assert_invalid", "line": 8, "filename": "v.1.wasm", "text": "type mismatch", "module_type": "binary"}""");
        FileResult r = SpecRunner.runFile(p, new StubEngine(), true);
        assertThat(r.failed()).as(r.report()).isEqualTo(1);
        assertThat(r.failures().get(0).line()).isEqualTo(7);
        assertThat(r.failures().get(0).detail()).contains("accepted");
        assertThat(r.passed()).isEqualTo(1);
    }

    @Test
    void actionsAssertionsAndFailuresAreCountedPerCommand() throws IOException {
        write("a.0.wasm", mainModule());
        Path p = json("a.json", """
                {"type": "module", "line": 1, "filename": "a.0.wasm"},
                {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "answer", "args": []}, "expected": [{"type": "i32", "value": "42"}]},
                {"type": "assert_return", "line": 3, "action": {"type": "invoke", "field": "answer", "args": []}, "expected": [{"type": "i32", "value": "43"}]},
                {"type": "assert_return", "line": 4, "action": {"type": "get", "field": "g"}, "expected": [{"type": "i32", "value": "7"}]},
                {"type": "assert_trap", "line": 5, "action": {"type": "invoke", "field": "trap", "args": []}, "text": "unreachable", "expected": []},
                {"type": "assert_trap", "line": 6, "action": {"type": "invoke", "field": "trap", "args": []}, "text": "integer overflow", "expected": []},
                {"type": "assert_exhaustion", "line": 7, "action": {"type": "invoke", "field": "overflow", "args": []}, "text": "call stack exhausted", "expected": []},
                {"type": "action", "line": 8, "action": {"type": "invoke", "field": "missing", "args": []}, "expected": []},
                {"type": "assert_trap", "line": 9, "action": {"type": "invoke", "field": "answer", "args": []}, "text": "unreachable", "expected": []},
                {"type": "assert_return", "line": 10, "action": {"type": "invoke", "field": "answer", "args": []}, "expected": [{"type": "i32", "value": "42"}]}""");
        FileResult r = SpecRunner.runFile(p, new StubEngine());
        assertThat(r.failures()).as(r.report()).extracting(SpecRunner.Failure::line).containsExactly(3, 6, 7, 8, 9);
        assertThat(r.failures().get(0).detail()).contains("expected i32:43, got i32:42");
        assertThat(r.failures().get(2).detail()).contains("StackOverflowError");
        assertThat(r.passed()).isEqualTo(5);
        assertThat(r.total()).isEqualTo(10);
    }

    @Test
    void registeredAndNamedModulesLinkAndLinkErrorsAreChecked() throws IOException {
        write("l.0.wasm", mainModule());
        write("l.1.wasm", linkingModule());
        // imports M.nope: unknown import
        write("l.2.wasm", module(section(TYPE, T_I32), section(IMPORT, importFunc("M", "nope", 0))));
        // imports spectest.print_i32 as () -> i32: incompatible import type
        write("l.3.wasm", module(section(TYPE, T_I32), section(IMPORT, importFunc("spectest", "print_i32", 0))));
        // start function traps: uninstantiable "unreachable"
        write("l.4.wasm", module(section(TYPE, T_VOID), section(FUNCTION, u32(0)),
                cat(bytes(START, 1), u32(0)), section(CODE, body(0x00, 0x0B))));
        Path p = json("l.json", """
                {"type": "module", "line": 1, "name": "$A", "filename": "l.0.wasm"},
                {"type": "register", "line": 2, "name": "$A", "as": "M"},
                {"type": "module", "line": 3, "name": "$B", "filename": "l.1.wasm"},
                {"type": "assert_return", "line": 4, "action": {"type": "invoke", "module": "$B", "field": "via", "args": []}, "expected": [{"type": "i32", "value": "42"}]},
                {"type": "assert_return", "line": 5, "action": {"type": "get", "module": "$A", "field": "g"}, "expected": [{"type": "i32", "value": "7"}]},
                {"type": "assert_unlinkable", "line": 6, "filename": "l.2.wasm", "text": "unknown import", "module_type": "binary"},
                {"type": "assert_unlinkable", "line": 7, "filename": "l.3.wasm", "text": "incompatible import type", "module_type": "binary"},
                {"type": "assert_uninstantiable", "line": 8, "filename": "l.4.wasm", "text": "unreachable", "module_type": "binary"},
                {"type": "assert_unlinkable", "line": 9, "filename": "l.0.wasm", "text": "unknown import", "module_type": "binary"},
                {"type": "assert_return", "line": 10, "action": {"type": "invoke", "module": "$Nope", "field": "via", "args": []}, "expected": []}""");
        FileResult r = SpecRunner.runFile(p, new StubEngine(), true);
        assertThat(r.failures()).as(r.report()).extracting(SpecRunner.Failure::line).containsExactly(9, 10);
        assertThat(r.passed()).isEqualTo(8);
    }

    @Test
    void missingModuleFileFailsOneCommandAndSimdFilesAreSkipped() throws IOException {
        Path p = json("x.json", """
                {"type": "module", "line": 1, "filename": "x.0.wasm"},
                {"type": "assert_malformed", "line": 2, "filename": "x.1.wat", "text": "x", "module_type": "text"}""");
        FileResult r = SpecRunner.runFile(p, new StubEngine());
        assertThat(r.failed()).as(r.report()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);

        Files.copy(p, dir.resolve("simd_x.json"));
        FileResult simd = SpecRunner.runFile(dir.resolve("simd_x.json"), new StubEngine());
        assertThat(simd.skipped()).isEqualTo(2);
        assertThat(simd.passed() + simd.failed()).isZero();
    }

    @Test
    void unreadableJsonIsOneFailure() throws IOException {
        Path p = dir.resolve("broken.json");
        Files.writeString(p, "{\"commands\": [");
        FileResult r = SpecRunner.runFile(p, new StubEngine());
        assertThat(r.failed()).as(r.report()).isEqualTo(1);
        assertThat(r.failures().get(0).line()).isZero();
    }
}
